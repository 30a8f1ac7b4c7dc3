import { KANO_CATEGORIES, type KanoAnswer, type KanoCategory, type KanoResponse } from '../../../domain/scoring/index.js';

/**
 * One answer pair that the Kano evaluation table classifies as each category, so a tally
 * ("12 attractive, 3 must-be") can be entered or edited as counts and still be stored as
 * answer pairs: classifying these pairs gives back exactly the same counts, Better and Worse.
 */
export const KANO_PAIR: Record<KanoCategory, KanoResponse> = {
  attractive: { functional: 'like', dysfunctional: 'neutral' },
  one_dimensional: { functional: 'like', dysfunctional: 'dislike' },
  must_be: { functional: 'neutral', dysfunctional: 'dislike' },
  indifferent: { functional: 'neutral', dysfunctional: 'neutral' },
  reverse: { functional: 'dislike', dysfunctional: 'like' },
  questionable: { functional: 'like', dysfunctional: 'like' },
};

export type KanoCounts = Record<KanoCategory, number>;

export function emptyCounts(): KanoCounts {
  return Object.fromEntries(KANO_CATEGORIES.map((c) => [c, 0])) as KanoCounts;
}

/** Answer pairs with exactly these counts (in category order). */
export function answersFromCounts(counts: Partial<Record<KanoCategory, number | null>>): KanoResponse[] {
  const out: KanoResponse[] = [];
  for (const c of KANO_CATEGORIES) {
    const n = Math.max(0, Math.floor(counts[c] ?? 0));
    for (let i = 0; i < n; i += 1) out.push({ ...KANO_PAIR[c] });
  }
  return out;
}

export type { KanoAnswer, KanoResponse };
