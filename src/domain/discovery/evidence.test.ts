import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EvidenceLink,
  filterBySegment,
  monthlyRevenue,
  reach,
  revenueOf,
  sameSegment,
  segmentKey,
  summarizeEvidence,
} from './evidence.js';
import { IMPORTANCE_LEVELS, INSIGHT_SOURCES, type Revenue } from './types.js';

const acme = { id: 'c1', name: 'Acme', segment: 'Enterprise', revenue: { amount: 12_000, period: 'year', currency: 'EUR' } as Revenue };
const beta = { id: 'c2', name: 'Beta', segment: 'SMB', revenue: { amount: 500, period: 'month', currency: 'EUR' } as Revenue };
const gamma = { id: 'c3', name: 'Gamma', segment: 'SMB', revenue: { amount: 300, period: 'month', currency: 'USD' } as Revenue };
const link = (insightId: string, customer: EvidenceLink['customer'], extra: Partial<EvidenceLink> = {}): EvidenceLink => ({
  insightId,
  importance: 'important',
  highlight: null,
  customer,
  source: 'support',
  receivedAt: '2024-03-01',
  ...extra,
});

describe('summarizeEvidence', () => {
  const links = [
    link('i1', acme, { importance: 'critical' }),
    link('i2', acme, { source: 'interview' }),
    link('i3', beta),
    link('i4', gamma, { importance: 'nice_to_have', source: 'sales' }),
    link('i5', null, { source: 'portal' }),
  ];

  it('counts insights and distinct customers, revenue once per customer, monthly, per currency', () => {
    const e = summarizeEvidence(links);
    expect(e.insightCount).toBe(5);
    expect(e.customerCount).toBe(3);
    expect(e.revenue).toEqual([
      { currency: 'EUR', monthly: 1_500 },
      { currency: 'USD', monthly: 300 },
    ]);
    expect(e.importance).toEqual({ nice_to_have: 1, important: 3, critical: 1 });
    expect(e.bySource).toMatchObject({ support: 2, interview: 1, sales: 1, portal: 1, survey: 0 });
    expect(e.bySegment).toEqual([
      { segment: 'Enterprise', insightCount: 2, customerCount: 1, revenue: [{ currency: 'EUR', monthly: 1_000 }] },
      {
        segment: 'SMB',
        insightCount: 2,
        customerCount: 2,
        revenue: [
          { currency: 'EUR', monthly: 500 },
          { currency: 'USD', monthly: 300 },
        ],
      },
      { segment: null, insightCount: 1, customerCount: 0, revenue: [] },
    ]);
  });

  it('filters by segment, null meaning no segment or no customer', () => {
    expect(summarizeEvidence(links, { segments: ['SMB'] })).toMatchObject({ insightCount: 2, customerCount: 2 });
    // Case and surrounding spaces do not matter.
    expect(summarizeEvidence(links, { segments: [' smb '] })).toMatchObject({ insightCount: 2, customerCount: 2 });
    expect(summarizeEvidence(links, { segments: ['ENTERPRISE'] })).toMatchObject({ insightCount: 2, customerCount: 1 });
    expect(summarizeEvidence(links, { segments: [null] })).toMatchObject({ insightCount: 1, customerCount: 0 });
    expect(filterBySegment(links, ['Enterprise']).map((l) => l.insightId)).toEqual(['i1', 'i2']);
  });

  it('takes the first record of a customer when links disagree, and ignores unusable revenue', () => {
    const stale = { ...acme, segment: 'SMB', revenue: { amount: 1, period: 'month', currency: 'EUR' } as Revenue };
    const e = summarizeEvidence([
      link('i1', acme),
      link('i2', stale),
      link('i3', { ...beta, revenue: { amount: Number.NaN, period: 'month', currency: 'EUR' } }),
    ]);
    expect(e.revenue).toEqual([{ currency: 'EUR', monthly: 1_000 }]);
    expect(e.customersWithoutRevenue).toBe(1);
    expect(e.bySegment.map((s) => [s.segment, s.insightCount])).toEqual([
      ['Enterprise', 2],
      ['SMB', 1],
    ]);
  });

  it('is empty for no links', () => {
    expect(summarizeEvidence([])).toMatchObject({ insightCount: 0, customerCount: 0, revenue: [], bySegment: [] });
  });
});

describe('revenue helpers', () => {
  it('normalises to monthly and rejects unusable amounts', () => {
    expect(monthlyRevenue({ amount: 1200, period: 'year', currency: 'EUR' })).toBe(100);
    expect(monthlyRevenue({ amount: 100, period: 'month', currency: 'EUR' })).toBe(100);
    expect(monthlyRevenue({ amount: -1, period: 'month', currency: 'EUR' })).toBeNull();
    expect(monthlyRevenue({ amount: 1, period: 'month', currency: '€' })).toBeNull();
    expect(monthlyRevenue(null)).toBeNull();
    expect(revenueOf(100, 'eur', 'year')).toEqual({ amount: 100, currency: 'EUR', period: 'year' });
    expect(revenueOf(null, 'EUR')).toBeNull();
    expect(revenueOf(100, null)).toBeNull();
  });
});

