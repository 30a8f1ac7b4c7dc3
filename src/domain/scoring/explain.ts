/**
 * "Why is this ranked here": one entry point over every framework, plus the custom-score
 * explanation (the built-in ones live beside their formulas).
 *
 * Custom contributions, kept simple on purpose:
 * - formula linear in its inputs (a weighted sum, the default): each input contributes
 *   coefficient × value exactly, and its share is |contribution| ÷ Σ|contributions|;
 * - any other formula: each input's "effect" is score(actual) − score(that input at its scale
 *   minimum, others unchanged); effects need not add up to the score, and share is null.
 */
import { type CustomScoreConfig, type CustomValues, floorOf, scoreWithConfig, validateCustomConfig } from './custom.js';
import { tryEvaluate } from './expression/evaluate.js';
import { linearForm } from './expression/linear.js';
import { explainIce, type IceInput, type IceOptions } from './ice.js';
import { explainKano, type KanoInput } from './kano.js';
import { explainMoscow, type MoscowInput } from './moscow.js';
import { type Contribution, type Explanation, failure, failureSummary, formatNumber } from './result.js';
import { explainRice, type RiceInput } from './rice.js';
import { explainValueEffort, type ValueEffortInput, type ValueEffortOptions } from './value-effort.js';
import { explainWsjf, type WsjfInput } from './wsjf.js';

export function explainCustom(config: CustomScoreConfig, values: CustomValues): Explanation {
  const valid = validateCustomConfig(config);
  if (!valid.ok) {
    const f = failure([], valid.errors);
    return { framework: 'custom', value: null, summary: failureSummary(f), inputs: {}, contributions: [], missing: [], errors: f.errors };
  }
  const cfg = valid.config;
  const inputs: Record<string, number | null> = {};
  for (const name of cfg.formula.identifiers) {
    const v = values?.[name];
    inputs[name] = typeof v === 'number' ? v : null;
  }
  const result = scoreWithConfig(cfg, values);
  if (!result.ok) {
    return {
      framework: 'custom',
      value: null,
      summary: failureSummary(result),
      inputs,
      contributions: [],
      missing: result.missing,
      errors: result.errors,
    };
  }
  const { env, value } = result;
  const linear = linearForm(cfg.formula.ast);
  let contributions: Contribution[];
  let summary = `${result.formula} = ${formatNumber(value)}`;
  if (linear) {
    const effects = cfg.formula.identifiers.map((name) => (linear.coefficients.get(name) ?? 0) * env[name]!);
    const total = effects.reduce((s, e) => s + Math.abs(e), 0);
    contributions = cfg.formula.identifiers.map((name, i) => {
      const coefficient = linear.coefficients.get(name) ?? 0;
      const effect = effects[i]! === 0 ? 0 : effects[i]!;
      return {
        name,
        value: env[name]!,
        effect,
        share: total > 0 && Number.isFinite(total) ? Math.abs(effect) / total : null,
        text: `${name} ${formatNumber(env[name]!)} × weight ${formatNumber(coefficient)} = ${formatNumber(effect)}`,
      };
    });
    if (linear.constant !== 0) summary += ` (including a constant ${formatNumber(linear.constant)})`;
  } else {
    contributions = cfg.formula.identifiers.map((name) => {
      const floor = floorOf(cfg, name);
      const at = tryEvaluate(cfg.formula.ast, { ...env, [name]: floor }, cfg.formula.source);
      const effect = at.ok ? value - at.value : null;
      const text = at.ok
        ? `${name} ${formatNumber(env[name]!)}: at its minimum (${formatNumber(floor)}) the score would be ${formatNumber(at.value)}, so it changes the score by ${effect! >= 0 ? '+' : ''}${formatNumber(effect!)}`
        : `${name} ${formatNumber(env[name]!)}: the score cannot be computed with ${name} at its minimum (${at.error.message})`;
      return { name, value: env[name]!, effect: effect !== null && Number.isFinite(effect) ? effect : null, share: null, text };
    });
  }
  return { framework: 'custom', value, summary, inputs, contributions, missing: [], errors: [] };
}

export type ExplainRequest =
  | { framework: 'rice'; input: RiceInput }
  | { framework: 'ice'; input: IceInput; options?: IceOptions }
  | { framework: 'wsjf'; input: WsjfInput }
  | { framework: 'moscow'; input: MoscowInput }
  | { framework: 'kano'; input: KanoInput }
  | { framework: 'valueEffort'; input: ValueEffortInput; options?: ValueEffortOptions }
  | { framework: 'custom'; config: CustomScoreConfig; values: CustomValues };

/** Explains a feature's score under any framework. */
export function explain(request: ExplainRequest): Explanation {
  switch (request.framework) {
    case 'rice':
      return explainRice(request.input);
    case 'ice':
      return explainIce(request.input, request.options);
    case 'wsjf':
      return explainWsjf(request.input);
    case 'moscow':
      return explainMoscow(request.input);
    case 'kano':
      return explainKano(request.input);
    case 'valueEffort':
      return explainValueEffort(request.input, request.options);
    case 'custom':
      return explainCustom(request.config, request.values);
  }
}
