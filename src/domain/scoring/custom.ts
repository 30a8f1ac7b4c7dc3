/**
 * Workspace-defined score: named drivers (each with a scale and a weight) combined by a
 * formula in the safe expression language (./expression). Without a formula the score is
 * the weighted sum Σ weight × driver; a formula reads a driver's weight as `weight(name)`
 * (so weights set in the settings keep counting). Formulas may also read evidence gathered for the
 * feature: `insights` (linked insight count), `customers` (distinct customers asking) and
 * `revenue` (their revenue).
 */
import { ExpressionError } from './expression/errors.js';
import { compileExpressionAt } from './expression/evaluate.js';
import { type Node, print } from './expression/parser.js';
import { type CompiledFormula, compile, identifiersOf, isFunctionName } from './expression/validate.js';
import { checkField, type FieldError, type FieldSpec, failure, fieldCheck, isMissing, noNegZero, type ScoreResult } from './result.js';

export const EVIDENCE_NAMES = ['insights', 'customers', 'revenue'] as const;
export type EvidenceName = (typeof EVIDENCE_NAMES)[number];

export const EVIDENCE_FIELDS: readonly FieldSpec[] = [
  {
    name: 'insights',
    label: 'Insights',
    description: 'How many insights (feedback, interview notes) are linked to the feature.',
    kind: 'number',
    required: true,
    min: 0,
    integer: true,
    step: 1,
  },
  {
    name: 'customers',
    label: 'Customers',
    description: 'How many distinct customers asked for it.',
    kind: 'number',
    required: true,
    min: 0,
    integer: true,
    step: 1,
  },
  {
    name: 'revenue',
    label: 'Revenue',
    description: 'Combined revenue of the customers who asked for it.',
    kind: 'number',
    required: true,
    min: 0,
    unit: 'workspace currency',
  },
];

export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;
export const MAX_DRIVERS = 30;

export interface CustomDriver {
  /** Identifier used in the formula (letters, digits, underscore; not starting with a digit). */
  name: string;
  label?: string;
  description?: string;
  min: number;
  max: number;
  weight: number;
}

export interface CustomScoreConfig {
  drivers: readonly CustomDriver[];
  /** Empty or absent: the weighted sum of the drivers. */
  formula?: string | null;
}

export interface ValidCustomConfig {
  drivers: readonly CustomDriver[];
  formula: CompiledFormula;
  /** True when no formula was written and the weighted sum is used. */
  isDefault: boolean;
}

/** The weighted sum, built as a tree so that many drivers never hit the formula length limit. */
function weightedSumAst(drivers: readonly CustomDriver[]): Node | null {
  let sum: Node | null = null;
  for (const d of drivers) {
    const term: Node = {
      type: 'binary',
      op: '*',
      left: { type: 'number', value: d.weight, position: 0 },
      right: { type: 'identifier', name: d.name, position: 0 },
      position: 0,
    };
    sum = sum ? { type: 'binary', op: '+', left: sum, right: term, position: 0 } : term;
  }
  return sum;
}

/** The formula a workspace gets without writing one, e.g. "2 * reach + 0.5 * impact". */
export function weightedSumFormula(drivers: readonly CustomDriver[]): string {
  const ast = weightedSumAst(drivers);
  return ast ? print(ast) : '';
}

/** The drivers' weights by name, as `weight(name)` reads them in a formula. */
export function weightsOf(drivers: readonly CustomDriver[]): Record<string, number> {
  const out: Record<string, number> = Object.create(null);
  for (const d of drivers) out[d.name] = d.weight;
  return out;
}

export function allowedNames(drivers: readonly CustomDriver[]): string[] {
  return [...drivers.map((d) => d.name), ...EVIDENCE_NAMES];
}

function toFieldError(e: ExpressionError): FieldError {
  return { field: 'formula', message: e.message, position: e.position, pointer: e.pointer };
}

