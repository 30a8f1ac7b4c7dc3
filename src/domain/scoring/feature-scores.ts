/**
 * A feature's scores, as stored and as shown: the one function the server (to store rank
 * columns and answer the API) and the browser (to preview an edit) both call, so a stored
 * score is exactly the number on screen.
 *
 *   stored inputs (FeatureScoreInputs, JSON on the feature)
 *   + evidence (linked insights, distinct customers, their monthly revenue)
 *   + workspace settings (ICE variant, MoSCoW limit, value/effort midpoint, custom drivers)
 *   → FeatureScores (every framework present; missing inputs listed, never read as 0)
 */
import {
  type CustomDriver,
  customFieldSpecs,
  EVIDENCE_NAMES,
  scoreWithConfig,
  type ValidCustomConfig,
  validateCustomConfig,
} from './custom.js';
import { explainCustom } from './explain.js';
import { computeIce, explainIce, ICE_FIELDS, ICE_VARIANTS, type IceVariant } from './ice.js';
import { computeKano, explainKano, KANO_ANSWERS, KANO_CATEGORIES, type KanoCategory, type KanoResponse } from './kano.js';
import { computeMoscow, explainMoscow, MOSCOW_CATEGORIES, MOSCOW_FIELDS, MOSCOW_MUST_LIMIT, type MoscowCategory } from './moscow.js';
import { isReachWindow, MAX_REACH_WINDOW_DAYS, type WindowedEvidence } from './reach-window.js';
import {
  checkField,
  type Explanation,
  type FieldError,
  type FieldSpec,
  FRAMEWORK_KEYS,
  type FrameworkKey,
  formatNumber,
  isMissing,
} from './result.js';
import { computeRice, explainRice, RICE_FIELDS } from './rice.js';
import { computeValueEffort, DEFAULT_MIDPOINT, explainValueEffort, type Quadrant, VALUE_EFFORT_FIELDS } from './value-effort.js';
import { computeWsjf, explainWsjf, WSJF_FIELDS } from './wsjf.js';

// ---------------------------------------------------------------- stored inputs

export const REACH_SOURCES = ['manual', 'insights', 'customers'] as const;
export type ReachSource = (typeof REACH_SOURCES)[number];

/** What a feature stores (JSON). Every input is optional: a framework may be half filled in. */
export interface FeatureScoreInputs {
  rice?: {
    reach?: number;
    /** 'insights' / 'customers': reach is the feature's evidence count instead of a typed number. */
    reachSource?: ReachSource;
    /** With a derived reach: count only the evidence received in the last this many days (absent: all of it). */
    reachWindowDays?: number;
    impact?: number;
    confidence?: number;
    effort?: number;
  };
  ice?: { impact?: number; confidence?: number; ease?: number };
  wsjf?: { businessValue?: number; timeCriticality?: number; riskReduction?: number; jobSize?: number };
  moscow?: { category?: MoscowCategory; effort?: number };
  kano?: { category?: KanoCategory; answers?: KanoResponse[] };
  valueEffort?: { value?: number; effort?: number };
  custom?: { values?: Record<string, number> };
}

/** A change to the stored inputs: null clears (a framework or one input), absent keeps. */
export type ScoresPatch = {
  [F in Exclude<keyof FeatureScoreInputs, 'kano'>]?:
    | {
        [K in keyof NonNullable<FeatureScoreInputs[F]>]?: K extends 'values'
          ? Record<string, number | null> | null
          : NonNullable<FeatureScoreInputs[F]>[K] | null;
      }
    | null;
} & {
  kano?: {
    category?: KanoCategory | null;
    /** Replaces the stored answers (null clears them). */
    answers?: KanoResponse[] | null;
    /** Appended to the stored answers (after `answers`, when both are given): respondents' pairs are kept as answered. */
    addAnswers?: KanoResponse[];
  } | null;
};

export interface FeatureEvidence {
  /** Linked insights. */
  insights: number;
  /** Distinct customers behind them. */
  customers: number;
  /** Monthly revenue of those customers, in the workspace's scoring currency (others not counted). */
  revenue: number;
  /** The evidence inside the feature's reach window, when it has one (counted for that window). */
  window?: WindowedEvidence | null;
}

export const NO_EVIDENCE: FeatureEvidence = Object.freeze({ insights: 0, customers: 0, revenue: 0 });

// ---------------------------------------------------------------- workspace settings

