import { describe, expect, it } from 'vitest';
import { hasFilters, toFilters, validateInsightsSearch } from './search-params.js';

describe('inbox URL', () => {
  it('keeps known values and drops the rest', () => {
    expect(
      validateInsightsSearch({
        q: '  export ',
        status: 'new,bogus,triaged,new',
        source: 'nope',
        importance: 'critical',
        customer: 'not-an-id',
        from: '2026-03-01',
        to: 'yesterday',
        new: 'true',
      }),
    ).toEqual({ q: 'export', status: 'new,triaged', importance: 'critical', from: '2026-03-01', new: true });
  });

  it('asks the API for dates up to the end of the chosen day', () => {
    expect(toFilters({ from: '2026-03-01', to: '2026-03-31' })).toMatchObject({ from: '2026-03-01', to: '2026-04-01' });
    expect(hasFilters({ insight: '01a20177-3a5d-72a9-8da6-2453ed3cd084' })).toBe(false);
    expect(hasFilters({ tag: 'sso' })).toBe(true);
  });
});