describe('reach', () => {
  const links = [
    link('i1', acme, { receivedAt: '2024-01-15' }),
    link('i2', acme, { receivedAt: '2024-02-15' }),
    link('i3', beta, { receivedAt: '2024-04-01T00:00:00Z' }),
    link('i4', null, { receivedAt: '2024-02-01' }),
    link('i5', gamma, { receivedAt: 'not a date' }),
  ];
  it('counts distinct customers or insights in [from, to)', () => {
    expect(reach(links)).toBe(3);
    expect(reach(links, { unit: 'insights' })).toBe(5);
    expect(reach(links, { from: '2024-01-01', to: '2024-04-01' })).toBe(1);
    expect(reach(links, { from: '2024-01-01', to: '2024-04-01', unit: 'insights' })).toBe(3);
    expect(reach(links, { from: new Date('2024-02-01T00:00:00Z') })).toBe(2);
    expect(reach(links, { segments: ['SMB'] })).toBe(2);
  });
});

const customerArb = fc.record({
  id: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6'),
  name: fc.constant('X'),
  segment: fc.constantFrom('Enterprise', 'SMB', 'Mid', null),
  revenue: fc.option(
    fc.record({
      amount: fc.double({ min: 0, max: 1e7, noNaN: true }),
      period: fc.constantFrom('month' as const, 'year' as const),
      currency: fc.constantFrom('EUR', 'USD'),
    }),
  ),
});
const linksArb = fc.array(
  fc.record({
    insightId: fc.integer({ min: 1, max: 40 }).map((n) => `i${n}`),
    importance: fc.constantFrom(...IMPORTANCE_LEVELS),
    highlight: fc.constant(null),
    customer: fc.option(customerArb),
    source: fc.constantFrom(...INSIGHT_SOURCES),
    receivedAt: fc.constantFrom('2024-01-01', '2024-06-01'),
  }),
  { maxLength: 40 },
);
const byCurrency = (list: { currency: string; monthly: number }[]) => Object.fromEntries(list.map((m) => [m.currency, m.monthly]));

describe('evidence properties', () => {
  it('never counts a customer’s revenue twice', () => {
    fc.assert(
      fc.property(linksArb, (links) => {
        const first = new Map<string, EvidenceLink['customer']>();
        const unique = links.filter((l, i) => links.findIndex((m) => m.insightId === l.insightId) === i);
        for (const l of unique) if (l.customer && !first.has(l.customer.id)) first.set(l.customer.id, l.customer);
        const expected: Record<string, number> = {};
        for (const c of first.values()) {
          const m = monthlyRevenue(c!.revenue);
          if (m !== null) expected[c!.revenue!.currency] = (expected[c!.revenue!.currency] ?? 0) + m;
        }
        const e = summarizeEvidence(links);
        expect(e.customerCount).toBe(first.size);
        const got = byCurrency(e.revenue);
        expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
        for (const k of Object.keys(expected)) expect(got[k]).toBeCloseTo(expected[k]!, 4);
        // Doubling every link changes nothing.
        expect(summarizeEvidence([...links, ...links])).toEqual(e);
      }),
    );
  });

  it('totals equal the sum of the per-segment figures', () => {
    fc.assert(
      fc.property(linksArb, (links) => {
        const e = summarizeEvidence(links);
        expect(e.bySegment.reduce((s, x) => s + x.insightCount, 0)).toBe(e.insightCount);
        expect(e.bySegment.reduce((s, x) => s + x.customerCount, 0)).toBe(e.customerCount);
        const sums: Record<string, number> = {};
        for (const s of e.bySegment) for (const m of s.revenue) sums[m.currency] = (sums[m.currency] ?? 0) + m.monthly;
        for (const m of e.revenue) expect(sums[m.currency]).toBeCloseTo(m.monthly, 4);
        expect(Object.values(e.importance).reduce((a, b) => a + b, 0)).toBe(e.insightCount);
        expect(Object.values(e.bySource).reduce((a, b) => a + b, 0)).toBe(e.insightCount);
      }),
    );
  });

  it('filtering by every segment equals no filter; segments partition the insights', () => {
    fc.assert(
      fc.property(linksArb, (links) => {
        const all = summarizeEvidence(links);
        expect(summarizeEvidence(links, { segments: all.bySegment.map((s) => s.segment) })).toEqual(all);
        expect(summarizeEvidence(links, { segments: ['Enterprise', 'SMB', 'Mid', null] })).toEqual(all);
        const parts = all.bySegment.map((s) => summarizeEvidence(links, { segments: [s.segment] }).insightCount);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(all.insightCount);
      }),
    );
  });

  it('reach over a period never exceeds reach over all time', () => {
    fc.assert(
      fc.property(linksArb, (links) => {
        expect(reach(links, { from: '2024-03-01' })).toBeLessThanOrEqual(reach(links));
        expect(reach(links, { unit: 'insights' })).toBe(summarizeEvidence(links).insightCount);
      }),
    );
  });
});

describe('segment keys', () => {
  it('compare segments without case or surrounding spaces; blank is none', () => {
    expect(sameSegment('Enterprise', ' enterPRISE ')).toBe(true);
    expect(sameSegment('Élite', 'élite')).toBe(true);
    expect(sameSegment('Élite', 'Elite')).toBe(false);
    expect(sameSegment('', null)).toBe(true);
    expect(segmentKey('   ')).toBeNull();
  });
});