export interface ScoringSettings {
  iceVariant: IceVariant;
  /** Warn when Must-haves exceed this share of planned effort (DSDM: 0.6). */
  moscowLimit: number;
  valueEffortMidpoint: number;
  /** The framework shown first and explained by default. */
  defaultFramework: FrameworkKey;
  /** ISO 4217: customer revenue in this currency feeds `revenue` in custom formulas. */
  revenueCurrency: string;
  custom: { drivers: CustomDriver[]; formula: string | null };
}

export const DEFAULT_SCORING_SETTINGS: ScoringSettings = Object.freeze({
  iceVariant: 'product',
  moscowLimit: MOSCOW_MUST_LIMIT,
  valueEffortMidpoint: DEFAULT_MIDPOINT,
  defaultFramework: 'rice',
  revenueCurrency: 'EUR',
  custom: Object.freeze({ drivers: [], formula: null }),
}) as ScoringSettings;

/** Settings read from storage, with defaults for anything absent or unusable. */
export function normalizeScoringSettings(raw: unknown): ScoringSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SCORING_SETTINGS;
  const custom = (typeof r.custom === 'object' && r.custom !== null ? r.custom : {}) as Record<string, unknown>;
  return {
    iceVariant: (ICE_VARIANTS as readonly unknown[]).includes(r.iceVariant) ? (r.iceVariant as IceVariant) : d.iceVariant,
    moscowLimit: typeof r.moscowLimit === 'number' && r.moscowLimit > 0 && r.moscowLimit <= 1 ? r.moscowLimit : d.moscowLimit,
    valueEffortMidpoint:
      typeof r.valueEffortMidpoint === 'number' && r.valueEffortMidpoint >= 1 && r.valueEffortMidpoint <= 10
        ? r.valueEffortMidpoint
        : d.valueEffortMidpoint,
    defaultFramework: (FRAMEWORK_KEYS as readonly unknown[]).includes(r.defaultFramework)
      ? (r.defaultFramework as FrameworkKey)
      : d.defaultFramework,
    revenueCurrency: typeof r.revenueCurrency === 'string' && /^[A-Z]{3}$/.test(r.revenueCurrency) ? r.revenueCurrency : d.revenueCurrency,
    custom: {
      drivers: Array.isArray(custom.drivers) ? (custom.drivers as CustomDriver[]) : [],
      formula: typeof custom.formula === 'string' && custom.formula.trim() !== '' ? custom.formula : null,
    },
  };
}

// ---------------------------------------------------------------- output

export interface RiceScores {
  reach: number | null;
  reachSource: ReachSource;
  /** The window set on a derived reach, in days (null: all the evidence counts). */
  reachWindowDays: number | null;
  /** The evidence in that window, when the reach reads it: from when, and its counts. */
  reachWindow: { since: string; insights: number; customers: number } | null;
  impact: number | null;
  confidence: number | null;
  effort: number | null;
  value: number | null;
  missing: string[];
}
export interface IceScores {
  impact: number | null;
  confidence: number | null;
  ease: number | null;
  variant: IceVariant;
  value: number | null;
  missing: string[];
}
export interface WsjfScores {
  businessValue: number | null;
  timeCriticality: number | null;
  riskReduction: number | null;
  jobSize: number | null;
  costOfDelay: number | null;
  value: number | null;
  missing: string[];
}
export interface MoscowScores {
  category: MoscowCategory | null;
  effort: number | null;
  priority: number | null;
}
export interface KanoScores {
  /** Effective category: set by hand, else the survey's most frequent answer. */
  category: KanoCategory | null;
  source: 'manual' | 'survey' | null;
  manualCategory: KanoCategory | null;
  respondents: number;
  counts: Record<KanoCategory, number> | null;
  better: number | null;
  worse: number | null;
  priority: number | null;
}
export interface ValueEffortScores {
  /** The "value" input (1–10); the computed score is `ratio`. */
  value: number | null;
  effort: number | null;
  ratio: number | null;
  quadrant: Quadrant | null;
  missing: string[];
}
export interface CustomScores {
  /** One entry per workspace driver; null when not given. Evidence is read automatically. */
  values: Record<string, number | null>;
  value: number | null;
  missing: string[];
  errors: FieldError[];
}
export interface FeatureScores {
  rice: RiceScores;
  ice: IceScores;
  wsjf: WsjfScores;
  moscow: MoscowScores;
  kano: KanoScores;
  valueEffort: ValueEffortScores;
  custom: CustomScores;
}

