/**
 * Dates as spreadsheets write them: ISO, day/month/year, month/day/year, and written months
 * in English or French ("5 mars 2024", "March 5, 2024").
 *
 * The ambiguity rule: "03/04/2024" could be 3 April or 4 March.
 *   1. A value whose first number is > 12 is day-first; whose second is > 12 is month-first.
 *   2. Otherwise the column decides: `inferDateOrder` over all the column's values finds the
 *      order that some value proves (rule 1) and the import passes it as `order`.
 *   3. If no value proves anything, the caller's `order` applies, by default day-first
 *      (the French and most of the world's convention); `order: 'reject'` makes such a value
 *      an 'ambiguous_date' error instead. A day equal to the month is never ambiguous.
 * Two-digit years mean 2000–2069 for 00–69 and 1970–1999 for 70–99. Times without a zone
 * are taken as UTC. Results are "YYYY-MM-DD", or a full ISO timestamp when a time is given.
 */

import { normalizeWord, type ValueResult } from './csv-values.js';

export type DateOrder = 'dmy' | 'mdy';

export interface DateOptions {
  /** How to read an ambiguous day/month pair (default 'dmy'). */
  order?: DateOrder | 'reject';
}

const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const MONTHS = new Map<string, number>();
[
  'january janvier jan janv',
  'february fevrier feb fev fevr',
  'march mars mar',
  'april avril apr avr',
  'may mai',
  'june juin jun',
  'july juillet jul juil',
  'august aout aug',
  'september septembre sep sept',
  'october octobre oct',
  'november novembre nov',
  'december decembre dec',
].forEach((names, i) => {
  for (const n of names.split(' ')) MONTHS.set(n, i + 1);
});

const fail = (code: 'empty' | 'invalid_date' | 'ambiguous_date', message: string): ValueResult<never> => ({
  ok: false,
  error: { code, message },
});
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function build(year: number, month: number, day: number, raw: string, time?: [number, number, number]): ValueResult<string> {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return fail('invalid_date', `"${raw}" is not a valid date`);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return fail('invalid_date', `"${raw}": ${pad(month)}/${year} has ${daysInMonth} days`);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!time) return { ok: true, value: date };
  const [h, m, s] = time;
  if (h > 23 || m > 59 || s > 59) return fail('invalid_date', `"${raw}" has an invalid time`);
  return { ok: true, value: `${date}T${pad(h)}:${pad(m)}:${pad(s)}.000Z` };
}

/** Parses one date cell; see the module comment for formats and the ambiguity rule. */
export function parseDate(raw: string, options: DateOptions = {}): ValueResult<string> {
  const s = raw.trim();
  if (s === '') return fail('empty', 'no date');
  const iso = ISO_TIME.exec(s);
  if (iso) {
    const checked = build(Number(iso[1]), Number(iso[2]), Number(iso[3]), raw, [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)]);
    if (!checked.ok) return checked;
    const zone = !iso[8] || iso[8].toUpperCase() === 'Z' ? 'Z' : `${iso[8].slice(0, 3)}:${iso[8].slice(-2)}`;
    const ms = Date.parse(`${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${(iso[7] ?? '').slice(0, 4)}${zone}`);
    return Number.isNaN(ms) ? fail('invalid_date', `"${raw}" is not a valid date`) : { ok: true, value: new Date(ms).toISOString() };
  }
  const m = NUMERIC.exec(s);
  if (m) {
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    const time: [number, number, number] | undefined = m[4] ? [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)] : undefined;
    if (a.length === 4)
      return c.length <= 2 ? build(Number(a), Number(b), Number(c), raw, time) : fail('invalid_date', `"${raw}" is not a valid date`);
    if (a.length > 2 || (c.length !== 2 && c.length !== 4)) return fail('invalid_date', `"${raw}" is not a valid date`);
    const order = orderOf(Number(a), Number(b), options.order ?? 'dmy');
    if (order === 'reject') return fail('ambiguous_date', `"${raw}" could be day/month or month/day`);
    const [day, month] = order === 'dmy' ? [Number(a), Number(b)] : [Number(b), Number(a)];
    return build(fullYear(c), month, day, raw, time);
  }
  return parseWrittenDate(s, raw);
}

function orderOf(first: number, second: number, fallback: DateOrder | 'reject'): DateOrder | 'reject' {
  if (first > 12 && second <= 12) return 'dmy';
  if (second > 12 && first <= 12) return 'mdy';
  if (first === second) return 'dmy';
  return fallback;
}

/** "5 mars 2024", "1er avril 2024", "March 5, 2024", "5 Mar 2024". */
function parseWrittenDate(s: string, raw: string): ValueResult<string> {
  const parts = normalizeWord(s).split(' ');
  if (parts.length !== 3) return fail('invalid_date', `"${raw}" is not a date`);
  const [p, q, r] = parts as [string, string, string];
  const day = (x: string) => (/^\d{1,2}(er|st|nd|rd|th)?$/.test(x) ? Number.parseInt(x, 10) : Number.NaN);
  if (/^\d{4}$/.test(r) && MONTHS.has(q) && !Number.isNaN(day(p))) return build(Number(r), MONTHS.get(q)!, day(p), raw);
  if (/^\d{4}$/.test(r) && MONTHS.has(p) && !Number.isNaN(day(q))) return build(Number(r), MONTHS.get(p)!, day(q), raw);
  return fail('invalid_date', `"${raw}" is not a date`);
}

/**
 * The day/month order a column's values prove (rule 1 of the module comment): 'dmy' or
 * 'mdy', null when none is proven, 'mixed' when values prove both (then each ambiguous
 * value should be rejected rather than guessed).
 */
export function inferDateOrder(values: Iterable<string>): DateOrder | 'mixed' | null {
  let dmy = false;
  let mdy = false;
  for (const v of values) {
    const m = NUMERIC.exec(v.trim());
    if (!m || m[1]!.length > 2) continue;
    const order = orderOf(Number(m[1]), Number(m[2]), 'reject');
    if (Number(m[1]) === Number(m[2])) continue;
    if (order === 'dmy') dmy = true;
    else if (order === 'mdy') mdy = true;
  }
  if (dmy && mdy) return 'mixed';
  return dmy ? 'dmy' : mdy ? 'mdy' : null;
}
