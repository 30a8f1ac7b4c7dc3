import { type FeatureScores, type ScoresPatch, type ScoringSettings, sortValue } from '../../../domain/scoring/feature-scores.js';
import { type FrameworkKey, rankFeatureOrder } from '../../../domain/scoring/index.js';
import { titleKey } from '../../../domain/text-key.js';
import type { FeatureDto } from '../../api/discovery.js';
import { liveScores } from '../../components/score/live-scores.js';

export interface RankedRow {
  feature: FeatureDto;
  scores: FeatureScores;
  /** 1-based, equal scores share a rank; null when the feature has no score under the framework. */
  rank: number | null;
  /** The number it is ranked by (score, ratio, or category priority). */
  sort: number | null;
  /** Shown from an unsaved edit. */
  draft: boolean;
}

interface Entry {
  feature: FeatureDto;
  draft: ScoresPatch | undefined;
  settings: ScoringSettings;
  scores: FeatureScores;
}

/**
 * Scores per feature, recomputed only when the feature, its unsaved edit or the settings
 * change: a keystroke re-scores one row, not the thousand around it.
 */
export class ScoreCache {
  private entries = new Map<string, Entry>();

  get(feature: FeatureDto, draft: ScoresPatch | undefined, settings: ScoringSettings): FeatureScores {
    const hit = this.entries.get(feature.id);
    if (hit && hit.feature === feature && hit.draft === draft && hit.settings === settings) return hit.scores;
    const scores = liveScores(feature, draft, settings);
    this.entries.set(feature.id, { feature, draft, settings, scores });
    return scores;
  }
}

const titleKeys = new WeakMap<FeatureDto, string>();

/** The feature's titleKey, computed once per copy of the feature (a keystroke re-ranks without re-normalising every title). */
function keyOf(feature: FeatureDto): string {
  let key = titleKeys.get(feature);
  if (key === undefined) {
    key = titleKey(feature.title);
    titleKeys.set(feature, key);
  }
  return key;
}

/**
 * The ranked table's order: every feature scored (the server's numbers, or the domain's on
 * an unsaved edit) and ranked with the domain's `rankFeatureOrder` — highest first, unscored
 * last, ties by titleKey then id — the rule the server's ranked pages follow.
 */
export function rankFeatures(
  features: readonly FeatureDto[],
  drafts: ReadonlyMap<string, ScoresPatch>,
  settings: ScoringSettings,
  framework: FrameworkKey,
  cache: ScoreCache = new ScoreCache(),
): RankedRow[] {
  const rows = new Array<RankedRow>(features.length);
  for (let i = 0; i < features.length; i += 1) {
    const feature = features[i]!;
    const draft = drafts.get(feature.id);
    const scores = cache.get(feature, draft, settings);
    rows[i] = { feature, scores, sort: sortValue(framework, scores), draft: draft !== undefined, rank: null };
  }
  const ranked = rankFeatureOrder(rows, { score: (r) => r.sort, titleKey: (r) => keyOf(r.feature), id: (r) => r.feature.id });
  const out = new Array<RankedRow>(ranked.length);
  for (let i = 0; i < ranked.length; i += 1) {
    const { item, rank } = ranked[i]!;
    item.rank = rank;
    out[i] = item;
  }
  return out;
}