// ---------------------------------------------------------------- custom config (compiled once per settings object)

type CompiledCustom = { ok: true; config: ValidCustomConfig } | { ok: false; errors: FieldError[] } | null;
const compiledCache = new WeakMap<object, CompiledCustom>();

export const CUSTOM_NOT_SET_UP = 'No custom score is set up for this workspace yet: add drivers or a formula in the scoring settings.';

/** The workspace's custom score, compiled (null when none is defined). Cached per settings.custom object. */
export function compiledCustom(settings: ScoringSettings): CompiledCustom {
  const key = settings.custom;
  if (compiledCache.has(key)) return compiledCache.get(key)!;
  const none = key.drivers.length === 0 && (key.formula === null || key.formula.trim() === '');
  const out: CompiledCustom = none ? null : validateCustomConfig(key);
  compiledCache.set(key, out);
  return out;
}

// ---------------------------------------------------------------- scoring

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

interface Reach {
  reach: number | null;
  source: ReachSource;
  /** The window the reach was counted in (a derived reach with a window whose counts are known). */
  window: WindowedEvidence | null;
}

function effectiveReach(rice: FeatureScoreInputs['rice'], evidence: FeatureEvidence): Reach {
  const source = rice?.reachSource ?? 'manual';
  if (source === 'manual') return { reach: num(rice?.reach), source: 'manual', window: null };
  const days = rice?.reachWindowDays;
  if (days === undefined || days === null)
    return { reach: source === 'insights' ? evidence.insights : evidence.customers, source, window: null };
  // Counts of another window (or none) would be a wrong reach: without them reach is unknown.
  const w = evidence.window;
  if (!isReachWindow(days) || !w || w.days !== days) return { reach: null, source, window: null };
  return { reach: source === 'insights' ? w.insights : w.customers, source, window: w };
}

function customEnv(inputs: FeatureScoreInputs, evidence: FeatureEvidence): Record<string, number | null | undefined> {
  const env: Record<string, number | null | undefined> = Object.create(null);
  const values = inputs.custom?.values;
  if (values) for (const k of Object.keys(values)) env[k] = values[k];
  env.insights = evidence.insights;
  env.customers = evidence.customers;
  env.revenue = evidence.revenue;
  return env;
}

// Results of a framework with no inputs at all (most features use one or two frameworks):
// built once and frozen, so scoring a large list allocates only for what is filled in.
const NONE: string[] = Object.freeze([]) as unknown as string[];
const frozen = <T>(v: T): T => Object.freeze(v);
const EMPTY = {
  rice: frozen<RiceScores>({
    reach: null,
    reachSource: 'manual',
    reachWindowDays: null,
    reachWindow: null,
    impact: null,
    confidence: null,
    effort: null,
    value: null,
    missing: frozen(['reach', 'impact', 'confidence', 'effort']),
  }),
  ice: Object.fromEntries(
    ICE_VARIANTS.map((variant) => [
      variant,
      frozen<IceScores>({
        impact: null,
        confidence: null,
        ease: null,
        variant,
        value: null,
        missing: frozen(['impact', 'confidence', 'ease']),
      }),
    ]),
  ) as Record<IceVariant, IceScores>,
  wsjf: frozen<WsjfScores>({
    businessValue: null,
    timeCriticality: null,
    riskReduction: null,
    jobSize: null,
    costOfDelay: null,
    value: null,
    missing: frozen(['businessValue', 'timeCriticality', 'riskReduction', 'jobSize']),
  }),
  moscow: frozen<MoscowScores>({ category: null, effort: null, priority: null }),
  kano: frozen<KanoScores>({
    category: null,
    source: null,
    manualCategory: null,
    respondents: 0,
    counts: null,
    better: null,
    worse: null,
    priority: null,
  }),
  valueEffort: frozen<ValueEffortScores>({ value: null, effort: null, ratio: null, quadrant: null, missing: frozen(['value', 'effort']) }),
};
const NOT_SET_UP: FieldError[] = Object.freeze([Object.freeze({ field: 'custom', message: CUSTOM_NOT_SET_UP })]) as unknown as FieldError[];
const missingOf = (r: { ok: boolean; missing?: string[] }) => (r.ok ? NONE : (r.missing ?? NONE));

