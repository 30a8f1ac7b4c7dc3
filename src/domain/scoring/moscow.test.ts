import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeMoscow,
  explainMoscow,
  isMoscowCategory,
  MOSCOW_CATEGORIES,
  MOSCOW_GUIDANCE,
  MOSCOW_MUST_LIMIT,
  type MoscowCategory,
  type MoscowItem,
  summarizeMoscow,
} from './moscow.js';

describe('MoSCoW', () => {
  it('accepts the four categories and orders them must > should > could > wont', () => {
    const priorities = MOSCOW_CATEGORIES.map((c) => {
      const r = computeMoscow({ category: c });
      return r.ok ? r.priority : -1;
    });
    expect(priorities).toEqual([4, 3, 2, 1]);
    expect(isMoscowCategory('must')).toBe(true);
    expect(isMoscowCategory('Must')).toBe(false);
  });

  it('rejects unknown categories and reports a missing one', () => {
    expect(computeMoscow({ category: 'maybe' as MoscowCategory })).toMatchObject({ ok: false, errors: [{ field: 'category' }] });
    expect(computeMoscow({})).toEqual({ ok: false, reason: 'missing', missing: ['category'], errors: [] });
  });

  it('explains the category', () => {
    expect(explainMoscow({ category: 'should' })).toMatchObject({ value: 'should', summary: 'Should have (priority 3 of 4)' });
    expect(explainMoscow({})).toMatchObject({ value: null, missing: ['category'] });
  });

  describe('summarizeMoscow', () => {
    it('reports the Must-have share of planned effort and warns above 60%', () => {
      const items: MoscowItem[] = [
        { id: 'a', category: 'must', effort: 7 },
        { id: 'b', category: 'should', effort: 2 },
        { id: 'c', category: 'could', effort: 1 },
      ];
      const r = summarizeMoscow(items);
      expect(r).toMatchObject({ ok: true, value: 0.7, plannedEffort: 10, overLimit: true, limit: 0.6 });
      expect(r.ok && r.warning).toContain('70%');
      expect(r.ok && r.guidance).toBe(MOSCOW_GUIDANCE);
    });

    it('does not warn at exactly 60%', () => {
      const r = summarizeMoscow([
        { id: 'a', category: 'must', effort: 6 },
        { id: 'b', category: 'could', effort: 4 },
      ]);
      expect(r).toMatchObject({ ok: true, value: 0.6, overLimit: false, warning: null });
    });

    it("leaves Won't-haves out of the timebox's effort", () => {
      const r = summarizeMoscow([
        { id: 'a', category: 'must', effort: 5 },
        { id: 'b', category: 'should', effort: 5 },
        { id: 'c', category: 'wont', effort: 90 },
      ]);
      expect(r).toMatchObject({ ok: true, value: 0.5, totals: { must: 5, should: 5, could: 0, wont: 90 } });
    });

    it('lists items without category or effort instead of counting them as 0', () => {
      const r = summarizeMoscow([
        { id: 'a', category: 'must', effort: 3 },
        { id: 'b', category: 'should', effort: 1 },
        { id: 'c', category: 'must', effort: null },
        { id: 'd', effort: 4 },
      ]);
      expect(r).toMatchObject({
        ok: true,
        value: 0.75,
        incomplete: [
          { id: 'c', missing: ['effort'] },
          { id: 'd', missing: ['category'] },
        ],
      });
    });

    it('reports missing effort when nothing can be measured', () => {
      expect(summarizeMoscow([])).toMatchObject({ ok: false, reason: 'missing', missing: ['effort'] });
      expect(summarizeMoscow([{ id: 'a', category: 'wont', effort: 3 }])).toMatchObject({ ok: false, reason: 'missing' });
    });

    it('rejects bad items and bad limits, naming the item', () => {
      const r = summarizeMoscow([
        { id: 'a', category: 'must', effort: -1 },
        { id: 'b', category: 'nope' as MoscowCategory, effort: 1 },
      ]);
      expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ field: 'items[0].effort' }, { field: 'items[1].category' }] });
      expect(summarizeMoscow([{ id: 'a', category: 'must', effort: 1 }], { limit: 1.5 })).toMatchObject({
        ok: false,
        errors: [{ field: 'limit' }],
      });
    });

    it('honours a custom limit', () => {
      const items: MoscowItem[] = [
        { id: 'a', category: 'must', effort: 5 },
        { id: 'b', category: 'could', effort: 5 },
      ];
      expect(summarizeMoscow(items, { limit: 0.4 })).toMatchObject({ ok: true, overLimit: true });
      expect(MOSCOW_MUST_LIMIT).toBe(0.6);
    });

    it('mentions the 60% guidance', () => {
      expect(MOSCOW_GUIDANCE).toContain('60%');
      expect(MOSCOW_GUIDANCE).toContain('DSDM');
    });

    const item = fc.record({
      id: fc.uuid(),
      category: fc.constantFrom<MoscowCategory>('must', 'should', 'could', 'wont'),
      effort: fc.integer({ min: 0, max: 1000 }),
    });

    it('property: the share is in [0, 1], warns exactly above the limit, and ignores item order', () => {
      fc.assert(
        fc.property(fc.array(item, { maxLength: 40 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (items, limit) => {
          const r = summarizeMoscow(items, { limit });
          if (!r.ok) return r.reason === 'missing';
          const reversed = summarizeMoscow([...items].reverse(), { limit });
          return (
            r.value >= 0 &&
            r.value <= 1 &&
            r.overLimit === r.value > limit &&
            (r.warning !== null) === r.overLimit &&
            reversed.ok &&
            Math.abs(reversed.value - r.value) < 1e-12
          );
        }),
      );
    });
  });
});
