import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIce, explainIce, type IceInput, type IceVariant } from './ice.js';

const part = fc.double({ min: 1, max: 10, noNaN: true });
const valid = fc.record({ impact: part, confidence: part, ease: part });
const variant = fc.constantFrom<IceVariant>('product', 'average');

function score(input: IceInput, v: IceVariant = 'product'): number {
  const r = computeIce(input, { variant: v });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

describe('ICE', () => {
  it('multiplies the three by default (8 × 6 × 3 = 144)', () => {
    expect(computeIce({ impact: 8, confidence: 6, ease: 3 })).toEqual({ ok: true, value: 144, variant: 'product' });
  });

  it('averages the three in the average variant', () => {
    expect(score({ impact: 8, confidence: 6, ease: 3 }, 'average')).toBeCloseTo(17 / 3, 12);
    expect(score({ impact: 9, confidence: 6, ease: 3 }, 'average')).toBe(6);
  });

  it('accepts fractional values within 1–10', () => {
    expect(score({ impact: 2.5, confidence: 4, ease: 1 })).toBe(10);
  });

  it('rejects values outside 1–10 and non-numbers', () => {
    for (const bad of [0, 0.99, 10.5, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(computeIce({ impact: bad, confidence: 5, ease: 5 })).toMatchObject({
        ok: false,
        reason: 'invalid',
        errors: [{ field: 'impact' }],
      });
    }
  });

  it('rejects an unknown variant', () => {
    const r = computeIce({ impact: 1, confidence: 1, ease: 1 }, { variant: 'median' as IceVariant });
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'variant' }] });
  });

  it('lists missing inputs', () => {
    expect(computeIce({ impact: 5 })).toEqual({ ok: false, reason: 'missing', missing: ['confidence', 'ease'], errors: [] });
  });

  describe('properties', () => {
    it('is total on valid input and stays within the variant range', () => {
      fc.assert(
        fc.property(valid, (input) => {
          const p = score(input, 'product');
          const a = score(input, 'average');
          return p >= 1 && p <= 1000 && a >= 1 && a <= 10;
        }),
      );
    });

    it('is non-decreasing in each input, in both variants', () => {
      for (const field of ['impact', 'confidence', 'ease'] as const) {
        fc.assert(
          fc.property(valid, part, part, variant, (base, a, b, v) => {
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            return score({ ...base, [field]: lo }, v) <= score({ ...base, [field]: hi }, v);
          }),
        );
      }
    });

    it('treats the three inputs symmetrically (equal up to rounding under any permutation)', () => {
      fc.assert(
        fc.property(part, part, part, variant, (i, c, e, v) => {
          const base = score({ impact: i, confidence: c, ease: e }, v);
          const perms = [
            [c, i, e],
            [e, c, i],
            [i, e, c],
          ];
          return perms.every(([x, y, z]) => Math.abs(score({ impact: x!, confidence: y!, ease: z! }, v) - base) <= 1e-12 * base);
        }),
      );
    });

    it('rejects any value outside 1–10', () => {
      const outside = fc.oneof(fc.double({ max: 1, maxExcluded: true }), fc.double({ min: 10, minExcluded: true }));
      fc.assert(fc.property(valid, outside, (input, bad) => !computeIce({ ...input, ease: bad }).ok));
    });
  });

  it('explains each input: a share in the average variant, a factor in the product', () => {
    const avg = explainIce({ impact: 6, confidence: 3, ease: 3 }, { variant: 'average' });
    expect(avg.value).toBe(4);
    expect(avg.contributions.map((c) => c.share)).toEqual([0.5, 0.25, 0.25]);
    expect(avg.contributions.map((c) => c.effect)).toEqual([2, 1, 1]);
    const prod = explainIce({ impact: 8, confidence: 6, ease: 3 });
    expect(prod.summary).toBe('8 × 6 × 3 = 144');
    expect(prod.contributions.every((c) => c.share === null)).toBe(true);
    expect(explainIce({ ease: 2 })).toMatchObject({ value: null, missing: ['impact', 'confidence'] });
  });
});