function scoreRice(rice: FeatureScoreInputs['rice'], evidence: FeatureEvidence): RiceScores {
  if (!rice) return EMPTY.rice;
  const { reach, source, window } = effectiveReach(rice, evidence);
  const r = computeRice(source === 'manual' ? rice : { reach, impact: rice.impact, confidence: rice.confidence, effort: rice.effort });
  return {
    reach,
    reachSource: source,
    reachWindowDays: num(rice.reachWindowDays),
    reachWindow: window ? { since: window.since, insights: window.insights, customers: window.customers } : null,
    impact: num(rice.impact),
    confidence: num(rice.confidence),
    effort: num(rice.effort),
    value: r.ok ? r.value : null,
    missing: missingOf(r),
  };
}

function scoreIce(ice: FeatureScoreInputs['ice'], variant: IceVariant): IceScores {
  if (!ice) return EMPTY.ice[variant] ?? EMPTY.ice.product;
  const r = computeIce(ice, { variant });
  return {
    impact: num(ice.impact),
    confidence: num(ice.confidence),
    ease: num(ice.ease),
    variant,
    value: r.ok ? r.value : null,
    missing: missingOf(r),
  };
}

function scoreWsjf(wsjf: FeatureScoreInputs['wsjf']): WsjfScores {
  if (!wsjf) return EMPTY.wsjf;
  const r = computeWsjf(wsjf);
  return {
    businessValue: num(wsjf.businessValue),
    timeCriticality: num(wsjf.timeCriticality),
    riskReduction: num(wsjf.riskReduction),
    jobSize: num(wsjf.jobSize),
    costOfDelay: r.ok ? r.costOfDelay : null,
    value: r.ok ? r.value : null,
    missing: missingOf(r),
  };
}

function scoreMoscow(moscow: FeatureScoreInputs['moscow']): MoscowScores {
  if (!moscow) return EMPTY.moscow;
  const r = computeMoscow(moscow);
  return {
    category: (MOSCOW_CATEGORIES as readonly unknown[]).includes(moscow.category) ? moscow.category! : null,
    effort: num(moscow.effort),
    priority: r.ok ? r.priority : null,
  };
}

function scoreKano(kano: FeatureScoreInputs['kano']): KanoScores {
  if (!kano) return EMPTY.kano;
  const r = computeKano(kano);
  const survey = r.ok ? r.survey : null;
  return {
    category: r.ok ? r.value : null,
    source: r.ok ? r.source : null,
    manualCategory: (KANO_CATEGORIES as readonly unknown[]).includes(kano.category) ? kano.category! : null,
    respondents: survey?.respondents ?? 0,
    counts: survey ? { ...survey.counts } : null,
    better: survey?.better ?? null,
    worse: survey?.worse ?? null,
    priority: r.ok ? r.priority : null,
  };
}

function scoreValueEffort(ve: FeatureScoreInputs['valueEffort'], midpoint: number): ValueEffortScores {
  if (!ve) return EMPTY.valueEffort;
  const r = computeValueEffort(ve, { midpoint });
  return {
    value: num(ve.value),
    effort: num(ve.effort),
    ratio: r.ok ? r.value : null,
    quadrant: r.ok ? r.quadrant : null,
    missing: missingOf(r),
  };
}

function scoreCustom(inputs: FeatureScoreInputs, evidence: FeatureEvidence, settings: ScoringSettings): CustomScores {
  const compiled = compiledCustom(settings);
  const drivers = settings.custom.drivers;
  const stored = inputs.custom?.values;
  const values: Record<string, number | null> = {};
  for (let i = 0; i < drivers.length; i += 1) {
    const name = drivers[i]!.name;
    values[name] = stored ? num(stored[name]) : null;
  }
  if (compiled === null) return { values, value: null, missing: NONE, errors: NOT_SET_UP };
  if (!compiled.ok) return { values, value: null, missing: NONE, errors: compiled.errors };
  const r = scoreWithConfig(compiled.config, customEnv(inputs, evidence));
  return r.ok ? { values, value: r.value, missing: NONE, errors: [] } : { values, value: null, missing: r.missing, errors: r.errors };
}

/**
 * The scores object of the API. Frameworks without inputs come back as shared, frozen
 * "nothing yet" results (treat the output as read-only).
 */
