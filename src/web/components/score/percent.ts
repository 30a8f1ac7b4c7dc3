/**
 * RICE confidence is typed in percent (80) and carried as a fraction (0.8), the unit of the
 * API and the domain. The screen takes whole or decimal percentages from 1 to 100.
 */
export const PERCENT_MIN = 1;
export const PERCENT_MAX = 100;

/** Cuts floating-point noise: 0.07 × 100 is 7.000000000000001. */
const clean = (x: number) => Number(x.toPrecision(12));

/** A fraction as the percentage typed for it: 0.8 → "80", 0.655 → "65.5"; nothing → "". */
export function percentText(fraction: number | null | undefined): string {
  return typeof fraction === 'number' && Number.isFinite(fraction) ? String(clean(fraction * 100)) : '';
}

/**
 * What a typed percentage means: the fraction (80 → 0.8; "80 %", "65,5" accepted), null when
 * empty (the input is missing), 'invalid' when it is not a number from 1 to 100.
 */
export function fractionFromPercent(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(/\s*%$/, '').replace(',', '.').trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  if (!Number.isFinite(n) || n < PERCENT_MIN || n > PERCENT_MAX) return 'invalid';
  return clean(n / 100);
}
