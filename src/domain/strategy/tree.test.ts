import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildTree, checkMove, flattenTree, MAX_DEPTH, subtreeHeight, type TreeItem } from './tree.js';

const item = (id: string, parentId: string | null = null): TreeItem & { title: string } => ({ id, parentId, title: id });
const mapOf = (items: TreeItem[]) => new Map(items.map((i) => [i.id, i.parentId]));

describe('buildTree', () => {
  const items = [item('growth'), item('portal', 'growth'), item('retention'), item('app', 'growth'), item('nps', 'retention')];

  it('nests objectives under their parents, company goals first', () => {
    const forest = buildTree(items);
    expect(forest.map((n) => n.item.id)).toEqual(['growth', 'retention']);
    expect(forest[0]?.children.map((n) => [n.item.id, n.depth])).toEqual([
      ['portal', 2],
      ['app', 2],
    ]);
    expect(flattenTree(forest).map((n) => n.item.id)).toEqual(['growth', 'portal', 'app', 'retention', 'nps']);
  });

  it('orders siblings with the given comparison', () => {
    const forest = buildTree(items, (a, b) => a.id.localeCompare(b.id));
    expect(flattenTree(forest).map((n) => n.item.id)).toEqual(['growth', 'app', 'portal', 'retention', 'nps']);
  });

  it('shows an objective whose parent is not listed as a root', () => {
    const forest = buildTree([item('portal', 'growth'), item('nps', 'retention')]);
    expect(forest.map((n) => n.item.id)).toEqual(['portal', 'nps']);
  });

  it('shows every item exactly once, even with cycles in the data', () => {
    const arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.option(fc.integer({ min: 0, max: 12 }))), { maxLength: 30 });
    fc.assert(
      fc.property(arb, (pairs) => {
        const list = pairs.map(([id, parent]) => item(`o${id}`, parent === null ? null : `o${parent}`));
        const unique = new Set(list.map((i) => i.id));
        const flat = flattenTree(buildTree(list)).map((n) => n.item.id);
        expect(flat.length).toBe(unique.size);
        expect(new Set(flat)).toEqual(unique);
      }),
    );
  });
});

describe('checkMove', () => {
  // growth → portal → checkout; retention on its own.
  const parents = mapOf([item('growth'), item('portal', 'growth'), item('checkout', 'portal'), item('retention')]);

  it('allows moving under another branch or to the top', () => {
    expect(checkMove(parents, 'portal', 'retention')).toEqual({ allowed: true, depth: 2 });
    expect(checkMove(parents, 'portal', null)).toEqual({ allowed: true, depth: 1 });
    expect(checkMove(parents, null, 'checkout')).toEqual({ allowed: true, depth: 4 });
  });

  it('refuses making an objective its own ancestor', () => {
    expect(checkMove(parents, 'growth', 'growth')).toEqual({ allowed: false, reason: 'self_parent' });
    expect(checkMove(parents, 'growth', 'checkout')).toEqual({ allowed: false, reason: 'cycle' });
    expect(checkMove(parents, 'growth', 'portal')).toEqual({ allowed: false, reason: 'cycle' });
  });

  it('refuses a parent that does not exist', () => {
    expect(checkMove(parents, 'growth', 'elsewhere')).toEqual({ allowed: false, reason: 'unknown_parent' });
  });

  it(`limits trees to ${MAX_DEPTH} levels, counting what moves along`, () => {
    const chain = mapOf([item('l1'), item('l2', 'l1'), item('l3', 'l2'), item('l4', 'l3'), item('l5', 'l4'), item('a'), item('b', 'a')]);
    expect(checkMove(chain, null, 'l4')).toEqual({ allowed: true, depth: 5 });
    expect(checkMove(chain, null, 'l5')).toEqual({ allowed: false, reason: 'too_deep' });
    // a has one level under it: under l3 it would reach level 5; under l4, level 6.
    expect(checkMove(chain, 'a', 'l3')).toEqual({ allowed: true, depth: 4 });
    expect(checkMove(chain, 'a', 'l4')).toEqual({ allowed: false, reason: 'too_deep' });
    expect(subtreeHeight(chain, 'l1')).toBe(5);
    expect(ancestorsOf(chain, 'l5')).toEqual(['l4', 'l3', 'l2', 'l1']);
  });

  it('never lets a sequence of allowed moves create a cycle or exceed the depth limit', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const moves = fc.array(fc.tuple(fc.constantFrom(...ids), fc.option(fc.constantFrom(...ids))), { maxLength: 60 });
    fc.assert(
      fc.property(moves, (sequence) => {
        const state = new Map<string, string | null>(ids.map((id) => [id, null]));
        for (const [id, parent] of sequence) if (checkMove(state, id, parent).allowed) state.set(id, parent);
        for (const id of ids) {
          const chain = ancestorsOf(state, id);
          expect(chain).not.toContain(id);
          // The walk ends at a root (no cycle above either).
          const top = chain.length > 0 ? chain[chain.length - 1]! : id;
          expect(state.get(top)).toBeNull();
          expect(chain.length + 1).toBeLessThanOrEqual(MAX_DEPTH);
        }
      }),
    );
  });
});
