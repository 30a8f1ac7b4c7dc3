/**
 * WSJF (SAFe): Cost of Delay ÷ Job Size, where Cost of Delay = business value + time
 * criticality + risk reduction/opportunity enablement. Every input is a relative estimate on
 * the modified Fibonacci scale; values off the scale are rejected so teams keep estimating
 * relatively rather than in false precision.
 */
import {
  type Choice,
  type Contribution,
  type Explanation,
  type FieldSpec,
  failure,
  failureSummary,
  fieldsCheck,
  formatNumber,
  formatPercent,
  pickInputs,
  readFields,
  type ScoreResult,
} from './result.js';

export const FIBONACCI_SCALE = [1, 2, 3, 5, 8, 13, 20, 40, 100] as const;
const FIB_CHOICES: readonly Choice<number>[] = FIBONACCI_SCALE.map((v) => ({ value: v, label: String(v) }));

function fib(name: string, label: string, description: string): FieldSpec {
  return { name, label, description, kind: 'number', required: true, allowed: FIB_CHOICES };
}

export const WSJF_FIELDS: readonly FieldSpec[] = [
  fib('businessValue', 'Business value', 'Relative value to users or the business, compared with other items.'),
  fib('timeCriticality', 'Time criticality', 'How much the value drops if this waits (deadlines, competitors, seasons).'),
  fib('riskReduction', 'Risk reduction / opportunity enablement', 'How much it lowers risk or opens up future work.'),
  fib('jobSize', 'Job size', 'Relative size of the work, compared with other items (a proxy for duration).'),
];

export interface WsjfInput {
  businessValue?: number | null;
  timeCriticality?: number | null;
  riskReduction?: number | null;
  jobSize?: number | null;
}

const NAMES = WSJF_FIELDS.map((f) => f.name);
const COMPONENTS = ['businessValue', 'timeCriticality', 'riskReduction'] as const;

const valid = fieldsCheck(WSJF_FIELDS);

export function computeWsjf(input: WsjfInput): ScoreResult<number, { costOfDelay: number }> {
  if (valid(input)) {
    // Every value is on the scale (nearly always, when ranking): skip the report.
    const costOfDelay = input.businessValue! + input.timeCriticality! + input.riskReduction!;
    return { ok: true, value: costOfDelay / input.jobSize!, costOfDelay };
  }
  const { values, missing, errors } = readFields(WSJF_FIELDS, input);
  if (missing.length > 0 || errors.length > 0) return failure(missing, errors);
  const v = values as Record<string, number>;
  const costOfDelay = v.businessValue! + v.timeCriticality! + v.riskReduction!;
  // Inputs are bounded by the scale (≤ 300 / ≥ 1), so the result is always finite.
  return { ok: true, value: costOfDelay / v.jobSize!, costOfDelay };
}

export function explainWsjf(input: WsjfInput): Explanation {
  const result = computeWsjf(input);
  const inputs = pickInputs(input, NAMES);
  const base = { framework: 'wsjf' as const, inputs };
  if (!result.ok) {
    return { ...base, value: null, summary: failureSummary(result), contributions: [], missing: result.missing, errors: result.errors };
  }
  const v = inputs as Record<string, number>;
  const size = v.jobSize!;
  const contributions: Contribution[] = COMPONENTS.map((name) => {
    const share = v[name]! / result.costOfDelay;
    return {
      name,
      value: v[name]!,
      effect: v[name]! / size,
      share,
      text: `${name} ${formatNumber(v[name]!)} is ${formatPercent(share)} of the cost of delay`,
    };
  });
  contributions.push({
    name: 'jobSize',
    value: size,
    effect: null,
    share: null,
    text: `divided by job size ${formatNumber(size)}`,
  });
  return {
    ...base,
    value: result.value,
    summary: `(${COMPONENTS.map((n) => formatNumber(v[n]!)).join(' + ')}) ÷ ${formatNumber(size)} = ${formatNumber(result.value)}`,
    contributions,
    missing: [],
    errors: [],
  };
}