/** Checks a workspace's drivers and formula; call it when the settings are saved. */
export function validateCustomConfig(
  config: CustomScoreConfig,
): { ok: true; config: ValidCustomConfig } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const drivers = Array.isArray(config?.drivers) ? config.drivers : null;
  if (!drivers) return { ok: false, errors: [{ field: 'drivers', message: 'must be a list of drivers' }] };
  if (drivers.length > MAX_DRIVERS) errors.push({ field: 'drivers', message: `at most ${MAX_DRIVERS} drivers` });
  const seen = new Set<string>();
  drivers.forEach((d, i) => {
    const at = `drivers[${i}]`;
    if (typeof d?.name !== 'string' || !IDENTIFIER_PATTERN.test(d.name)) {
      errors.push({ field: `${at}.name`, message: 'must start with a letter or _ and contain only letters, digits and _ (at most 40)' });
    } else if ((EVIDENCE_NAMES as readonly string[]).includes(d.name) || isFunctionName(d.name)) {
      errors.push({ field: `${at}.name`, message: `'${d.name}' is reserved` });
    } else if (seen.has(d.name)) {
      errors.push({ field: `${at}.name`, message: `'${d.name}' is used by another driver` });
    }
    if (typeof d?.name === 'string') seen.add(d.name);
    for (const key of ['min', 'max', 'weight'] as const) {
      if (typeof d?.[key] !== 'number' || !Number.isFinite(d[key]))
        errors.push({ field: `${at}.${key}`, message: 'must be a finite number' });
    }
    if (Number.isFinite(d?.min) && Number.isFinite(d?.max) && !(d.min < d.max)) {
      errors.push({ field: `${at}.max`, message: 'must be greater than min' });
    }
  });
  const source = typeof config.formula === 'string' ? config.formula : '';
  if (config.formula !== undefined && config.formula !== null && typeof config.formula !== 'string') {
    errors.push({ field: 'formula', message: 'must be text' });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (source.trim() === '') {
    const ast = weightedSumAst(drivers);
    if (!ast) return { ok: false, errors: [{ field: 'drivers', message: 'add at least one driver or write a formula' }] };
    const text = print(ast);
    return { ok: true, config: { drivers, isDefault: true, formula: { source: text, ast, identifiers: identifiersOf(ast) } } };
  }
  // A formula reads a driver's weight as weight(name); the weighted sum uses them all.
  const compiled = compile(source, allowedNames(drivers), { weights: weightsOf(drivers) });
  if (!compiled.ok) return { ok: false, errors: compiled.errors.map(toFieldError) };
  return { ok: true, config: { drivers, isDefault: false, formula: compiled.formula } };
}

function driverSpec(d: CustomDriver): FieldSpec {
  return {
    name: d.name,
    label: d.label ?? d.name,
    description: d.description ?? `${d.label ?? d.name}, from ${d.min} to ${d.max} (weight ${d.weight}).`,
    kind: 'number',
    required: true,
    min: d.min,
    max: d.max,
  };
}

/** The inputs a custom score needs, in the same shape as the built-in frameworks' fields. */
export function customFieldSpecs(drivers: readonly CustomDriver[]): FieldSpec[] {
  return [...drivers.map(driverSpec), ...EVIDENCE_FIELDS];
}

export type CustomValues = Readonly<Record<string, number | null | undefined>>;

/** The lowest value an input can take: a driver's scale minimum, 0 for evidence. */
export function floorOf(config: ValidCustomConfig, name: string): number {
  return config.drivers.find((d) => d.name === name)?.min ?? 0;
}

/**
 * What scoring needs from a config, built once per config and reused: the spec of each name
 * the formula reads, a check per name, and the formula compiled to closures reading values
 * by position. Rebuilding the specs on every call cost more than the scoring itself.
 */
interface Prepared {
  drivers: readonly CustomDriver[];
  formula: CompiledFormula;
  ast: Node;
  source: string;
  identifiers: readonly string[];
  /** name, min and max of every driver when prepared: the parts of a spec that checks read. */
  snapshot: (string | number)[];
  specs: (FieldSpec | undefined)[];
  checks: ((value: unknown) => boolean)[];
  run: (values: ArrayLike<number>) => number;
}

const prepared = new WeakMap<ValidCustomConfig, Prepared>();

