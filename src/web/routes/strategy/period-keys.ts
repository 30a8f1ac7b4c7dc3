import { normalisePeriod, type Period, periodContaining, shiftPeriod } from '../../../domain/strategy/index.js';

const PERIOD_KEY = /^(\d{4})(?:-([QH])([1-4]))?$/;

/** The period a key names ('2027-Q1', '2027-H2', '2027'); null for 'all' or a key that names none. */
export function parsePeriodKey(key: string): Period | null {
  const m = PERIOD_KEY.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const input =
    m[2] === undefined
      ? { kind: 'year' as const, year }
      : { kind: m[2] === 'Q' ? ('quarter' as const) : ('half' as const), year, number: Number(m[3]) };
  const result = normalisePeriod(input);
  return result.ok ? result.period : null;
}

export function periodKey(period: Period): string {
  const year = period.start.slice(0, 4);
  const month = Number(period.start.slice(5, 7));
  if (period.kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  if (period.kind === 'half') return `${year}-H${Math.ceil(month / 6)}`;
  return year;
}

/** The periods offered by the filter, around today: last, this and the next two quarters, this half, this and next year. */
export function periodChoices(today: string): Period[] {
  const quarter = periodContaining('quarter', today);
  return [
    shiftPeriod(quarter, -1),
    quarter,
    shiftPeriod(quarter, 1),
    shiftPeriod(quarter, 2),
    periodContaining('half', today),
    periodContaining('year', today),
    shiftPeriod(periodContaining('year', today), 1),
  ];
}