export function scoreFeature(inputs: FeatureScoreInputs, evidence: FeatureEvidence, settings: ScoringSettings): FeatureScores {
  const inp = inputs ?? {};
  return {
    rice: scoreRice(inp.rice, evidence),
    ice: scoreIce(inp.ice, settings.iceVariant),
    wsjf: scoreWsjf(inp.wsjf),
    moscow: scoreMoscow(inp.moscow),
    kano: scoreKano(inp.kano),
    valueEffort: scoreValueEffort(inp.valueEffort, settings.valueEffortMidpoint),
    custom: scoreCustom(inp, evidence, settings),
  };
}

// ---------------------------------------------------------------- ranking

/** The sort keys of the API (`value_effort` there is `valueEffort` in the scores object). */
export const SCORE_SORTS = ['rice', 'ice', 'wsjf', 'custom', 'value_effort', 'moscow', 'kano'] as const;
export type ScoreSort = (typeof SCORE_SORTS)[number];

export function frameworkOfSort(sort: ScoreSort | FrameworkKey): FrameworkKey {
  return sort === 'value_effort' ? 'valueEffort' : sort;
}

/** The number a feature is ranked by under a framework (higher first); null = unscored, ranked last. */
export function sortValue(framework: ScoreSort | FrameworkKey, scores: FeatureScores): number | null {
  switch (frameworkOfSort(framework)) {
    case 'rice':
      return scores.rice.value;
    case 'ice':
      return scores.ice.value;
    case 'wsjf':
      return scores.wsjf.value;
    case 'custom':
      return scores.custom.value;
    case 'valueEffort':
      return scores.valueEffort.ratio;
    case 'moscow':
      return scores.moscow.priority;
    case 'kano':
      return scores.kano.priority;
  }
}

/**
 * The ranking number of one framework straight from the inputs: always equal to
 * `sortValue(framework, scoreFeature(inputs, evidence, settings))` (the same compute
 * functions), without building the rest of the scores object. For ranking long lists and
 * for the server's stored rank columns.
 */
export function frameworkValue(
  framework: ScoreSort | FrameworkKey,
  inputs: FeatureScoreInputs,
  evidence: FeatureEvidence,
  settings: ScoringSettings,
): number | null {
  const inp = inputs ?? {};
  switch (frameworkOfSort(framework)) {
    case 'rice': {
      const rice = inp.rice;
      if (!rice) return null;
      const source = rice.reachSource ?? 'manual';
      if (source === 'manual') return resultValue(computeRice(rice));
      const { reach } = effectiveReach(rice, evidence);
      return resultValue(computeRice({ reach, impact: rice.impact, confidence: rice.confidence, effort: rice.effort }));
    }
    case 'ice':
      return inp.ice ? resultValue(computeIce(inp.ice, { variant: settings.iceVariant })) : null;
    case 'wsjf':
      return inp.wsjf ? resultValue(computeWsjf(inp.wsjf)) : null;
    case 'valueEffort':
      return inp.valueEffort ? resultValue(computeValueEffort(inp.valueEffort, { midpoint: settings.valueEffortMidpoint })) : null;
    case 'moscow': {
      if (!inp.moscow) return null;
      const r = computeMoscow(inp.moscow);
      return r.ok ? r.priority : null;
    }
    case 'kano': {
      if (!inp.kano) return null;
      const r = computeKano(inp.kano);
      return r.ok ? r.priority : null;
    }
    case 'custom': {
      const compiled = compiledCustom(settings);
      if (!compiled?.ok) return null;
      return resultValue(scoreWithConfig(compiled.config, customEnv(inp, evidence)));
    }
  }
}

function resultValue(r: { ok: true; value: number } | { ok: false }): number | null {
  return r.ok ? r.value : null;
}

// ---------------------------------------------------------------- PATCH semantics

function mergeRecord<T extends object>(current: T | undefined, patch: Record<string, unknown>): T | undefined {
  const out: Record<string, unknown> = { ...(current ?? {}) };
  for (const key of Object.keys(patch)) {
    const v = patch[key];
    if (v === undefined) continue;
    if (v === null) delete out[key];
    else out[key] = v;
  }
  return Object.keys(out).length === 0 ? undefined : (out as T);
}

/**
 * Applies a PATCH to stored inputs: a framework set to null is cleared, an input set to null
 * is cleared, absent keys are kept; custom driver values merge one by one; Kano `answers`
 * replace the stored ones as a whole and `addAnswers` are appended to them. Returns a new
 * object; empty frameworks are dropped.
 */
