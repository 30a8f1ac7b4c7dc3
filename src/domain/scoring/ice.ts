/**
 * ICE: Impact, Confidence and Ease, each 1–10 (whole or fractional).
 * 'product' (I × C × E, range 1–1000) is the default; a workspace may pick 'average'
 * ((I + C + E) / 3, range 1–10), which is gentler on one low input.
 */
import {
  type Explanation,
  type FieldSpec,
  failure,
  failureSummary,
  fieldsCheck,
  finiteOr,
  formatNumber,
  pickInputs,
  readFields,
  type ScoreResult,
} from './result.js';

export const ICE_VARIANTS = ['product', 'average'] as const;
export type IceVariant = (typeof ICE_VARIANTS)[number];

function oneToTen(name: string, label: string, description: string): FieldSpec {
  return { name, label, description, kind: 'number', required: true, min: 1, max: 10, step: 1 };
}

export const ICE_FIELDS: readonly FieldSpec[] = [
  oneToTen('impact', 'Impact', 'How much this will move the goal, from 1 (barely) to 10 (hugely).'),
  oneToTen('confidence', 'Confidence', 'How sure you are that it will have that impact, from 1 (a guess) to 10 (proven).'),
  oneToTen('ease', 'Ease', 'How easy it is to ship, from 1 (very hard) to 10 (trivial).'),
];

export interface IceInput {
  impact?: number | null;
  confidence?: number | null;
  ease?: number | null;
}

export interface IceOptions {
  variant?: IceVariant;
}

const NAMES = ICE_FIELDS.map((f) => f.name);

const valid = fieldsCheck(ICE_FIELDS);

export function computeIce(input: IceInput, options: IceOptions = {}): ScoreResult<number, { variant: IceVariant }> {
  const variant = options.variant ?? 'product';
  if ((variant === 'product' || variant === 'average') && valid(input)) {
    // Every value is present and in range (nearly always, when ranking): skip the report.
    const { impact, confidence, ease } = input as Required<{ [K in keyof IceInput]: number }>;
    const value = variant === 'product' ? impact * confidence * ease : (impact + confidence + ease) / 3;
    if (Number.isFinite(value)) return { ok: true, value, variant };
  }
  const { values, missing, errors } = readFields(ICE_FIELDS, input);
  if (!(ICE_VARIANTS as readonly string[]).includes(variant)) {
    errors.push({ field: 'variant', message: `must be one of ${ICE_VARIANTS.join(', ')}` });
  }
  if (missing.length > 0 || errors.length > 0) return failure(missing, errors);
  const { impact, confidence, ease } = values as Record<string, number>;
  const value = variant === 'product' ? impact! * confidence! * ease! : (impact! + confidence! + ease!) / 3;
  const overflow = finiteOr(value);
  return overflow ? failure([], [overflow]) : { ok: true, value, variant };
}

export function explainIce(input: IceInput, options: IceOptions = {}): Explanation {
  const result = computeIce(input, options);
  const inputs = pickInputs(input, NAMES);
  const base = { framework: 'ice' as const, inputs };
  if (!result.ok) {
    return { ...base, value: null, summary: failureSummary(result), contributions: [], missing: result.missing, errors: result.errors };
  }
  const v = inputs as Record<string, number>;
  const sum = v.impact! + v.confidence! + v.ease!;
  const average = result.variant === 'average';
  // In the average variant each input adds a third of itself, so it has a real share;
  // in the product variant each input multiplies the others.
  const contributions = NAMES.map((name) => ({
    name,
    value: v[name]!,
    effect: average ? v[name]! / 3 : null,
    share: average ? v[name]! / sum : null,
    text: average
      ? `${name} ${formatNumber(v[name]!)}/10 adds ${formatNumber(v[name]! / 3)}`
      : `${name} ${formatNumber(v[name]!)}/10 multiplies the score by ${formatNumber(v[name]!)}`,
  }));
  const summary = average
    ? `(${formatNumber(v.impact!)} + ${formatNumber(v.confidence!)} + ${formatNumber(v.ease!)}) ÷ 3 = ${formatNumber(result.value)}`
    : `${formatNumber(v.impact!)} × ${formatNumber(v.confidence!)} × ${formatNumber(v.ease!)} = ${formatNumber(result.value)}`;
  return { ...base, value: result.value, summary, contributions, missing: [], errors: [] };
}
