import { elapsedFraction, type Period } from './periods.js';

/**
 * Key-result progress: how far the current value has gone from the baseline towards the
 * target, as a fraction from 0 to 1. It works the same whether more is better (sign-ups
 * from 200 to 500) or less is better (churn from 8 % to 5 %): the distance is measured
 * along the line from baseline to target, and capped at both ends (falling below the
 * baseline is 0, overshooting the target is 1).
 */
export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface KeyResultValues {
  baseline: number;
  target: number;
  current: number | null;
  direction: Direction;
}

export function isDirection(value: unknown): value is Direction {
  return typeof value === 'string' && (DIRECTIONS as readonly string[]).includes(value);
}

const clamp01 = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x);

/**
 * Progress of one key result, in [0, 1]; null while nothing has been measured.
 * When baseline equals target the key result is a threshold to hold ("keep NPS at least
 * 40", "keep p95 at most 300 ms"): 1 when the current value is on the right side of it, 0
 * otherwise.
 */
export function keyResultProgress(kr: KeyResultValues): number | null {
  const { baseline, target, current, direction } = kr;
  if (current === null || !Number.isFinite(current) || !Number.isFinite(baseline) || !Number.isFinite(target)) return null;
  if (baseline === target) {
    const met = direction === 'decrease' ? current <= target : current >= target;
    return met ? 1 : 0;
  }
  // Measured along baseline → target, so the sign is right for both directions.
  let moved = current - baseline;
  let span = target - baseline;
  // Differences of numbers near the float limits overflow: halving first is exact there.
  if (!Number.isFinite(moved) || !Number.isFinite(span)) {
    moved = current / 2 - baseline / 2;
    span = target / 2 - baseline / 2;
  }
  const ratio = moved / span;
  if (Number.isNaN(ratio)) {
    const reached = target > baseline ? current >= target : current <= target;
    return reached ? 1 : 0;
  }
  return clamp01(ratio);
}

/** The direction a target implies: a target below the baseline means less is better. */
export function impliedDirection(baseline: number, target: number): Direction {
  return target < baseline ? 'decrease' : 'increase';
}

export interface KeyResultProblem {
  field: 'baseline' | 'target' | 'current' | 'direction';
  message: string;
}

/** Largest magnitude accepted for a value: far beyond any real metric, far below float trouble. */
export const MAX_MAGNITUDE = 1e12;

/**
 * Whether the numbers of a key result make sense together: finite, within ±1e12, and a
 * target on the side the direction says (an "increase" cannot aim below its baseline).
 */
export function checkKeyResult(kr: KeyResultValues): KeyResultProblem[] {
  const problems: KeyResultProblem[] = [];
  for (const field of ['baseline', 'target', 'current'] as const) {
    const value = kr[field];
    if (value === null && field === 'current') continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE)
      problems.push({ field, message: `Use a number between -${MAX_MAGNITUDE} and ${MAX_MAGNITUDE}` });
  }
  if (!isDirection(kr.direction)) problems.push({ field: 'direction', message: 'Use increase or decrease' });
  else if (problems.length === 0) {
    if (kr.direction === 'increase' && kr.target < kr.baseline)
      problems.push({ field: 'target', message: 'To increase, the target must be at or above the baseline' });
    if (kr.direction === 'decrease' && kr.target > kr.baseline)
      problems.push({ field: 'target', message: 'To decrease, the target must be at or below the baseline' });
  }
  return problems;
}

/** An objective's progress: the mean of its measured key results; null when none is measured. */
export function objectiveProgress(progresses: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const p of progresses) {
    if (p === null || !Number.isFinite(p)) continue;
    sum += p;
    count += 1;
  }
  return count === 0 ? null : clamp01(sum / count);
}

export const HEALTHS = ['no_data', 'not_started', 'achieved', 'on_track', 'at_risk', 'off_track'] as const;
export type Health = (typeof HEALTHS)[number];

/** How far behind the time gone by progress may be before it is "at risk", then "off track". */
export const AT_RISK_GAP = 0.15;
export const OFF_TRACK_GAP = 0.35;

/**
 * A hint, not a verdict: compares progress with the share of the period gone by. Halfway
 * through a quarter, 40 % done is on track, 25 % at risk, 10 % off track. Before the period
 * starts it is "not started"; a fully reached objective is "achieved" whatever the date.
 */
export function progressHealth(progress: number | null, period: Period, day: string): Health {
  if (progress === null) return 'no_data';
  if (progress >= 1) return 'achieved';
  if (day < period.start) return 'not_started';
  const gap = elapsedFraction(period, day) - progress;
  if (gap <= AT_RISK_GAP) return 'on_track';
  if (gap <= OFF_TRACK_GAP) return 'at_risk';
  return 'off_track';
}