export function mergeScoreInputs(current: FeatureScoreInputs, patch: ScoresPatch | null | undefined): FeatureScoreInputs {
  const out: FeatureScoreInputs = { ...(current ?? {}) };
  if (!patch) return out;
  const target = out as Record<string, unknown>;
  for (const key of Object.keys(patch) as (keyof FeatureScoreInputs)[]) {
    const p = patch[key];
    if (p === undefined) continue;
    if (p === null) {
      delete target[key];
      continue;
    }
    let merged: object | undefined;
    if (key === 'custom') {
      const values = (p as { values?: Record<string, number | null> | null }).values;
      const currentValues = out.custom?.values;
      const next = values === null ? undefined : values === undefined ? currentValues : mergeRecord(currentValues, values);
      merged = next ? { values: next } : undefined;
    } else if (key === 'kano') {
      const { addAnswers, ...rest } = p as NonNullable<ScoresPatch['kano']>;
      const kano = mergeRecord(out.kano, rest) as FeatureScoreInputs['kano'];
      merged =
        addAnswers && addAnswers.length > 0
          ? {
              ...kano,
              answers: [...(kano?.answers ?? []), ...addAnswers.map((a) => ({ functional: a.functional, dysfunctional: a.dysfunctional }))],
            }
          : kano;
    } else {
      merged = mergeRecord(out[key] as object | undefined, p as Record<string, unknown>);
    }
    if (merged) target[key] = merged;
    else delete target[key];
  }
  return out;
}

// ---------------------------------------------------------------- validation

const SPECS: Record<Exclude<FrameworkKey, 'kano' | 'custom'>, readonly FieldSpec[]> = {
  rice: RICE_FIELDS,
  ice: ICE_FIELDS,
  wsjf: WSJF_FIELDS,
  moscow: MOSCOW_FIELDS,
  valueEffort: VALUE_EFFORT_FIELDS,
};

const KNOWN_KEYS: Record<FrameworkKey, readonly string[]> = {
  rice: ['reach', 'reachSource', 'reachWindowDays', 'impact', 'confidence', 'effort'],
  ice: ['impact', 'confidence', 'ease'],
  wsjf: ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'],
  moscow: ['category', 'effort'],
  kano: ['category', 'answers', 'addAnswers'],
  valueEffort: ['value', 'effort'],
  custom: ['values'],
};

export const MAX_KANO_ANSWERS = 10_000;

/**
 * Checks the values a PATCH (or create) sets, against the same FieldSpecs the scoring uses.
 * Nulls (clearing) are always fine. Paths look like `scores.rice.effort`. With the stored
 * inputs it is applied to, also checks what the merge would store (the Kano answers'
 * total, appended ones included).
 */
export function validateScoreInputs(
  patch: ScoresPatch | null | undefined,
  settings: ScoringSettings,
  current?: FeatureScoreInputs,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!patch) return errors;
  if (current && patch.kano?.addAnswers?.length) {
    const total = mergeScoreInputs({ kano: current.kano }, { kano: patch.kano }).kano?.answers?.length ?? 0;
    if (total > MAX_KANO_ANSWERS) {
      errors.push({ field: 'scores.kano.addAnswers', message: `at most ${MAX_KANO_ANSWERS} answers in all (${total} with these)` });
    }
  }
  const record = patch as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const at = `scores.${key}`;
    if (!(FRAMEWORK_KEYS as readonly string[]).includes(key)) {
      errors.push({ field: at, message: `is not a scoring framework (use ${FRAMEWORK_KEYS.join(', ')})` });
      continue;
    }
    const framework = key as FrameworkKey;
    const p = record[key];
    if (p === null || p === undefined) continue;
    if (typeof p !== 'object' || Array.isArray(p)) {
      errors.push({ field: at, message: 'must be an object, or null to clear it' });
      continue;
    }
    const inputs = p as Record<string, unknown>;
    for (const name of Object.keys(inputs)) {
      if (!KNOWN_KEYS[framework].includes(name)) errors.push({ field: `${at}.${name}`, message: 'is not an input of this framework' });
    }
    if (framework === 'kano') validateKano(inputs, at, errors);
    else if (framework === 'custom') validateCustomValues(inputs.values, `${at}.values`, settings, errors);
    else {
      for (const spec of SPECS[framework]) {
        const v = inputs[spec.name];
        if (isMissing(v)) continue;
        let message = checkField(spec, v);
        if (message && framework === 'rice' && spec.name === 'confidence' && typeof v === 'number' && v > 1) {
          message = 'must be at most 1 (a fraction: 80% is 0.8)';
        }
        if (message) errors.push({ field: `${at}.${spec.name}`, message });
      }
      if (framework === 'rice' && !isMissing(inputs.reachSource) && !(REACH_SOURCES as readonly unknown[]).includes(inputs.reachSource)) {
        errors.push({ field: `${at}.reachSource`, message: `must be one of ${REACH_SOURCES.join(', ')}` });
      }
      if (framework === 'rice' && !isMissing(inputs.reachWindowDays) && !isReachWindow(inputs.reachWindowDays)) {
        errors.push({
          field: `${at}.reachWindowDays`,
          message: `must be a whole number of days from 1 to ${MAX_REACH_WINDOW_DAYS}, or null for all time`,
        });
      }
    }
  }
  return errors;
}

