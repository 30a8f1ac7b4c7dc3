import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePeriod, type Period } from './periods.js';
import { checkKeyResult, type Direction, impliedDirection, keyResultProgress, objectiveProgress, progressHealth } from './progress.js';

const kr = (baseline: number, target: number, current: number | null, direction: Direction = impliedDirection(baseline, target)) => ({
  baseline,
  target,
  current,
  direction,
});

describe('keyResultProgress', () => {
  it('measures how far the current value went from baseline to target', () => {
    expect(keyResultProgress(kr(200, 500, 200))).toBe(0);
    expect(keyResultProgress(kr(200, 500, 350))).toBe(0.5);
    expect(keyResultProgress(kr(200, 500, 500))).toBe(1);
  });

  it('is right when lower is better', () => {
    // Churn from 8 % to 5 %: 6.5 % is halfway; 9 % is worse than the start.
    expect(keyResultProgress(kr(8, 5, 6.5, 'decrease'))).toBe(0.5);
    expect(keyResultProgress(kr(8, 5, 5, 'decrease'))).toBe(1);
    expect(keyResultProgress(kr(8, 5, 9, 'decrease'))).toBe(0);
    expect(keyResultProgress(kr(8, 5, 4, 'decrease'))).toBe(1);
  });

  it('is capped at both ends', () => {
    expect(keyResultProgress(kr(200, 500, 900))).toBe(1);
    expect(keyResultProgress(kr(200, 500, -50))).toBe(0);
    expect(keyResultProgress(kr(-1e308, 1e308, 1e308))).toBe(1);
    expect(keyResultProgress(kr(1e308, -1e308, 0, 'decrease'))).toBe(0.5);
  });

  it('treats baseline = target as a threshold to hold', () => {
    expect(keyResultProgress(kr(40, 40, 41, 'increase'))).toBe(1);
    expect(keyResultProgress(kr(40, 40, 40, 'increase'))).toBe(1);
    expect(keyResultProgress(kr(40, 40, 39, 'increase'))).toBe(0);
    expect(keyResultProgress(kr(300, 300, 280, 'decrease'))).toBe(1);
    expect(keyResultProgress(kr(300, 300, 320, 'decrease'))).toBe(0);
  });

  it('is null until something is measured', () => {
    expect(keyResultProgress(kr(0, 10, null))).toBeNull();
    expect(keyResultProgress(kr(0, 10, Number.NaN))).toBeNull();
  });

  const value = fc.double({ min: -1e12, max: 1e12, noNaN: true });
  const consistent = fc
    .tuple(value, value, value)
    .filter(([b, t]) => b !== t)
    .map(([baseline, target, current]) => kr(baseline, target, current));

  it('always lands in [0, 1], moving the same way as the value along baseline → target', () => {
    fc.assert(
      fc.property(consistent, value, (k, other) => {
        const p = keyResultProgress(k)!;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        // A value nearer the target (in the key result's direction) never shows less progress.
        const better = k.direction === 'increase' ? Math.max(other, k.current!) : Math.min(other, k.current!);
        expect(keyResultProgress({ ...k, current: better })!).toBeGreaterThanOrEqual(p);
      }),
    );
  });

  it('gives mirrored key results the same progress (lower-is-better is higher-is-better upside down)', () => {
    fc.assert(
      fc.property(consistent, (k) => {
        const mirrored = kr(-k.baseline, -k.target, -k.current!);
        expect(mirrored.direction).not.toBe(k.direction);
        expect(keyResultProgress(mirrored)).toBeCloseTo(keyResultProgress(k)!, 12);
      }),
    );
  });

  it('is 0 at the baseline and 1 at the target', () => {
    fc.assert(
      fc.property(consistent, (k) => {
        expect(keyResultProgress({ ...k, current: k.baseline })).toBe(0);
        expect(keyResultProgress({ ...k, current: k.target })).toBe(1);
      }),
    );
  });
});

describe('checkKeyResult', () => {
  it('accepts targets on the side of the direction, and thresholds', () => {
    expect(checkKeyResult(kr(200, 500, null, 'increase'))).toEqual([]);
    expect(checkKeyResult(kr(8, 5, 7, 'decrease'))).toEqual([]);
    expect(checkKeyResult(kr(40, 40, 40, 'increase'))).toEqual([]);
  });

  it('refuses a target on the wrong side and out-of-range numbers', () => {
    expect(checkKeyResult(kr(200, 100, null, 'increase')).map((p) => p.field)).toEqual(['target']);
    expect(checkKeyResult(kr(5, 8, null, 'decrease')).map((p) => p.field)).toEqual(['target']);
    expect(checkKeyResult(kr(Number.POSITIVE_INFINITY, 1, 2, 'increase')).map((p) => p.field)).toEqual(['baseline']);
    expect(checkKeyResult(kr(0, 1, 2e12, 'increase')).map((p) => p.field)).toEqual(['current']);
    expect(checkKeyResult({ ...kr(0, 1, 0), direction: 'sideways' as never }).map((p) => p.field)).toEqual(['direction']);
  });
});

describe('objectiveProgress', () => {
  it('is the mean of the measured key results', () => {
    expect(objectiveProgress([0.5, 1, null, 0])).toBe(0.5);
    expect(objectiveProgress([null, null])).toBeNull();
    expect(objectiveProgress([])).toBeNull();
  });

  it('stays within the smallest and largest key-result progress', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1 }), (ps) => {
        const measured = ps.filter((p): p is number => p !== null);
        const p = objectiveProgress(ps);
        if (measured.length === 0) expect(p).toBeNull();
        else {
          expect(p).toBeGreaterThanOrEqual(Math.min(...measured) - 1e-12);
          expect(p).toBeLessThanOrEqual(Math.max(...measured) + 1e-12);
        }
      }),
    );
  });
});

describe('progressHealth', () => {
  const q = (normalisePeriod({ kind: 'quarter', year: 2027, number: 1 }) as { period: Period }).period;

  it('compares progress with the time gone by', () => {
    // 2027-02-14 is halfway through Q1 2027.
    expect(progressHealth(0.45, q, '2027-02-14')).toBe('on_track');
    expect(progressHealth(0.25, q, '2027-02-14')).toBe('at_risk');
    expect(progressHealth(0.1, q, '2027-02-14')).toBe('off_track');
    expect(progressHealth(0.9, q, '2027-03-31')).toBe('on_track');
    expect(progressHealth(0.3, q, '2027-04-15')).toBe('off_track');
  });

  it('has its own words for no data, not started and achieved', () => {
    expect(progressHealth(null, q, '2027-02-14')).toBe('no_data');
    expect(progressHealth(0, q, '2026-12-01')).toBe('not_started');
    expect(progressHealth(1, q, '2026-12-01')).toBe('achieved');
  });
});
