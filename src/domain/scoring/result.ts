/**
 * The one result shape every scoring function returns, and the field checks they share.
 *
 *   { ok: true, value, ...extra }                      – a finite score (or a category)
 *   { ok: false, reason: 'missing' | 'invalid', missing: string[], errors: FieldError[] }
 *
 * A failure carries both lists so a form can show "fill these in" and "fix these" at once;
 * `reason` is 'invalid' as soon as there is one error, otherwise 'missing'. A missing input
 * never becomes 0: the score is simply not there (value null in explanations).
 */

export interface FieldError {
  field: string;
  message: string;
  /** 0-based character offset, for formula errors. */
  position?: number;
  /** Formula line with a caret under `position`, for display in a monospace font. */
  pointer?: string;
}

export interface ScoreFailure {
  ok: false;
  reason: 'missing' | 'invalid';
  missing: string[];
  errors: FieldError[];
}

export type ScoreResult<V, Extra extends object = Record<never, never>> = ({ ok: true; value: V } & Extra) | ScoreFailure;

export function failure(missing: string[], errors: FieldError[]): ScoreFailure {
  return { ok: false, reason: errors.length > 0 ? 'invalid' : 'missing', missing, errors };
}

export interface Choice<T extends number | string = number | string> {
  value: T;
  label: string;
}

/** Describes one input so the UI can render it and the domain can validate it from the same data. */
export interface FieldSpec {
  name: string;
  label: string;
  description: string;
  kind: 'number' | 'choice' | 'kano_answers';
  required: boolean;
  unit?: string;
  min?: number;
  max?: number;
  /** When true, `min` itself is not allowed (e.g. effort must be > 0). */
  minExclusive?: boolean;
  step?: number;
  integer?: boolean;
  /** The only values accepted. */
  allowed?: readonly Choice[];
  /** Presets the UI may offer; any value within min/max is still accepted. */
  suggested?: readonly Choice[];
}