function validateKano(inputs: Record<string, unknown>, at: string, errors: FieldError[]) {
  const category = inputs.category;
  if (!isMissing(category) && !(KANO_CATEGORIES as readonly unknown[]).includes(category)) {
    errors.push({ field: `${at}.category`, message: `must be one of ${KANO_CATEGORIES.join(', ')}` });
  }
  for (const name of ['answers', 'addAnswers'] as const) {
    const answers = inputs[name];
    if (isMissing(answers)) continue;
    if (!Array.isArray(answers)) {
      errors.push({ field: `${at}.${name}`, message: 'must be a list of {functional, dysfunctional} answers' });
      continue;
    }
    if (answers.length > MAX_KANO_ANSWERS) errors.push({ field: `${at}.${name}`, message: `at most ${MAX_KANO_ANSWERS} answers` });
    answers.forEach((a: unknown, i) => {
      const r = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
      for (const side of ['functional', 'dysfunctional'] as const) {
        if (!(KANO_ANSWERS as readonly unknown[]).includes(r[side])) {
          errors.push({ field: `${at}.${name}[${i}].${side}`, message: `must be one of ${KANO_ANSWERS.join(', ')}` });
        }
      }
    });
  }
}

function validateCustomValues(values: unknown, at: string, settings: ScoringSettings, errors: FieldError[]) {
  if (isMissing(values)) return;
  if (typeof values !== 'object' || Array.isArray(values)) {
    errors.push({ field: at, message: 'must be an object of driver values' });
    return;
  }
  const specs = new Map(customFieldSpecs(settings.custom.drivers).map((s) => [s.name, s]));
  for (const [name, v] of Object.entries(values as Record<string, unknown>)) {
    if (isMissing(v)) continue;
    const spec = specs.get(name);
    if (!spec || (EVIDENCE_NAMES as readonly string[]).includes(name)) {
      const known = settings.custom.drivers.map((d) => d.name);
      errors.push({
        field: `${at}.${name}`,
        message: (EVIDENCE_NAMES as readonly string[]).includes(name)
          ? `'${name}' comes from the feature's evidence and cannot be typed`
          : known.length > 0
            ? `is not a driver of this workspace (drivers: ${known.join(', ')})`
            : 'is not a driver of this workspace (it has none yet)',
      });
      continue;
    }
    const message = checkField(spec, v);
    if (message) errors.push({ field: `${at}.${name}`, message });
  }
}

// ---------------------------------------------------------------- explanation

export interface FeatureExplanation extends Explanation {
  /** The workspace settings this framework's score depends on. */
  settings: Record<string, string | number | null>;
}

