import type { ScoresPatch } from '../../../domain/scoring/feature-scores.js';
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

export type KanoSurveyPatch = NonNullable<NonNullable<ScoresPatch['kano']>>;

/** Whether typed counts lower any stored count (saving them then rewrites the stored answers). */
export function lowersCounts(stored: Partial<KanoCounts> | null | undefined, typed: KanoCounts): boolean {
  return KANO_CATEGORIES.some((c) => Math.floor(typed[c] ?? 0) < (stored?.[c] ?? 0));
}

/**
 * What saving the survey drawer sends. The stored answer pairs (as respondents gave them:
 * "expect / dislike" stays that, not the canonical pair of its category) are kept and the
 * pairs added here are appended. Only counts the person typed become representative pairs:
 * raising counts appends one pair per extra respondent; lowering one has to rewrite the
 * survey, so it is then stored as representative pairs with the same counts. Null: nothing
 * to save.
 *
 * @param stored the counts of the stored survey (null when there is none)
 * @param typed the counts as typed, or null when the person did not touch them
 * @param added answer pairs added one by one in the drawer
 */
export function surveyPatch(
  stored: Partial<KanoCounts> | null | undefined,
  typed: KanoCounts | null,
  added: readonly KanoResponse[],
): KanoSurveyPatch | null {
  const pairs = added.map((a) => ({ functional: a.functional, dysfunctional: a.dysfunctional }));
  if (typed === null || KANO_CATEGORIES.every((c) => Math.floor(typed[c] ?? 0) === (stored?.[c] ?? 0))) {
    return pairs.length > 0 ? { addAnswers: pairs } : null;
  }
  if (!lowersCounts(stored, typed)) {
    const extra = Object.fromEntries(KANO_CATEGORIES.map((c) => [c, Math.floor(typed[c] ?? 0) - (stored?.[c] ?? 0)]));
    return { addAnswers: [...answersFromCounts(extra), ...pairs] };
  }
  const answers = [...answersFromCounts(typed), ...pairs];
  return { answers: answers.length > 0 ? answers : null };
}

export type { KanoAnswer, KanoResponse };
