/**
 * Value vs effort 2×2. Value and effort are 1–10; the midpoint splits each axis into
 * low/high. A value or effort exactly on the midpoint counts as high (the default 5.5 makes
 * that impossible for whole numbers). The score for ranking is value ÷ effort.
 */
import {
  type Explanation,
  type FieldError,
  type FieldSpec,
  failure,
  failureSummary,
  formatNumber,
  pickInputs,
  readFields,
  type ScoreResult,
} from './result.js';

export const QUADRANTS = ['quick_win', 'big_bet', 'fill_in', 'time_sink'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  quick_win: 'Quick win (high value, low effort)',
  big_bet: 'Big bet (high value, high effort)',
  fill_in: 'Fill-in (low value, low effort)',
  time_sink: 'Time sink (low value, high effort)',
};

export const VALUE_EFFORT_SCALE = { min: 1, max: 10 } as const;
export const DEFAULT_MIDPOINT = 5.5;

export const VALUE_EFFORT_FIELDS: readonly FieldSpec[] = [
  {
    name: 'value',
    label: 'Value',
    description: 'How much this is worth to users and the business, from 1 (little) to 10 (a lot).',
    kind: 'number',
    required: true,
    min: VALUE_EFFORT_SCALE.min,
    max: VALUE_EFFORT_SCALE.max,
    step: 1,
  },
  {
    name: 'effort',
    label: 'Effort',
    description: 'How much work it takes, from 1 (very little) to 10 (a lot).',
    kind: 'number',
    required: true,
    min: VALUE_EFFORT_SCALE.min,
    max: VALUE_EFFORT_SCALE.max,
    step: 1,
  },
];

export interface ValueEffortInput {
  value?: number | null;
  effort?: number | null;
}

export interface ValueEffortOptions {
  /** Where "high" starts on both axes; default 5.5, must lie within 1–10. */
  midpoint?: number;
}

export interface ValueEffortExtra {
  quadrant: Quadrant;
  highValue: boolean;
  highEffort: boolean;
  midpoint: number;
}

export function quadrantOf(highValue: boolean, highEffort: boolean): Quadrant {
  if (highValue) return highEffort ? 'big_bet' : 'quick_win';
  return highEffort ? 'time_sink' : 'fill_in';
}

export function computeValueEffort(input: ValueEffortInput, options: ValueEffortOptions = {}): ScoreResult<number, ValueEffortExtra> {
  const midpoint = options.midpoint ?? DEFAULT_MIDPOINT;
  const { values, missing, errors } = readFields(VALUE_EFFORT_FIELDS, input);
  if (typeof midpoint !== 'number' || !(midpoint >= VALUE_EFFORT_SCALE.min && midpoint <= VALUE_EFFORT_SCALE.max)) {
    errors.push({ field: 'midpoint', message: 'must be a number from 1 to 10' } satisfies FieldError);
  }
  if (missing.length > 0 || errors.length > 0) return failure(missing, errors);
  const value = values.value as number;
  const effort = values.effort as number;
  const highValue = value >= midpoint;
  const highEffort = effort >= midpoint;
  return { ok: true, value: value / effort, quadrant: quadrantOf(highValue, highEffort), highValue, highEffort, midpoint };
}

export function explainValueEffort(input: ValueEffortInput, options: ValueEffortOptions = {}): Explanation {
  const result = computeValueEffort(input, options);
  const inputs = pickInputs(input, ['value', 'effort']);
  const base = { framework: 'valueEffort' as const, inputs };
  if (!result.ok) {
    return { ...base, value: null, summary: failureSummary(result), contributions: [], missing: result.missing, errors: result.errors };
  }
  const v = inputs.value as number;
  const e = inputs.effort as number;
  const mid = formatNumber(result.midpoint);
  return {
    ...base,
    value: result.value,
    summary: `${QUADRANT_LABELS[result.quadrant]}; ${formatNumber(v)} ÷ ${formatNumber(e)} = ${formatNumber(result.value)}`,
    contributions: [
      {
        name: 'value',
        value: v,
        effect: null,
        share: null,
        text: `Value ${formatNumber(v)} is ${result.highValue ? 'high' : 'low'} (midpoint ${mid})`,
      },
      {
        name: 'effort',
        value: e,
        effect: null,
        share: null,
        text: `Effort ${formatNumber(e)} is ${result.highEffort ? 'high' : 'low'} (midpoint ${mid})`,
      },
    ],
    missing: [],
    errors: [],
  };
}