export function isMissing(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function oneOf(choices: readonly Choice[]): string {
  return `must be one of ${choices.map((c) => String(c.value)).join(', ')}`;
}

/** Checks one value against its spec; returns an error message or null. */
export function checkField(spec: FieldSpec, value: unknown): string | null {
  if (spec.kind === 'choice') {
    const allowed = spec.allowed ?? [];
    return allowed.some((c) => c.value === value) ? null : oneOf(allowed);
  }
  if (typeof value !== 'number') return 'must be a number';
  if (Number.isNaN(value)) return 'must be a number (got NaN)';
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (spec.allowed && !spec.allowed.some((c) => c.value === value)) return oneOf(spec.allowed);
  if (spec.integer && !Number.isInteger(value)) return 'must be a whole number';
  if (spec.min !== undefined) {
    if (spec.minExclusive && value <= spec.min) return `must be greater than ${spec.min}`;
    if (!spec.minExclusive && value < spec.min) return `must be at least ${spec.min}`;
  }
  if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}`;
  return null;
}

export interface ReadFields {
  values: Record<string, number | string>;
  missing: string[];
  errors: FieldError[];
}

/** Validates a record of inputs against specs, collecting every problem rather than stopping at the first. */
export function readFields(specs: readonly FieldSpec[], input: unknown): ReadFields {
  const out: ReadFields = { values: {}, missing: [], errors: [] };
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  for (const spec of specs) {
    const raw = record[spec.name];
    if (isMissing(raw)) {
      if (spec.required) out.missing.push(spec.name);
      continue;
    }
    const message = checkField(spec, raw);
    if (message) out.errors.push({ field: spec.name, message });
    else out.values[spec.name] = raw as number | string;
  }
  return out;
}

/** Whether a value passes its spec: exactly `!isMissing(value) && checkField(spec, value) === null`, without allocating. */
export function fieldCheck(spec: FieldSpec): (value: unknown) => boolean {
  // `===` membership, as in checkField (so NaN is never a member and -0 equals 0).
  const allowed = spec.kind === 'choice' ? (spec.allowed ?? []).map((c) => c.value) : spec.allowed?.map((c) => c.value);
  const isAllowed = (value: unknown): boolean => {
    for (let k = 0; k < allowed!.length; k += 1) if (allowed![k] === value) return true;
    return false;
  };
  if (spec.kind === 'choice') return (value) => !isMissing(value) && isAllowed(value);
  const { integer, min, max, minExclusive } = spec;
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    if (allowed && !isAllowed(value)) return false;
    if (integer && !Number.isInteger(value)) return false;
    // Negated like checkField's tests, so a NaN bound behaves the same way.
    if (min !== undefined && (minExclusive ? value <= min : value < min)) return false;
    return !(max !== undefined && value > max);
  };
}

/**
 * A predicate over an input record: true exactly when `readFields(specs, input)` would find
 * nothing missing and nothing invalid. Scoring functions use it to skip building the report
 * when every value is fine, which is nearly always the case when ranking a list.
 */
export function fieldsCheck(specs: readonly FieldSpec[]): (input: unknown) => boolean {
  const names = specs.map((s) => s.name);
  const required = specs.map((s) => s.required);
  const checks = specs.map(fieldCheck);
  return (input) => {
    if (typeof input !== 'object' || input === null) return !required.includes(true);
    const record = input as Record<string, unknown>;
    for (let k = 0; k < checks.length; k += 1) {
      const raw = record[names[k]!];
      if (isMissing(raw)) {
        if (required[k]) return false;
      } else if (!checks[k]!(raw)) return false;
    }
    return true;
  };
}

/** Formulas are products/quotients of bounded inputs, but tiny divisors can still overflow. */
export function finiteOr(value: number, field = 'score'): FieldError | null {
  return Number.isFinite(value) ? null : { field, message: 'the result is too large to represent' };
}

/** Avoids "-0" leaking into JSON/UI when a negated quantity is zero. */
export function noNegZero(n: number): number {
  return n === 0 ? 0 : n;
}

/** Display formatting for explanations: whole numbers as is, others to at most 2 decimals. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const rounded = Math.round(n * 100) / 100;
  return rounded === 0 ? n.toPrecision(2) : String(rounded);
}

export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)}%`;
}

export const FRAMEWORK_KEYS = ['rice', 'ice', 'wsjf', 'moscow', 'kano', 'valueEffort', 'custom'] as const;
export type FrameworkKey = (typeof FRAMEWORK_KEYS)[number];

/** How one input moved the score. `effect`/`share` are null where the framework has no additive reading. */
export interface Contribution {
  name: string;
  value: number | string | null;
  /** Amount this input adds to the score (additive frameworks) or its "effect" (custom, non-linear). */
  effect: number | null;
  /** Fraction (0–1) of the total this input accounts for, when that is meaningful. */
  share: number | null;
  text: string;
}

/** "Why is this ranked here": the score, what went in, what each input did, and what is missing. */
export interface Explanation {
  framework: FrameworkKey;
  value: number | string | null;
  summary: string;
  inputs: Record<string, number | string | null>;
  contributions: Contribution[];
  missing: string[];
  errors: FieldError[];
}

/** Copies the named inputs, turning absent ones into explicit nulls. */
export function pickInputs(input: unknown, names: readonly string[]): Record<string, number | string | null> {
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const out: Record<string, number | string | null> = {};
  for (const name of names) {
    const v = record[name];
    out[name] = typeof v === 'number' || typeof v === 'string' ? v : null;
  }
  return out;
}

/** Summary line for a failed computation, shared by every explain function. */
export function failureSummary(f: ScoreFailure): string {
  if (f.errors.length > 0) return `Cannot score: ${f.errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`;
  return `Not scored yet: missing ${f.missing.join(', ')}.`;
}
