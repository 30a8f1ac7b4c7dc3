import type { FeatureScores, ScoresPatch, ScoringSettings } from '../../../domain/scoring/feature-scores.js';
import {
  compiledCustom,
  customFieldSpecs,
  EVIDENCE_NAMES,
  type FieldSpec,
  FRAMEWORK_KEYS,
  type FrameworkKey,
  frameworkInfo,
  KANO_FIELDS,
  weightedSumFormula,
} from '../../../domain/scoring/index.js';
import type { ScoreLabels } from './labels.js';

export { FRAMEWORK_KEYS };

/** The inputs typed in a row for a framework, straight from the domain's FieldSpecs. */
export function editableFields(framework: FrameworkKey, settings: ScoringSettings): readonly FieldSpec[] {
  if (framework === 'custom')
    return customFieldSpecs(settings.custom.drivers).filter((s) => !(EVIDENCE_NAMES as readonly string[]).includes(s.name));
  // Kano answers are entered in the survey drawer; the row has the category.
  if (framework === 'kano') return [KANO_FIELDS[0]!];
  return frameworkInfo(framework).fields;
}

/** The evidence names the workspace formula reads (shown read-only beside the drivers). */
export function evidenceRead(settings: ScoringSettings): string[] {
  const compiled = compiledCustom(settings);
  if (!compiled?.ok) return [];
  return EVIDENCE_NAMES.filter((n) => compiled.config.formula.identifiers.includes(n));
}

/** The formula the custom score runs (the weighted sum when none is written), or null when none is set up. */
export function customFormula(settings: ScoringSettings): { text: string; weighted: boolean } | null {
  if (settings.custom.formula?.trim()) return { text: settings.custom.formula, weighted: false };
  if (settings.custom.drivers.length > 0) return { text: weightedSumFormula(settings.custom.drivers), weighted: true };
  return null;
}

/** The value of one input as the row shows it (a typed reach, the manual Kano category…). */
export function fieldValue(framework: FrameworkKey, scores: FeatureScores, name: string): number | string | null {
  if (framework === 'custom') return scores.custom.values[name] ?? null;
  if (framework === 'kano' && name === 'category') return scores.kano.manualCategory;
  const value = (scores[framework] as unknown as Record<string, unknown>)[name];
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/** The PATCH that sets one input (merge semantics: nothing else changes). */
export function patchFor(framework: FrameworkKey, name: string, value: number | string | null): ScoresPatch {
  if (framework === 'custom') return { custom: { values: { [name]: value as number | null } } };
  return { [framework]: { [name]: value } } as ScoresPatch;
}

export interface ScoreView {
  /** The number or category the feature is ranked by, as text. */
  text: string;
  /** The raw value (number, or category key). */
  value: number | string | null;
  missing: string[];
  invalid: boolean;
}

/** A framework's result for one feature, ready to show: score, or what is missing. */
export function scoreView(framework: FrameworkKey, scores: FeatureScores, labels: ScoreLabels): ScoreView {
  const none = (missing: string[], invalid = false): ScoreView => ({ text: '', value: null, missing, invalid });
  switch (framework) {
    case 'rice':
    case 'ice':
    case 'wsjf': {
      const s = scores[framework];
      return s.value === null ? none(s.missing) : { text: labels.score(s.value), value: s.value, missing: [], invalid: false };
    }
    case 'custom': {
      const s = scores.custom;
      if (s.value === null) return none(s.missing, s.errors.length > 0 && s.missing.length === 0);
      return { text: labels.score(s.value), value: s.value, missing: [], invalid: false };
    }
    case 'valueEffort': {
      const s = scores.valueEffort;
      return s.ratio === null ? none(s.missing) : { text: labels.number(s.ratio, 2), value: s.ratio, missing: [], invalid: false };
    }
    case 'moscow': {
      const c = scores.moscow.category;
      return c === null ? none(['category']) : { text: labels.choice('moscow', 'category', c), value: c, missing: [], invalid: false };
    }
    case 'kano': {
      const c = scores.kano.category;
      return c === null
        ? none(['category', 'answers'])
        : { text: labels.choice('kano', 'category', c), value: c, missing: [], invalid: false };
    }
  }
}

/**
 * The frameworks a feature is scored with, in order: its product's choice when it has a
 * product, else the workspace's default framework.
 */
export function preferredFrameworks(
  product: { scoringFrameworks: readonly FrameworkKey[] } | null | undefined,
  settings: Pick<ScoringSettings, 'defaultFramework'> | null,
): FrameworkKey[] {
  const own = (product?.scoringFrameworks ?? []).filter((f) => (FRAMEWORK_KEYS as readonly string[]).includes(f));
  if (own.length > 0) return [...own];
  return settings ? [settings.defaultFramework] : [];
}

/** The list with the framework at `index` moved by one place (−1 up, +1 down); unchanged at either end. */
export function moveFramework(list: readonly FrameworkKey[], index: number, by: -1 | 1): FrameworkKey[] {
  const to = index + by;
  const next = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return next;
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** The product's frameworks first (in its order), then the others. */
export function orderedFrameworks(preferred: readonly FrameworkKey[] | undefined): FrameworkKey[] {
  const first = (preferred ?? []).filter((f) => (FRAMEWORK_KEYS as readonly string[]).includes(f));
  return [...first, ...FRAMEWORK_KEYS.filter((f) => !first.includes(f))];
}

/**
 * The custom formula with each name replaced by its value and each weight(name) by that
 * driver's weight: "(5 * 3 - 4) * (1 + 0 / 10) = 11".
 */
export function substitute(
  formula: string,
  inputs: Record<string, unknown>,
  labels: Pick<ScoreLabels, 'number'>,
  weights: Readonly<Record<string, number>> = {},
): string {
  return formula.replace(
    /\bweight\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)|\b[A-Za-z_][A-Za-z0-9_]*\b(?!\s*\()/g,
    (match, weighted?: string) => {
      if (weighted !== undefined) return Object.hasOwn(weights, weighted) ? labels.number(weights[weighted]!, 2) : match;
      const v = inputs[match];
      return typeof v === 'number' ? labels.number(v, 2) : match;
    },
  );
}
