/**
 * MoSCoW: Must / Should / Could / Won't (this time). A category per feature, plus a check on
 * a set of features (a release, a timebox) that Must-haves leave enough contingency.
 */
import {
  type Choice,
  checkField,
  type Explanation,
  type FieldError,
  type FieldSpec,
  failure,
  failureSummary,
  formatNumber,
  formatPercent,
  isMissing,
  pickInputs,
  readFields,
  type ScoreResult,
} from './result.js';

export const MOSCOW_CATEGORIES = ['must', 'should', 'could', 'wont'] as const;
export type MoscowCategory = (typeof MOSCOW_CATEGORIES)[number];

export const MOSCOW_CHOICES: readonly Choice<MoscowCategory>[] = [
  { value: 'must', label: 'Must have' },
  { value: 'should', label: 'Should have' },
  { value: 'could', label: 'Could have' },
  { value: 'wont', label: "Won't have (this time)" },
];

/** Numeric priority so MoSCoW can share the ranking helper (higher first). */
export const MOSCOW_PRIORITY: Record<MoscowCategory, number> = { must: 4, should: 3, could: 2, wont: 1 };

/** DSDM's recommended ceiling for Must-have effort in a timebox. */
export const MOSCOW_MUST_LIMIT = 0.6;

export const MOSCOW_GUIDANCE =
  'DSDM recommends that Must Haves take no more than 60% of the effort in a timebox or release, ' +
  'with the rest split between Should Haves and Could Haves (around 20% for Could Haves). ' +
  'The Could Haves are the contingency: they are dropped first if estimates turn out too low. ' +
  'Above 60% Must Haves there is little room to absorb surprises and the plan is at risk of failing. ' +
  "Won't Haves are out of this timebox and do not count towards its effort.";

export const MOSCOW_FIELDS: readonly FieldSpec[] = [
  {
    name: 'category',
    label: 'Priority',
    description: "Must have, Should have, Could have, or Won't have this time.",
    kind: 'choice',
    required: true,
    allowed: MOSCOW_CHOICES,
  },
  {
    name: 'effort',
    label: 'Effort',
    description: 'Estimated effort, in the unit your team uses (points or person-days); used for the Must-have share.',
    kind: 'number',
    required: false,
    unit: 'points or person-days',
    min: 0,
  },
];

export function isMoscowCategory(value: unknown): value is MoscowCategory {
  return typeof value === 'string' && (MOSCOW_CATEGORIES as readonly string[]).includes(value);
}

export interface MoscowInput {
  category?: MoscowCategory | null;
  effort?: number | null;
}

export function computeMoscow(input: MoscowInput): ScoreResult<MoscowCategory, { priority: number }> {
  const { values, missing, errors } = readFields(MOSCOW_FIELDS, input);
  if (missing.length > 0 || errors.length > 0) return failure(missing, errors);
  const category = values.category as MoscowCategory;
  return { ok: true, value: category, priority: MOSCOW_PRIORITY[category] };
}

export function explainMoscow(input: MoscowInput): Explanation {
  const result = computeMoscow(input);
  const inputs = pickInputs(input, ['category', 'effort']);
  const base = { framework: 'moscow' as const, inputs };
  if (!result.ok) {
    return { ...base, value: null, summary: failureSummary(result), contributions: [], missing: result.missing, errors: result.errors };
  }
  const label = MOSCOW_CHOICES.find((c) => c.value === result.value)!.label;
  return {
    ...base,
    value: result.value,
    summary: `${label} (priority ${result.priority} of 4)`,
    contributions: [{ name: 'category', value: result.value, effect: null, share: null, text: `Set by hand to ${label}` }],
    missing: [],
    errors: [],
  };
}

export interface MoscowItem {
  id: string;
  category?: MoscowCategory | null;
  effort?: number | null;
}

export interface MoscowSummary {
  /** Effort per category among complete items (including Won't, for display). */
  totals: Record<MoscowCategory, number>;
  /** Must + Should + Could effort: the denominator of the share. */
  plannedEffort: number;
  limit: number;
  overLimit: boolean;
  warning: string | null;
  guidance: string;
  /** Items left out because their category or effort is not set (never counted as 0). */
  incomplete: { id: string; missing: string[] }[];
}

const EFFORT_SPEC = MOSCOW_FIELDS[1]!;

/** Share of planned effort that is Must-have, with a warning above the DSDM limit. `value` is that share (0–1). */
export function summarizeMoscow(items: readonly MoscowItem[], options: { limit?: number } = {}): ScoreResult<number, MoscowSummary> {
  const limit = options.limit ?? MOSCOW_MUST_LIMIT;
  const errors: FieldError[] = [];
  if (typeof limit !== 'number' || !(limit > 0 && limit <= 1)) {
    errors.push({ field: 'limit', message: 'must be a fraction greater than 0 and at most 1' });
  }
  const totals: Record<MoscowCategory, number> = { must: 0, should: 0, could: 0, wont: 0 };
  const incomplete: MoscowSummary['incomplete'] = [];
  let complete = 0;
  items.forEach((item, i) => {
    const missing: string[] = [];
    if (isMissing(item.category)) missing.push('category');
    else if (!isMoscowCategory(item.category)) {
      errors.push({ field: `items[${i}].category`, message: `must be one of ${MOSCOW_CATEGORIES.join(', ')}` });
    }
    if (isMissing(item.effort)) missing.push('effort');
    else {
      const message = checkField(EFFORT_SPEC, item.effort);
      if (message) errors.push({ field: `items[${i}].effort`, message });
    }
    if (missing.length > 0) incomplete.push({ id: item.id, missing });
    else if (isMoscowCategory(item.category) && typeof item.effort === 'number' && Number.isFinite(item.effort)) {
      totals[item.category] += item.effort;
      complete += 1;
    }
  });
  if (errors.length > 0) return failure([], errors);
  const plannedEffort = totals.must + totals.should + totals.could;
  // With no estimated effort in the timebox there is no share to report, only a gap to fill.
  if (complete === 0 || plannedEffort === 0 || !Number.isFinite(plannedEffort)) return failure(['effort'], []);
  const value = totals.must / plannedEffort;
  const overLimit = value > limit;
  const warning = overLimit
    ? `Must-haves are ${formatPercent(value)} of planned effort (${formatNumber(totals.must)} of ${formatNumber(plannedEffort)}); DSDM advises at most ${formatPercent(limit)}.`
    : null;
  return { ok: true, value, totals, plannedEffort, limit, overLimit, warning, guidance: MOSCOW_GUIDANCE, incomplete };
}
