import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkKey } from '../../../domain/scoring/index.js';

/**
 * Translated names of everything the scoring domain names in English: frameworks, their
 * inputs, the choices of each input. Keys are built from the domain's own names (field and
 * choice values), so a new field shows its English name until it is translated — never a
 * raw key.
 */
export interface ScoreLabels {
  locale: string;
  framework: (key: FrameworkKey) => string;
  frameworkAbout: (key: FrameworkKey) => string;
  frameworkFormula: (key: FrameworkKey) => string;
  field: (framework: FrameworkKey, name: string) => string;
  fieldHelp: (framework: FrameworkKey, name: string, fallback?: string) => string;
  choice: (framework: FrameworkKey, field: string, value: string | number, fallback?: string) => string;
  quadrant: (value: string) => string;
  reachSource: (value: string) => string;
  iceVariant: (value: string) => string;
  kanoAnswer: (value: string) => string;
  /** A number in the interface language, at most `digits` decimals. */
  number: (value: number, digits?: number) => string;
  /** A fraction (0.8) as a percentage in the interface language ("80 %"). */
  percent: (fraction: number) => string;
  /** A score (large values without decimals, small ones with up to 2). */
  score: (value: number) => string;
  /** A number of days ("90 days"). */
  days: (count: number) => string;
  /** Why a typed percentage is refused. */
  percentRange: string;
  /** The accessible name of an input's suggested values ("Suggested Confidence"). */
  presets: (field: string) => string;
}

/** i18next's typed `t` only takes literal keys; these keys are built from domain names. */
type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** A choice value as a key segment: 0.25 → "0_25". */
export function choiceKey(value: string | number): string {
  return String(value).replace(/[.-]/g, '_');
}

export function useScoreLabels(): ScoreLabels {
  const { t: typed, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const t = typed as unknown as LooseT;
    const numbers = new Map<number, Intl.NumberFormat>();
    const fmt = (digits: number) => {
      let f = numbers.get(digits);
      if (!f) {
        f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
        numbers.set(digits, f);
      }
      return f;
    };
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const look = (key: string, fallback: string) => t(key, { defaultValue: fallback });
    return {
      locale,
      framework: (key) => look(`prioritise.frameworks.${key}.name`, key),
      frameworkAbout: (key) => look(`prioritise.frameworks.${key}.about`, ''),
      frameworkFormula: (key) => look(`prioritise.frameworks.${key}.formula`, ''),
      field: (framework, name) => look(`prioritise.fields.${framework}.${name}`, name),
      fieldHelp: (framework, name, fallback = '') => look(`prioritise.help.${framework}.${name}`, fallback),
      choice: (framework, field, value, fallback) =>
        look(`prioritise.choices.${framework}.${field}.${choiceKey(value)}`, fallback ?? String(value)),
      quadrant: (value) => look(`prioritise.quadrants.${value}`, value),
      reachSource: (value) => look(`prioritise.reachSources.${value}`, value),
      iceVariant: (value) => look(`prioritise.iceVariants.${value}`, value),
      kanoAnswer: (value) => look(`prioritise.kanoAnswers.${value}`, value),
      number: (value, digits = 2) => fmt(digits).format(value),
      percent: (fraction) => pct.format(fraction),
      score: (value) => fmt(Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2).format(value),
      days: (count) => t('prioritise.days', { count }),
      percentRange: t('prioritise.percentRange'),
      presets: (field) => t('prioritise.presets', { field }),
    };
  }, [typed, locale]);
}
