import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRice, explainRice, type RiceInput } from './rice.js';

const IMPACTS = [3, 2, 1, 0.5, 0.25] as const;
const reach = fc.double({ min: 0, max: 1e12, noNaN: true });
const impact = fc.constantFrom(...IMPACTS);
const confidence = fc.double({ min: 0, max: 1, minExcluded: true, noNaN: true });
const effort = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
const valid = fc.record({ reach, impact, confidence, effort });
// Exact scaling identities hold only while no intermediate result is subnormal (underflow
// loses bits), so they use inputs kept in the normal floating-point range.
const normal = fc.record({
  reach: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e12, noNaN: true })),
  impact,
  confidence: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  effort,
});

function score(input: RiceInput): number {
  const r = computeRice(input);
  if (!r.ok) throw new Error(`expected a score for ${JSON.stringify(input)}: ${JSON.stringify(r)}`);
  return r.value;
}

describe('RICE', () => {
  it('matches the published Intercom examples', () => {
    expect(computeRice({ reach: 450, impact: 3, confidence: 1, effort: 2 })).toEqual({ ok: true, value: 675 });
    expect(computeRice({ reach: 2000, impact: 1, confidence: 0.8, effort: 4 })).toEqual({ ok: true, value: 400 });
    expect(computeRice({ reach: 800, impact: 2, confidence: 0.5, effort: 1 })).toEqual({ ok: true, value: 800 });
  });

  it('scores zero reach as 0 (a real estimate, unlike a missing one)', () => {
    expect(computeRice({ reach: 0, impact: 1, confidence: 1, effort: 1 })).toEqual({ ok: true, value: 0 });
  });

  it('reports missing inputs instead of treating them as 0', () => {
    expect(computeRice({ reach: 450, impact: 3 })).toEqual({
      ok: false,
      reason: 'missing',
      missing: ['confidence', 'effort'],
      errors: [],
    });
    expect(computeRice({ reach: null, impact: 3, confidence: 1, effort: 2 })).toMatchObject({ ok: false, missing: ['reach'] });
  });

  it('rejects impact off the 3/2/1/0.5/0.25 scale', () => {
    for (const bad of [4, 1.5, 0, -1, 0.3]) {
      const r = computeRice({ reach: 1, impact: bad, confidence: 1, effort: 1 });
      expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ field: 'impact' }] });
    }
  });

  it('rejects confidence outside (0, 1] and explains percentages', () => {
    for (const bad of [0, -0.5, 1.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(computeRice({ reach: 1, impact: 1, confidence: bad, effort: 1 })).toMatchObject({
        ok: false,
        errors: [{ field: 'confidence' }],
      });
    }
    const r = computeRice({ reach: 1, impact: 1, confidence: 80, effort: 1 });
    expect(r.ok === false && r.errors[0]!.message).toContain('80% is 0.8');
  });

  it('rejects non-positive or non-finite effort and negative reach', () => {
    expect(computeRice({ reach: 1, impact: 1, confidence: 1, effort: 0 })).toMatchObject({
      errors: [{ field: 'effort', message: 'must be greater than 0' }],
    });
    expect(computeRice({ reach: 1, impact: 1, confidence: 1, effort: -2 })).toMatchObject({ errors: [{ field: 'effort' }] });
    expect(computeRice({ reach: -1, impact: 1, confidence: 1, effort: 1 })).toMatchObject({
      errors: [{ field: 'reach', message: 'must be at least 0' }],
    });
    expect(computeRice({ reach: Number.POSITIVE_INFINITY, impact: 1, confidence: 1, effort: 1 })).toMatchObject({
      errors: [{ field: 'reach' }],
    });
  });

  it('rejects values that are not numbers (as arrives from untyped JSON)', () => {
    const input = { reach: '450', impact: 3, confidence: 1, effort: 2 } as unknown as RiceInput;
    expect(computeRice(input)).toMatchObject({ ok: false, errors: [{ field: 'reach', message: 'must be a number' }] });
  });

  it('reports errors and missing inputs together, as invalid', () => {
    expect(computeRice({ reach: -1, impact: 3 })).toEqual({
      ok: false,
      reason: 'invalid',
      missing: ['confidence', 'effort'],
      errors: [{ field: 'reach', message: 'must be at least 0' }],
    });
  });

  it('reports an overflowing result instead of returning Infinity', () => {
    const r = computeRice({ reach: 1e308, impact: 3, confidence: 1, effort: 0.5 });
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'score' }] });
  });

  describe('properties', () => {
    it('is total on valid input: always a finite, non-negative number', () => {
      fc.assert(
        fc.property(valid, (input) => {
          const v = score(input);
          return Number.isFinite(v) && v >= 0;
        }),
      );
    });

    it('never throws, and any ok result is finite, whatever the input', () => {
      const anyValue = fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.string(), fc.boolean());
      fc.assert(
        fc.property(fc.record({ reach: anyValue, impact: anyValue, confidence: anyValue, effort: anyValue }), (input) => {
          const r = computeRice(input as RiceInput);
          return r.ok ? Number.isFinite(r.value) : r.missing.length + r.errors.length > 0;
        }),
      );
    });

    it('is non-decreasing in reach, impact and confidence', () => {
      fc.assert(
        fc.property(valid, reach, reach, (base, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return score({ ...base, reach: lo }) <= score({ ...base, reach: hi });
        }),
      );
      fc.assert(
        fc.property(valid, impact, impact, (base, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return score({ ...base, impact: lo }) <= score({ ...base, impact: hi });
        }),
      );
      fc.assert(
        fc.property(valid, confidence, confidence, (base, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return score({ ...base, confidence: lo }) <= score({ ...base, confidence: hi });
        }),
      );
    });

    it('is non-increasing in effort', () => {
      fc.assert(
        fc.property(valid, effort, effort, (base, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return score({ ...base, effort: lo }) >= score({ ...base, effort: hi });
        }),
      );
    });

    // RICE(k·reach, …, k·effort) = RICE(reach, …, effort): exact in floating point only when k
    // is a power of two and nothing underflows (scaling is then exact); for other k it holds
    // to rounding error.
    it('is unchanged when reach and effort are scaled by the same power of two', () => {
      fc.assert(
        fc.property(normal, fc.integer({ min: -20, max: 20 }), (input, n) => {
          const k = 2 ** n;
          return score({ ...input, reach: input.reach * k, effort: input.effort * k }) === score(input);
        }),
      );
    });

    it('is unchanged, up to rounding, when reach and effort are scaled by any k > 0', () => {
      fc.assert(
        fc.property(normal, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (input, k) => {
          const scaled = score({ ...input, reach: input.reach * k, effort: input.effort * k });
          const original = score(input);
          return Math.abs(scaled - original) <= 1e-12 * Math.max(original, Number.MIN_VALUE);
        }),
      );
    });

    it('scales linearly with reach (doubling reach doubles the score)', () => {
      fc.assert(fc.property(normal, (input) => score({ ...input, reach: input.reach * 2 }) === 2 * score(input)));
    });

    it('rejects any impact off the scale', () => {
      fc.assert(
        fc.property(
          valid,
          fc.double().filter((x) => !(IMPACTS as readonly number[]).includes(x)),
          (input, bad) => {
            const r = computeRice({ ...input, impact: bad });
            return !r.ok && r.errors.some((e) => e.field === 'impact');
          },
        ),
      );
    });
  });

  describe('explainRice', () => {
    it('gives a readable breakdown of the product', () => {
      const e = explainRice({ reach: 450, impact: 3, confidence: 1, effort: 2 });
      expect(e.value).toBe(675);
      expect(e.summary).toBe('450 × 3 × 100% ÷ 2 = 675');
      expect(e.contributions.map((c) => c.name)).toEqual(['reach', 'impact', 'confidence', 'effort']);
      expect(e.contributions[1]!.text).toContain('massive');
      expect(e.missing).toEqual([]);
    });

    it('gives a null value and lists missing inputs', () => {
      const e = explainRice({ reach: 450 });
      expect(e).toMatchObject({ value: null, missing: ['impact', 'confidence', 'effort'], contributions: [] });
      expect(e.inputs).toEqual({ reach: 450, impact: null, confidence: null, effort: null });
    });
  });
});
