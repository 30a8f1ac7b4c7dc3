import {
  type FeatureEvidence,
  type FeatureScoreInputs,
  type FeatureScores,
  mergeScoreInputs,
  type ScoresPatch,
  type ScoringSettings,
  scoreFeature,
} from '../../../domain/scoring/feature-scores.js';
import type { WindowedEvidence } from '../../../domain/scoring/reach-window.js';
import type { FeatureDto } from '../../api/discovery.js';
import { answersFromCounts } from './kano-answers.js';

type Scores = FeatureDto['scores'];

function put<T extends object>(target: T, key: keyof T, value: unknown) {
  if (value !== null && value !== undefined) (target as Record<string, unknown>)[key as string] = value;
}

/**
 * The stored inputs behind a feature's `scores`, as far as the API shows them: typed reach
 * (not the derived one), the manual Kano category, and the survey as answer pairs that
 * reproduce its counts exactly. Feeding them back to `scoreFeature` gives the same scores.
 */
export function inputsFromScores(scores: Scores): FeatureScoreInputs {
  const out: FeatureScoreInputs = {};
  const rice: NonNullable<FeatureScoreInputs['rice']> = {};
  if (scores.rice.reachSource === 'manual') put(rice, 'reach', scores.rice.reach);
  else rice.reachSource = scores.rice.reachSource;
  put(rice, 'reachWindowDays', scores.rice.reachWindowDays);
  put(rice, 'impact', scores.rice.impact);
  put(rice, 'confidence', scores.rice.confidence);
  put(rice, 'effort', scores.rice.effort);
  if (Object.keys(rice).length > 0) out.rice = rice;
  const ice: NonNullable<FeatureScoreInputs['ice']> = {};
  put(ice, 'impact', scores.ice.impact);
  put(ice, 'confidence', scores.ice.confidence);
  put(ice, 'ease', scores.ice.ease);
  if (Object.keys(ice).length > 0) out.ice = ice;
  const wsjf: NonNullable<FeatureScoreInputs['wsjf']> = {};
  put(wsjf, 'businessValue', scores.wsjf.businessValue);
  put(wsjf, 'timeCriticality', scores.wsjf.timeCriticality);
  put(wsjf, 'riskReduction', scores.wsjf.riskReduction);
  put(wsjf, 'jobSize', scores.wsjf.jobSize);
  if (Object.keys(wsjf).length > 0) out.wsjf = wsjf;
  const moscow: NonNullable<FeatureScoreInputs['moscow']> = {};
  put(moscow, 'category', scores.moscow.category);
  put(moscow, 'effort', scores.moscow.effort);
  if (Object.keys(moscow).length > 0) out.moscow = moscow;
  const kano: NonNullable<FeatureScoreInputs['kano']> = {};
  put(kano, 'category', scores.kano.manualCategory);
  if (scores.kano.counts && scores.kano.respondents > 0) kano.answers = answersFromCounts(scores.kano.counts);
  if (Object.keys(kano).length > 0) out.kano = kano;
  const ve: NonNullable<FeatureScoreInputs['valueEffort']> = {};
  put(ve, 'value', scores.valueEffort.value);
  put(ve, 'effort', scores.valueEffort.effort);
  if (Object.keys(ve).length > 0) out.valueEffort = ve;
  const values: Record<string, number> = {};
  for (const [name, v] of Object.entries(scores.custom.values)) if (typeof v === 'number') values[name] = v;
  if (Object.keys(values).length > 0) out.custom = { values };
  return out;
}

/** Evidence the screen supplies beyond the feature: its revenue, or counts in another reach window (a draft's). */
export interface EvidenceExtra {
  revenue?: number;
  window?: WindowedEvidence | null;
}

/**
 * A feature's evidence as the scores read it (revenue: monthly, in the workspace's scoring
 * currency; the counts in its reach window, as the server made them).
 */
export function evidenceOf(feature: FeatureDto, extra: EvidenceExtra = {}): FeatureEvidence {
  const rice = feature.scores.rice;
  const window =
    extra.window !== undefined
      ? extra.window
      : rice.reachWindow && rice.reachWindowDays !== null
        ? { days: rice.reachWindowDays, ...rice.reachWindow }
        : null;
  return {
    insights: feature.insightCount,
    customers: feature.customerCount,
    revenue: extra.revenue ?? feature.evidenceRevenue ?? 0,
    window,
  };
}

/**
 * The scores to show for a feature: the server's, or — while an edit is unsaved — the same
 * domain function the server runs, over the stored inputs with the edit merged in. Only the
 * frameworks the edit touches are taken from the preview; the others stay the server's.
 */
export function liveScores(
  feature: FeatureDto,
  draft: ScoresPatch | undefined,
  settings: ScoringSettings,
  extra?: EvidenceExtra,
): FeatureScores {
  const server = feature.scores as FeatureScores;
  if (!draft) return server;
  const preview = scoreFeature(mergeScoreInputs(inputsFromScores(feature.scores), draft), evidenceOf(feature, extra), settings);
  const out = { ...server } as Record<string, unknown>;
  for (const key of Object.keys(draft)) out[key] = (preview as unknown as Record<string, unknown>)[key];
  return out as unknown as FeatureScores;
}

/** Settings as the domain takes them (the API adds a version). */
export function domainSettings(dto: ScoringSettings & { version?: number }): ScoringSettings {
  const { version: _version, ...settings } = dto;
  return settings;
}
