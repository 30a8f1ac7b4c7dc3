import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceSince, isReachWindow, reachWindowSince, utcDay } from './reach-window.js';

describe('reach windows', () => {
  it('end on the day the score is computed, that day included', () => {
    expect(reachWindowSince('2026-12-03', 90)).toBe('2026-09-05T00:00:00.000Z');
    expect(reachWindowSince('2026-12-03', 1)).toBe('2026-12-03T00:00:00.000Z');
    expect(reachWindowSince('2024-03-01', 2)).toBe('2024-02-29T00:00:00.000Z');
    expect(() => reachWindowSince('2026-12-03', 0)).toThrow(RangeError);
    expect(() => reachWindowSince('3 Dec', 30)).toThrow(RangeError);
    expect(utcDay('2026-12-03T23:59:59.999Z')).toBe('2026-12-03');
  });

  it('accept whole days from 1 to 3650', () => {
    expect([1, 90, 3650].every(isReachWindow)).toBe(true);
    expect([0, 1.5, 3651, Number.NaN, '90', null].some(isReachWindow)).toBe(false);
  });

  it('count the insights received since the start and their distinct customers', () => {
    const links = [
      { receivedAt: '2026-09-04T23:59:59.999Z', customerId: 'a' },
      { receivedAt: '2026-09-05T00:00:00.000Z', customerId: 'a' },
      { receivedAt: '2026-11-30T10:00:00.000Z', customerId: 'a' },
      { receivedAt: '2026-12-01T10:00:00.000Z', customerId: 'b' },
      { receivedAt: '2026-12-02T10:00:00.000Z', customerId: null },
    ];
    expect(evidenceSince(links, '2026-09-05T00:00:00.000Z')).toEqual({ insights: 4, customers: 2 });
    expect(evidenceSince(links, '2027-01-01T00:00:00.000Z')).toEqual({ insights: 0, customers: 0 });
  });

  it('property: a longer window never counts less', () => {
    const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map(utcDay);
    const links = fc.array(
      fc.record({
        receivedAt: fc.date({ min: new Date('2019-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
        customerId: fc.option(fc.constantFrom('a', 'b', 'c')),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 3649 }), links, (d, days, ls) => {
        const shorter = evidenceSince(ls, reachWindowSince(d, days));
        const longer = evidenceSince(ls, reachWindowSince(d, days + 1));
        expect(longer.insights).toBeGreaterThanOrEqual(shorter.insights);
        expect(longer.customers).toBeGreaterThanOrEqual(shorter.customers);
      }),
    );
  });
});
