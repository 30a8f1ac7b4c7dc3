/**
 * OKR periods: a quarter, a half, a year or explicit dates. Every period is stored as an
 * inclusive range of calendar days ('YYYY-MM-DD', no time zone: a quarter is the same days
 * for everyone), so "which objectives run on this day" is a plain comparison of strings.
 */
export const PERIOD_KINDS = ['quarter', 'half', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** What a person picks: "Q1 2027", "H2 2026", "2027", or two dates. */
export interface PeriodInput {
  kind: PeriodKind;
  year?: number | undefined;
  number?: number | undefined;
  start?: string | undefined;
  end?: string | undefined;
}

/** A normalised period: first and last day, both included. */
export interface Period {
  kind: PeriodKind;
  start: string;
  end: string;
}

export interface PeriodError {
  field: 'kind' | 'year' | 'number' | 'start' | 'end';
  message: string;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; errors: PeriodError[] };

export const MIN_YEAR = 1970;
export const MAX_YEAR = 2999;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPeriodKind(value: unknown): value is PeriodKind {
  return typeof value === 'string' && (PERIOD_KINDS as readonly string[]).includes(value);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the text is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function isoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The range of months [first, last] (1-based) of a quarter or a half. */
function monthsOf(kind: 'quarter' | 'half' | 'year', number: number): [number, number] {
  if (kind === 'year') return [1, 12];
  const span = kind === 'quarter' ? 3 : 6;
  return [(number - 1) * span + 1, number * span];
}

function rangeOf(kind: 'quarter' | 'half' | 'year', year: number, number: number): Period {
  const [first, last] = monthsOf(kind, number);
  return { kind, start: isoDay(year, first, 1), end: isoDay(year, last, daysInMonth(year, last)) };
}

const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/**
 * Turns what a person picked into a period, or says what is wrong field by field:
 * a quarter is 1–4 of a year, a half 1–2, a custom range needs two real days with start ≤ end.
 */
export function normalisePeriod(input: PeriodInput): PeriodResult {
  const errors: PeriodError[] = [];
  if (!isPeriodKind(input.kind)) return { ok: false, errors: [{ field: 'kind', message: 'Use quarter, half, year or custom' }] };
  if (input.kind === 'custom') {
    if (!isIsoDate(input.start)) errors.push({ field: 'start', message: 'A real day written YYYY-MM-DD is needed' });
    if (!isIsoDate(input.end)) errors.push({ field: 'end', message: 'A real day written YYYY-MM-DD is needed' });
    if (input.year !== undefined) errors.push({ field: 'year', message: 'A custom period takes start and end, not a year' });
    if (input.number !== undefined) errors.push({ field: 'number', message: 'A custom period takes start and end, not a number' });
    if (errors.length === 0 && (input.start as string) > (input.end as string))
      errors.push({ field: 'end', message: 'The end must be on or after the start' });
    return errors.length > 0 ? { ok: false, errors } : { ok: true, period: { kind: 'custom', start: input.start!, end: input.end! } };
  }
  if (!isWhole(input.year) || input.year < MIN_YEAR || input.year > MAX_YEAR)
    errors.push({ field: 'year', message: `A year between ${MIN_YEAR} and ${MAX_YEAR} is needed` });
  const max = input.kind === 'quarter' ? 4 : input.kind === 'half' ? 2 : 0;
  if (input.kind === 'year') {
    if (input.number !== undefined) errors.push({ field: 'number', message: 'A year takes no number' });
  } else if (!isWhole(input.number) || input.number < 1 || input.number > max) {
    errors.push({ field: 'number', message: input.kind === 'quarter' ? 'A quarter is 1, 2, 3 or 4' : 'A half is 1 or 2' });
  }
  if (input.start !== undefined) errors.push({ field: 'start', message: 'Only a custom period takes dates' });
  if (input.end !== undefined) errors.push({ field: 'end', message: 'Only a custom period takes dates' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, period: rangeOf(input.kind, input.year as number, input.kind === 'year' ? 1 : (input.number as number)) };
}

/** The quarter, half or year that contains a day. */
export function periodContaining(kind: 'quarter' | 'half' | 'year', day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const number = kind === 'year' ? 1 : Math.ceil(month / (kind === 'quarter' ? 3 : 6));
  return rangeOf(kind, year, number);
}

/** The next or previous quarter, half or year (custom periods have no neighbours). */
export function shiftPeriod(period: Period, steps: number): Period {
  if (period.kind === 'custom') return period;
  const span = period.kind === 'quarter' ? 3 : period.kind === 'half' ? 6 : 12;
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  const index = year * 12 + (month - 1) + steps * span;
  const shiftedYear = Math.floor(index / 12);
  return periodContaining(period.kind, isoDay(shiftedYear, (index % 12) + 1, 1));
}

export function periodContains(period: Period, day: string): boolean {
  return period.start <= day && day <= period.end;
}

/** Whether two periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Today as YYYY-MM-DD in UTC (or in the time of the given date). */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

/** Number of days in a period, both ends included. */
export function periodDays(period: Period): number {
  return dayNumber(period.end) - dayNumber(period.start) + 1;
}

/**
 * How much of the period has gone by at the end of `day`, from 0 (it has not started) to 1
 * (it is over): on the last day it is 1, on the first day 1/length.
 */
export function elapsedFraction(period: Period, day: string): number {
  if (day < period.start) return 0;
  if (day > period.end) return 1;
  return (dayNumber(day) - dayNumber(period.start) + 1) / periodDays(period);
}

/** The parts of a period a label is made of: a quarter or half is its year and number. */
export type PeriodParts =
  | { kind: 'quarter' | 'half'; year: number; number: number }
  | { kind: 'year'; year: number }
  | { kind: 'custom'; start: string; end: string };

/**
 * What a period is, read back from its dates. A quarter, half or year whose dates are not
 * exactly that calendar span (edited by hand in the database, say) reads as custom.
 */
export function periodParts(period: Period): PeriodParts {
  if (period.kind !== 'custom' && isIsoDate(period.start)) {
    const guess = periodContaining(period.kind, period.start);
    if (guess.start === period.start && guess.end === period.end) {
      const year = Number(period.start.slice(0, 4));
      if (period.kind === 'year') return { kind: 'year', year };
      const month = Number(period.start.slice(5, 7));
      return { kind: period.kind, year, number: Math.ceil(month / (period.kind === 'quarter' ? 3 : 6)) };
    }
  }
  return { kind: 'custom', start: period.start, end: period.end };
}

/** Back to what a person picked: the input that normalises to this period. */
export function periodToInput(period: Period): PeriodInput {
  const parts = periodParts(period);
  if (parts.kind === 'custom') return { kind: 'custom', start: parts.start, end: parts.end };
  if (parts.kind === 'year') return { kind: 'year', year: parts.year };
  return { kind: parts.kind, year: parts.year, number: parts.number };
}

export interface PeriodLabelOptions {
  /** Letter before a quarter's number: "Q" in English, "T" (trimestre) in French. */
  quarter?: string;
  /** Letter before a half's number: "H" in English, "S" (semestre) in French. */
  half?: string;
  /** How a day of a custom period is written; YYYY-MM-DD by default. */
  formatDay?: (day: string) => string;
  /** Between the two days of a custom period. */
  separator?: string;
}

/** "Q1 2027", "H2 2026", "2027", or "2026-01-05 – 2026-03-31". */
export function periodLabel(period: Period, options: PeriodLabelOptions = {}): string {
  const parts = periodParts(period);
  switch (parts.kind) {
    case 'quarter':
      return `${options.quarter ?? 'Q'}${parts.number} ${parts.year}`;
    case 'half':
      return `${options.half ?? 'H'}${parts.number} ${parts.year}`;
    case 'year':
      return String(parts.year);
    default: {
      const format = options.formatDay ?? ((d: string) => d);
      return `${format(parts.start)}${options.separator ?? ' – '}${format(parts.end)}`;
    }
  }
}