/** Whether `p` still describes `config` (configs are meant to be immutable, but nothing enforces it). */
function current(p: Prepared, config: ValidCustomConfig): boolean {
  const { drivers, formula } = config;
  if (p.drivers !== drivers || p.formula !== formula) return false;
  if (p.ast !== formula.ast || p.source !== formula.source || p.identifiers !== formula.identifiers) return false;
  if (p.snapshot.length !== drivers.length * 3) return false;
  for (let k = 0; k < drivers.length; k += 1) {
    const d = drivers[k]!;
    if (p.snapshot[3 * k] !== d.name || !Object.is(p.snapshot[3 * k + 1], d.min) || !Object.is(p.snapshot[3 * k + 2], d.max)) return false;
  }
  return true;
}

function prepare(config: ValidCustomConfig): Prepared {
  const cached = prepared.get(config);
  if (cached && current(cached, config)) return cached;
  const { drivers, formula } = config;
  const byName = new Map(customFieldSpecs(drivers).map((s) => [s.name, s]));
  const specs = formula.identifiers.map((name) => byName.get(name));
  const p: Prepared = {
    drivers,
    formula,
    ast: formula.ast,
    source: formula.source,
    identifiers: formula.identifiers,
    snapshot: drivers.flatMap((d) => [d.name, d.min, d.max]),
    specs,
    // A name without a spec fails in checkField, as it always has.
    checks: specs.map((spec) => (spec ? fieldCheck(spec) : (raw: unknown) => checkField(spec!, raw) === null)),
    run: compileExpressionAt(formula.ast, formula.source, formula.identifiers),
  };
  prepared.set(config, p);
  return p;
}

/** Validates the values the formula reads (others are ignored) and evaluates it. */
export function scoreWithConfig(
  config: ValidCustomConfig,
  values: CustomValues,
): ScoreResult<number, { formula: string; env: Record<string, number> }> {
  const { identifiers, specs, checks, run, source } = prepare(config);
  let missing: string[] | null = null;
  let errors: FieldError[] | null = null;
  // No prototype: a driver may legitimately be called e.g. `constructor`.
  const env: Record<string, number> = Object.create(null);
  const read = new Array<number>(identifiers.length);
  for (let k = 0; k < identifiers.length; k += 1) {
    const name = identifiers[k]!;
    const raw = values && Object.hasOwn(values, name) ? values[name] : undefined;
    if (isMissing(raw)) {
      missing = missing ?? [];
      missing.push(name);
    } else if (checks[k]!(raw)) {
      env[name] = raw;
      read[k] = raw;
    } else {
      errors = errors ?? [];
      errors.push({ field: name, message: checkField(specs[k]!, raw)! });
    }
  }
  if (missing || errors) return failure(missing ?? [], errors ?? []);
  try {
    const value = noNegZero(run(read));
    return { ok: true, value, formula: source, env };
  } catch (e) {
    if (e instanceof ExpressionError) return failure([], [toFieldError(e)]);
    throw e;
  }
}

/**
 * The score alone, for ranking many items: exactly scoreWithConfig(config, values).value
 * when that succeeds, null when it fails, without building the result (its `env` copy, the
 * failure lists). The config's prepared form is shared with scoreWithConfig.
 */
export function customValue(config: ValidCustomConfig, values: CustomValues): number | null {
  const { identifiers, checks, run } = prepare(config);
  const read = new Array<number>(identifiers.length);
  for (let k = 0; k < identifiers.length; k += 1) {
    const name = identifiers[k]!;
    const raw = values && Object.hasOwn(values, name) ? values[name] : undefined;
    if (isMissing(raw) || !checks[k]!(raw)) return null;
    read[k] = raw;
  }
  try {
    return noNegZero(run(read));
  } catch (e) {
    if (e instanceof ExpressionError) return null;
    throw e;
  }
}

export function computeCustom(
  config: CustomScoreConfig,
  values: CustomValues,
): ScoreResult<number, { formula: string; env: Record<string, number> }> {
  const valid = validateCustomConfig(config);
  if (!valid.ok) return failure([], valid.errors);
  return scoreWithConfig(valid.config, values);
}
