import { describe, expect, it } from 'vitest';
import { parsePeriodKey, periodChoices, periodKey } from './period-keys.js';
import { isPeriodKey, validateStrategySearch } from './search-params.js';

describe('strategy URL', () => {
  it('keeps valid periods, products and the new flag, and drops the rest', () => {
    expect(validateStrategySearch({ period: '2027-Q1', product: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', new: 'true' })).toEqual({
      period: '2027-Q1',
      product: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      new: true,
    });
    expect(validateStrategySearch({ period: 2027 })).toEqual({ period: '2027' });
    expect(validateStrategySearch({ period: '2027-Q5', product: 'x', new: 'no' })).toEqual({});
    expect(['all', '2026-H2', '1970', '2999-Q4'].every(isPeriodKey)).toBe(true);
    expect(['1969', '2027-H3', '2027-q1', '27-Q1', ''].some(isPeriodKey)).toBe(false);
  });

  it('turns period keys into periods and back', () => {
    expect(parsePeriodKey('2027-Q1')).toEqual({ kind: 'quarter', start: '2027-01-01', end: '2027-03-31' });
    expect(parsePeriodKey('2026-H2')).toEqual({ kind: 'half', start: '2026-07-01', end: '2026-12-31' });
    expect(parsePeriodKey('all')).toBeNull();
    for (const key of ['2027-Q1', '2027-Q4', '2026-H1', '2030']) expect(periodKey(parsePeriodKey(key)!)).toBe(key);
  });

  it('offers the quarters around today, this half and the years', () => {
    expect(periodChoices('2026-11-22').map(periodKey)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2', '2026-H2', '2026', '2027']);
  });
});
