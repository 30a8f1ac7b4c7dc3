import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankBy, rankItems } from './rank.js';

interface Item {
  id: string;
  title: string;
  score: number | null;
}

const byTitle = (f: Item) => [f.title];

describe('rankItems', () => {
  it('sorts highest first with unscored items last', () => {
    const items: Item[] = [
      { id: 'a', title: 'A', score: 5 },
      { id: 'b', title: 'B', score: null },
      { id: 'c', title: 'C', score: 9 },
      { id: 'd', title: 'D', score: 0 },
      { id: 'e', title: 'E', score: -2 },
    ];
    expect(rankItems(items).map((r) => r.item.id)).toEqual(['c', 'a', 'd', 'e', 'b']);
  });

  it('treats NaN and Infinity as unscored', () => {
    const items: Item[] = [
      { id: 'a', title: 'A', score: Number.NaN },
      { id: 'b', title: 'B', score: 1 },
      { id: 'c', title: 'C', score: Number.POSITIVE_INFINITY },
    ];
    expect(rankItems(items).map((r) => [r.item.id, r.score, r.rank])).toEqual([
      ['b', 1, 1],
      ['a', null, null],
      ['c', null, null],
    ]);
  });

  it('breaks ties by the secondary key then id, case-insensitively first', () => {
    const items: Item[] = [
      { id: '3', title: 'beta', score: 2 },
      { id: '2', title: 'Alpha', score: 2 },
      { id: '1', title: 'alpha', score: 2 },
      { id: '0', title: 'Gamma', score: null },
      { id: '9', title: 'Delta', score: null },
    ];
    // 'Alpha' and 'alpha' are the same title to a reader, so the id decides between them.
    expect(rankItems(items, byTitle).map((r) => r.item.id)).toEqual(['1', '2', '3', '9', '0']);
    const sameId = rankBy([{ t: 'b' }, { t: 'B' }], { score: () => 1, secondary: (x) => [x.t] });
    expect(sameId.map((r) => r.item.t)).toEqual(['B', 'b']);
  });

  it('gives equal scores the same competition rank', () => {
    const items: Item[] = [4, 7, 7, 3, 7].map((score, i) => ({ id: String(i), title: '', score }));
    expect(rankItems(items).map((r) => r.rank)).toEqual([1, 1, 1, 4, 5]);
  });

  it('accepts a locale-aware comparison and keeps input order as the last resort', () => {
    const items = ['b', 'a', 'ä', 'a'].map((title, i) => ({ title, n: i }));
    const ranked = rankBy(items, { score: () => 1, secondary: (x) => [x.title], compareStrings: new Intl.Collator('de').compare });
    expect(ranked.map((r) => r.item.n)).toEqual([1, 3, 2, 0]);
  });

  it('ranks 100,000 items well under a second', () => {
    const items: Item[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: `id-${(i * 7919) % 100_000}`,
      title: `Feature ${i % 997}`,
      score: i % 10 === 0 ? null : (i * 31) % 500,
    }));
    rankItems(items.slice(0, 1000), byTitle); // warm up the JIT
    const start = performance.now();
    const ranked = rankItems(items, byTitle);
    const elapsed = performance.now() - start;
    expect(ranked).toHaveLength(100_000);
    expect(ranked[0]!.score).toBe(499);
    expect(ranked.at(-1)!.score).toBeNull();
    expect(elapsed).toBeLessThan(1000);
    // Worst case: every score tied, so every comparison goes to the secondary keys.
    const tied = items.map((x) => ({ ...x, score: 1 }));
    const t2 = performance.now();
    rankItems(tied, byTitle);
    expect(performance.now() - t2).toBeLessThan(1000);
  });

  it('property: ties follow the keys case-insensitively, then exactly, then input order — whatever the keys', () => {
    const key = fc.oneof(fc.constantFrom('a', 'A', 'b', 'B', '[', 'a\u0000b', 'a\u0000', ''), fc.integer({ min: -2, max: 2 }));
    const lower = (k: string | number) => (typeof k === 'string' ? k.toLowerCase() : k);
    const cmpKey = (x: string | number | undefined, y: string | number | undefined): number => {
      if (x === y) return 0;
      if (x === undefined) return -1;
      if (y === undefined) return 1;
      if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
      return x < y ? -1 : 1;
    };
    const cmpTuple = (x: (string | number)[], y: (string | number)[]) => {
      for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
        const c = cmpKey(x[i], y[i]);
        if (c !== 0) return c;
      }
      return 0;
    };
    fc.assert(
      fc.property(fc.array(fc.array(key, { maxLength: 3 }), { maxLength: 40 }), (keyLists) => {
        const items = keyLists.map((keys, n) => ({ keys, n }));
        const ranked = rankBy(items, { score: () => 1, secondary: (x) => x.keys }).map((r) => r.item);
        for (let i = 1; i < ranked.length; i += 1) {
          const a = ranked[i - 1]!;
          const b = ranked[i]!;
          const c = cmpTuple(a.keys.map(lower), b.keys.map(lower)) || cmpTuple(a.keys, b.keys) || a.n - b.n;
          if (c > 0) return false;
        }
        return true;
      }),
    );
  });

  const itemArb = fc.record({
    id: fc.uuid(),
    title: fc.constantFrom('Alpha', 'alpha', 'Beta', 'Gamma', ''),
    score: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
  });

  it('property: returns a permutation, ordered by score then title then id', () => {
    fc.assert(
      fc.property(fc.uniqueArray(itemArb, { selector: (x) => x.id, maxLength: 60 }), (items) => {
        const ranked = rankItems(items, byTitle);
        if (ranked.length !== items.length) return false;
        if (new Set(ranked.map((r) => r.item)).size !== items.length) return false;
        for (let i = 1; i < ranked.length; i += 1) {
          const a = ranked[i - 1]!.item;
          const b = ranked[i]!.item;
          if (a.score === null && b.score !== null) return false;
          if (a.score !== null && b.score !== null && a.score < b.score) return false;
        }
        return true;
      }),
    );
  });

  it('property: the order does not depend on the input order when ids are unique', () => {
    const withShuffle = fc
      .uniqueArray(itemArb, { selector: (x) => x.id, maxLength: 60 })
      .chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length })));
    fc.assert(
      fc.property(withShuffle, ([items, shuffled]) => {
        const ids = (xs: readonly Item[]) => rankItems(xs, byTitle).map((r) => r.item.id);
        expect(ids(shuffled)).toEqual(ids(items));
      }),
    );
  });
});
