/**
 * RICE (Intercom): Reach × Impact × Confidence ÷ Effort.
 * Reach is people/events per period, Impact is on Intercom's fixed 3/2/1/0.5/0.25 scale,
 * Confidence is a fraction (0, 1], Effort is person-months (> 0).
 */
import {
  type Choice,
  type Explanation,
  type FieldSpec,
  failure,
  failureSummary,
  fieldsCheck,
  finiteOr,
  formatNumber,
  formatPercent,
  noNegZero,
  pickInputs,
  readFields,
  type ScoreResult,
} from './result.js';

export const RICE_IMPACT: readonly Choice<number>[] = [
  { value: 3, label: 'Massive' },
  { value: 2, label: 'High' },
  { value: 1, label: 'Medium' },
  { value: 0.5, label: 'Low' },
  { value: 0.25, label: 'Minimal' },
];

export const RICE_CONFIDENCE: readonly Choice<number>[] = [
  { value: 1, label: 'High (100%)' },
  { value: 0.8, label: 'Medium (80%)' },
  { value: 0.5, label: 'Low (50%)' },
];

export const RICE_FIELDS: readonly FieldSpec[] = [
  {
    name: 'reach',
    label: 'Reach',
    description: 'How many people or events this affects in a period (for example customers per quarter).',
    kind: 'number',
    required: true,
    unit: 'per period',
    min: 0,
    step: 1,
  },
  {
    name: 'impact',
    label: 'Impact',
    description: 'How much it moves the goal for each person reached: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal.',
    kind: 'number',
    required: true,
    allowed: RICE_IMPACT,
  },
  {
    name: 'confidence',
    label: 'Confidence',
    description: 'How sure you are of the reach, impact and effort estimates, as a fraction (1 = 100%, 0.8 = 80%, 0.5 = 50%).',
    kind: 'number',
    required: true,
    min: 0,
    minExclusive: true,
    max: 1,
    step: 0.05,
    suggested: RICE_CONFIDENCE,
  },
  {
    name: 'effort',
    label: 'Effort',
    description: 'Total work from everyone involved, in person-months.',
    kind: 'number',
    required: true,
    unit: 'person-months',
    min: 0,
    minExclusive: true,
    step: 0.5,
  },
];

export interface RiceInput {
  reach?: number | null;
  impact?: number | null;
  confidence?: number | null;
  effort?: number | null;
}

const NAMES = RICE_FIELDS.map((f) => f.name);

const valid = fieldsCheck(RICE_FIELDS);

export function computeRice(input: RiceInput): ScoreResult<number> {
  if (valid(input)) {
    // Every value is present and in range (nearly always, when ranking): skip the report.
    const value = noNegZero((input.reach! * input.impact! * input.confidence!) / input.effort!);
    if (Number.isFinite(value)) return { ok: true, value };
  }
  const { values, missing, errors } = readFields(RICE_FIELDS, input);
  for (const e of errors) {
    // People often type 80 for 80 %; say what the API expects.
    if (e.field === 'confidence' && typeof input.confidence === 'number' && input.confidence > 1) {
      e.message = 'must be at most 1 (a fraction: 80% is 0.8)';
    }
  }
  if (missing.length > 0 || errors.length > 0) return failure(missing, errors);
  const { reach, impact, confidence, effort } = values as Record<string, number>;
  const value = noNegZero((reach! * impact! * confidence!) / effort!);
  const overflow = finiteOr(value);
  return overflow ? failure([], [overflow]) : { ok: true, value };
}

function impactLabel(v: number): string {
  return RICE_IMPACT.find((c) => c.value === v)?.label.toLowerCase() ?? 'custom';
}

export function explainRice(input: RiceInput): Explanation {
  const result = computeRice(input);
  const inputs = pickInputs(input, NAMES);
  const base = { framework: 'rice' as const, inputs };
  if (!result.ok) {
    return { ...base, value: null, summary: failureSummary(result), contributions: [], missing: result.missing, errors: result.errors };
  }
  const { reach, impact, confidence, effort } = inputs as Record<string, number>;
  // RICE is a product, so no input "adds" a share; each one scales the score instead.
  return {
    ...base,
    value: result.value,
    summary: `${formatNumber(reach!)} × ${formatNumber(impact!)} × ${formatPercent(confidence!)} ÷ ${formatNumber(effort!)} = ${formatNumber(result.value)}`,
    contributions: [
      { name: 'reach', value: reach!, effect: null, share: null, text: `Reaches ${formatNumber(reach!)} per period` },
      { name: 'impact', value: impact!, effect: null, share: null, text: `× ${formatNumber(impact!)} impact (${impactLabel(impact!)})` },
      { name: 'confidence', value: confidence!, effect: null, share: null, text: `× ${formatPercent(confidence!)} confidence` },
      { name: 'effort', value: effort!, effect: null, share: null, text: `÷ ${formatNumber(effort!)} person-months of effort` },
    ],
    missing: [],
    errors: [],
  };
}
