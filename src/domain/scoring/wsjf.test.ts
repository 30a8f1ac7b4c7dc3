import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeWsjf, explainWsjf, FIBONACCI_SCALE, type WsjfInput } from './wsjf.js';

const fib = fc.constantFrom(...FIBONACCI_SCALE);
const valid = fc.record({ businessValue: fib, timeCriticality: fib, riskReduction: fib, jobSize: fib });

function score(input: WsjfInput): number {
  const r = computeWsjf(input);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

describe('WSJF', () => {
  it('divides the cost of delay by the job size', () => {
    expect(computeWsjf({ businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 5 })).toEqual({
      ok: true,
      value: 3.2,
      costOfDelay: 16,
    });
    expect(score({ businessValue: 20, timeCriticality: 13, riskReduction: 8, jobSize: 1 })).toBe(41);
  });

  it('accepts exactly the modified Fibonacci scale', () => {
    expect([...FIBONACCI_SCALE]).toEqual([1, 2, 3, 5, 8, 13, 20, 40, 100]);
    for (const v of FIBONACCI_SCALE)
      expect(computeWsjf({ businessValue: v, timeCriticality: v, riskReduction: v, jobSize: v }).ok).toBe(true);
  });

  it('rejects values off the scale, naming the field', () => {
    for (const bad of [0, 4, 6, 21, 50, 1.5, -1]) {
      expect(computeWsjf({ businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: bad })).toMatchObject({
        ok: false,
        reason: 'invalid',
        errors: [{ field: 'jobSize', message: 'must be one of 1, 2, 3, 5, 8, 13, 20, 40, 100' }],
      });
    }
  });

  it('lists missing inputs', () => {
    expect(computeWsjf({ businessValue: 8 })).toEqual({
      ok: false,
      reason: 'missing',
      missing: ['timeCriticality', 'riskReduction', 'jobSize'],
      errors: [],
    });
  });

  it('is total on the whole scale (all 6,561 combinations)', () => {
    for (const bv of FIBONACCI_SCALE)
      for (const tc of FIBONACCI_SCALE)
        for (const rr of FIBONACCI_SCALE)
          for (const js of FIBONACCI_SCALE) {
            const r = computeWsjf({ businessValue: bv, timeCriticality: tc, riskReduction: rr, jobSize: js });
            expect(r.ok && Number.isFinite(r.value) && r.value === (bv + tc + rr) / js).toBe(true);
          }
  });

  describe('properties', () => {
    it('is non-decreasing in each cost-of-delay component', () => {
      for (const field of ['businessValue', 'timeCriticality', 'riskReduction'] as const) {
        fc.assert(
          fc.property(valid, fib, fib, (base, a, b) => {
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            return score({ ...base, [field]: lo }) <= score({ ...base, [field]: hi });
          }),
        );
      }
    });

    it('is strictly decreasing in job size', () => {
      fc.assert(
        fc.property(valid, fib, fib, (base, a, b) => {
          fc.pre(a !== b);
          const [lo, hi] = a < b ? [a, b] : [b, a];
          return score({ ...base, jobSize: lo }) > score({ ...base, jobSize: hi });
        }),
      );
    });

    it('rejects any number off the scale', () => {
      const off = fc.double().filter((x) => !(FIBONACCI_SCALE as readonly number[]).includes(x));
      fc.assert(fc.property(valid, off, (input, bad) => !computeWsjf({ ...input, riskReduction: bad }).ok));
    });
  });

  it("explains each component's share of the cost of delay", () => {
    const e = explainWsjf({ businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 5 });
    expect(e.value).toBe(3.2);
    expect(e.summary).toBe('(8 + 5 + 3) ÷ 5 = 3.2');
    expect(e.contributions.slice(0, 3).map((c) => c.share)).toEqual([0.5, 0.3125, 0.1875]);
    const effects = e.contributions.slice(0, 3).map((c) => c.effect!);
    expect(effects.reduce((a, b) => a + b, 0)).toBeCloseTo(3.2, 12);
    expect(e.contributions[3]).toMatchObject({ name: 'jobSize', share: null });
    expect(explainWsjf({ jobSize: 4 })).toMatchObject({ value: null, missing: ['businessValue', 'timeCriticality', 'riskReduction'] });
  });
});