/** "Why": inputs, each one's contribution, what is missing — for one framework of one feature. */
export function explainFeatureScore(
  framework: FrameworkKey,
  inputs: FeatureScoreInputs,
  evidence: FeatureEvidence,
  settings: ScoringSettings,
): FeatureExplanation {
  const inp = inputs ?? {};
  switch (framework) {
    case 'rice': {
      const { reach, source, window } = effectiveReach(inp.rice, evidence);
      const days = num(inp.rice?.reachWindowDays);
      const e = explainRice({ reach, impact: inp.rice?.impact, confidence: inp.rice?.confidence, effort: inp.rice?.effort });
      if (source !== 'manual') {
        const c = e.contributions.find((x) => x.name === 'reach');
        const counted = source === 'insights' ? 'linked insights' : 'distinct customers in the evidence';
        const what =
          days === null
            ? counted
            : window
              ? `${counted} received in the last ${days} days (since ${window.since.slice(0, 10)})`
              : `${counted} received in the last ${days} days (not counted yet)`;
        if (c) c.text = `Reaches ${formatNumber(reach!)}: the number of ${what}`;
        e.summary += ` (reach from the evidence: ${what})`;
      }
      const windowed = source !== 'manual' && days !== null;
      return {
        ...e,
        inputs: { ...e.inputs, reachSource: source, ...(windowed && { reachWindowDays: days }) },
        settings: { reachSource: source, ...(windowed && { reachWindowDays: days, reachSince: window?.since ?? null }) },
      };
    }
    case 'ice':
      return { ...explainIce(inp.ice ?? {}, { variant: settings.iceVariant }), settings: { iceVariant: settings.iceVariant } };
    case 'wsjf':
      return { ...explainWsjf(inp.wsjf ?? {}), settings: {} };
    case 'moscow':
      return { ...explainMoscow(inp.moscow ?? {}), settings: { moscowLimit: settings.moscowLimit } };
    case 'kano':
      return { ...explainKano(inp.kano ?? {}), settings: {} };
    case 'valueEffort':
      return {
        ...explainValueEffort(inp.valueEffort ?? {}, { midpoint: settings.valueEffortMidpoint }),
        settings: { valueEffortMidpoint: settings.valueEffortMidpoint },
      };
    case 'custom': {
      const compiled = compiledCustom(settings);
      const shared = {
        formula: compiled?.ok ? compiled.config.formula.source : settings.custom.formula,
        revenueCurrency: settings.revenueCurrency,
      };
      if (compiled === null) {
        return {
          framework: 'custom',
          value: null,
          summary: CUSTOM_NOT_SET_UP,
          inputs: {},
          contributions: [],
          missing: [],
          errors: [{ field: 'custom', message: CUSTOM_NOT_SET_UP }],
          settings: shared,
        };
      }
      const e = explainCustom(settings.custom, customEnv(inp, evidence));
      if (compiled.ok && compiled.config.formula.identifiers.includes('revenue')) {
        const c = e.contributions.find((x) => x.name === 'revenue');
        const note = `revenue is the monthly revenue of the distinct customers whose revenue is in ${settings.revenueCurrency}; customers in other currencies are not counted`;
        if (c) c.text += ` (${note})`;
        else e.summary += ` (${note})`;
      }
      return { ...e, settings: shared };
    }
  }
}

/** The workspace settings (top-level keys of ScoringSettings) a framework's score depends on. */
export const SETTINGS_OF: Record<FrameworkKey, readonly (keyof ScoringSettings)[]> = {
  rice: [],
  ice: ['iceVariant'],
  wsjf: [],
  moscow: [],
  kano: [],
  valueEffort: ['valueEffortMidpoint'],
  custom: ['custom', 'revenueCurrency'],
};

/** Field-level diff of stored inputs, keyed `scores.<framework>.<input>`, for the change log. */
export function diffScoreInputs(before: FeatureScoreInputs, after: FeatureScoreInputs): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const framework of FRAMEWORK_KEYS) {
    const b = (before?.[framework] ?? {}) as Record<string, unknown>;
    const a = (after?.[framework] ?? {}) as Record<string, unknown>;
    if (framework === 'custom') {
      const bv = (b.values ?? {}) as Record<string, unknown>;
      const av = (a.values ?? {}) as Record<string, unknown>;
      for (const name of new Set([...Object.keys(bv), ...Object.keys(av)])) {
        if (bv[name] !== av[name]) out[`scores.custom.values.${name}`] = { from: bv[name] ?? null, to: av[name] ?? null };
      }
      continue;
    }
    for (const name of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (JSON.stringify(b[name]) === JSON.stringify(a[name])) continue;
      // Survey answers can be thousands of pairs: the log keeps how many, not each one.
      const show = (v: unknown) => (Array.isArray(v) ? `${v.length} answers` : (v ?? null));
      out[`scores.${framework}.${name}`] = { from: show(b[name]), to: show(a[name]) };
    }
  }
  return out;
}

/** Parses stored JSON inputs; anything unreadable is treated as "nothing scored yet". */
export function parseScoreInputs(text: string | null | undefined): FeatureScoreInputs {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as FeatureScoreInputs) : {};
  } catch {
    return {};
  }
}
