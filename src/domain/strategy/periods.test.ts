import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  elapsedFraction,
  isIsoDate,
  normalisePeriod,
  type Period,
  periodContaining,
  periodContains,
  periodDays,
  periodLabel,
  periodParts,
  periodsOverlap,
  periodToInput,
  shiftPeriod,
} from './periods.js';

const ok = (input: Parameters<typeof normalisePeriod>[0]): Period => {
  const result = normalisePeriod(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.period;
};
const fields = (input: Parameters<typeof normalisePeriod>[0]) => {
  const result = normalisePeriod(input);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe('normalisePeriod', () => {
  it('turns quarters, halves and years into their first and last day', () => {
    expect(ok({ kind: 'quarter', year: 2027, number: 1 })).toEqual({ kind: 'quarter', start: '2027-01-01', end: '2027-03-31' });
    expect(ok({ kind: 'quarter', year: 2026, number: 4 })).toEqual({ kind: 'quarter', start: '2026-10-01', end: '2026-12-31' });
    expect(ok({ kind: 'half', year: 2026, number: 2 })).toEqual({ kind: 'half', start: '2026-07-01', end: '2026-12-31' });
    expect(ok({ kind: 'year', year: 2027 })).toEqual({ kind: 'year', start: '2027-01-01', end: '2027-12-31' });
  });

  it('knows leap years', () => {
    expect(ok({ kind: 'custom', start: '2028-02-29', end: '2028-02-29' }).end).toBe('2028-02-29');
    expect(fields({ kind: 'custom', start: '2027-02-29', end: '2027-03-01' })).toEqual(['start']);
    expect(periodContaining('quarter', '2028-02-10')).toEqual({ kind: 'quarter', start: '2028-01-01', end: '2028-03-31' });
  });

  it('keeps explicit dates when start is on or before end', () => {
    expect(ok({ kind: 'custom', start: '2026-11-15', end: '2027-02-14' })).toEqual({
      kind: 'custom',
      start: '2026-11-15',
      end: '2027-02-14',
    });
    expect(fields({ kind: 'custom', start: '2027-02-14', end: '2026-11-15' })).toEqual(['end']);
  });

  it('says which field is wrong', () => {
    expect(fields({ kind: 'quarter', year: 2027, number: 5 })).toEqual(['number']);
    expect(fields({ kind: 'quarter', year: 2027, number: 0 })).toEqual(['number']);
    expect(fields({ kind: 'quarter', year: 2027, number: 1.5 })).toEqual(['number']);
    expect(fields({ kind: 'half', year: 2027, number: 3 })).toEqual(['number']);
    expect(fields({ kind: 'quarter', number: 1 })).toEqual(['year']);
    expect(fields({ kind: 'year', year: 12 })).toEqual(['year']);
    expect(fields({ kind: 'year', year: 2027, number: 1 })).toEqual(['number']);
    expect(fields({ kind: 'quarter', year: 2027, number: 1, start: '2027-01-01' })).toEqual(['start']);
    expect(fields({ kind: 'custom', start: '2027-1-1', end: '2027-13-01' })).toEqual(['start', 'end']);
    expect(fields({ kind: 'custom', start: '2027-01-01', end: '2027-02-01', year: 2027 })).toEqual(['year']);
    expect(fields({ kind: 'week' as never })).toEqual(['kind']);
  });

  it('gives every quarter of a year a contiguous, non-overlapping range covering the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2999 }), (year) => {
        const quarters = [1, 2, 3, 4].map((number) => ok({ kind: 'quarter', year, number }));
        const whole = ok({ kind: 'year', year });
        expect(quarters[0]?.start).toBe(whole.start);
        expect(quarters[3]?.end).toBe(whole.end);
        expect(quarters.reduce((n, q) => n + periodDays(q), 0)).toBe(periodDays(whole));
        for (let i = 1; i < 4; i += 1) expect(periodsOverlap(quarters[i - 1]!, quarters[i]!)).toBe(false);
      }),
    );
  });
});

describe('reading periods back', () => {
  it('labels each kind', () => {
    expect(periodLabel(ok({ kind: 'quarter', year: 2027, number: 1 }))).toBe('Q1 2027');
    expect(periodLabel(ok({ kind: 'half', year: 2026, number: 2 }))).toBe('H2 2026');
    expect(periodLabel(ok({ kind: 'year', year: 2027 }))).toBe('2027');
    expect(periodLabel(ok({ kind: 'custom', start: '2026-11-15', end: '2027-02-14' }))).toBe('2026-11-15 – 2027-02-14');
    expect(periodLabel(ok({ kind: 'quarter', year: 2027, number: 3 }), { quarter: 'T' })).toBe('T3 2027');
    expect(
      periodLabel(ok({ kind: 'custom', start: '2026-11-15', end: '2027-02-14' }), { formatDay: (d) => d.slice(5), separator: '→' }),
    ).toBe('11-15→02-14');
  });

  it('reads a calendar period whose dates were altered as custom', () => {
    expect(periodParts({ kind: 'quarter', start: '2027-01-02', end: '2027-03-31' })).toEqual({
      kind: 'custom',
      start: '2027-01-02',
      end: '2027-03-31',
    });
  });

  it('round-trips: the input read back from a period normalises to the same period', () => {
    const input = fc.oneof(
      fc.record({
        kind: fc.constant('quarter' as const),
        year: fc.integer({ min: 1970, max: 2999 }),
        number: fc.integer({ min: 1, max: 4 }),
      }),
      fc.record({ kind: fc.constant('half' as const), year: fc.integer({ min: 1970, max: 2999 }), number: fc.integer({ min: 1, max: 2 }) }),
      fc.record({ kind: fc.constant('year' as const), year: fc.integer({ min: 1970, max: 2999 }) }),
    );
    fc.assert(
      fc.property(input, (i) => {
        const period = ok(i);
        expect(periodToInput(period)).toEqual(i);
        expect(ok(periodToInput(period))).toEqual(period);
      }),
    );
  });

  it('finds the period containing a day, and its neighbours', () => {
    const day = fc
      .date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2998-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom('quarter' as const, 'half' as const, 'year' as const), (d, kind) => {
        const period = periodContaining(kind, d);
        expect(isIsoDate(period.start) && isIsoDate(period.end)).toBe(true);
        expect(periodContains(period, d)).toBe(true);
        const next = shiftPeriod(period, 1);
        const previous = shiftPeriod(period, -1);
        expect(periodsOverlap(period, next) || periodsOverlap(period, previous)).toBe(false);
        expect(shiftPeriod(next, -1)).toEqual(period);
        expect(previous.end < period.start && period.end < next.start).toBe(true);
      }),
    );
  });

  it('measures the share of a period gone by', () => {
    const q = ok({ kind: 'quarter', year: 2027, number: 1 });
    expect(periodDays(q)).toBe(90);
    expect(elapsedFraction(q, '2026-12-31')).toBe(0);
    expect(elapsedFraction(q, '2027-01-01')).toBeCloseTo(1 / 90);
    expect(elapsedFraction(q, '2027-02-14')).toBeCloseTo(45 / 90);
    expect(elapsedFraction(q, '2027-03-31')).toBe(1);
    expect(elapsedFraction(q, '2027-06-01')).toBe(1);
  });
});
