import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeScoreInputs } from '../../../domain/scoring/feature-scores.js';
import {
  classifyKanoResponse,
  evaluateKanoSurvey,
  KANO_ANSWERS,
  KANO_CATEGORIES,
  type KanoResponse,
} from '../../../domain/scoring/index.js';
import { answersFromCounts, emptyCounts, KANO_PAIR, type KanoCounts, lowersCounts, surveyPatch } from './kano-answers.js';

describe('Kano counts as answer pairs', () => {
  it('each representative pair is classified as its category by the evaluation table', () => {
    for (const c of KANO_CATEGORIES) expect(classifyKanoResponse(KANO_PAIR[c].functional, KANO_PAIR[c].dysfunctional)).toBe(c);
  });

  it('a tally stored as pairs reads back as the same counts, category, Better and Worse', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(25), { minLength: 6, maxLength: 6 }), (numbers) => {
        const counts = Object.fromEntries(KANO_CATEGORIES.map((c, i) => [c, numbers[i]!]));
        const survey = evaluateKanoSurvey(answersFromCounts(counts));
        const total = numbers.reduce((a, b) => a + b, 0);
        if (total === 0) return expect(survey).toBeNull();
        expect(survey!.counts).toEqual(counts);
        expect(survey!.respondents).toBe(total);
      }),
    );
  });

  it('12 attractive, 5 one-dimensional, 3 must-be: Better 0.85, Worse −0.4', () => {
    const survey = evaluateKanoSurvey(answersFromCounts({ attractive: 12, one_dimensional: 5, must_be: 3 }))!;
    expect(survey.category).toBe('attractive');
    expect(survey.better).toBeCloseTo(17 / 20);
    expect(survey.worse).toBeCloseTo(-8 / 20);
  });
});

describe('saving the survey drawer keeps the stored answer pairs', () => {
  const answer = fc.record({ functional: fc.constantFrom(...KANO_ANSWERS), dysfunctional: fc.constantFrom(...KANO_ANSWERS) });
  const countsOf = (answers: readonly KanoResponse[]) => {
    const out = emptyCounts();
    for (const a of answers) out[classifyKanoResponse(a.functional, a.dysfunctional)] += 1;
    return out;
  };
  const imported: KanoResponse[] = [
    { functional: 'expect', dysfunctional: 'dislike' },
    { functional: 'live_with', dysfunctional: 'dislike' },
    { functional: 'like', dysfunctional: 'expect' },
  ];
  const apply = (stored: KanoResponse[], patch: ReturnType<typeof surveyPatch>) =>
    mergeScoreInputs({ kano: { answers: stored } }, patch ? { kano: patch } : {}).kano?.answers ?? [];

  it('appends the pairs added one by one, leaving imported pairs as they were answered', () => {
    const added = [{ functional: 'like', dysfunctional: 'neutral' } as const];
    const patch = surveyPatch(countsOf(imported), null, added);
    expect(patch).toEqual({ addAnswers: added });
    expect(apply(imported, patch)).toEqual([...imported, ...added]);
  });

  it('sends nothing when nothing was added or typed', () => {
    expect(surveyPatch(countsOf(imported), null, [])).toBeNull();
    expect(surveyPatch(countsOf(imported), countsOf(imported), [])).toBeNull();
  });

  it('raised counts append one representative pair per extra respondent', () => {
    const typed = { ...countsOf(imported), must_be: 5 };
    const patch = surveyPatch(countsOf(imported), typed, []);
    expect(patch).toEqual({ addAnswers: [KANO_PAIR.must_be, KANO_PAIR.must_be, KANO_PAIR.must_be] });
    expect(apply(imported, patch).slice(0, 3)).toEqual(imported);
  });

  it('a lowered count rewrites the survey as representative pairs with the typed counts', () => {
    const typed = { ...countsOf(imported), must_be: 1 };
    expect(lowersCounts(countsOf(imported), typed)).toBe(true);
    const patch = surveyPatch(countsOf(imported), typed, []);
    expect(patch?.answers).toEqual(answersFromCounts(typed));
    expect(surveyPatch(countsOf(imported), emptyCounts(), [])).toEqual({ answers: null });
  });

  it('property: the saved survey has the counts on screen, and keeps the stored pairs first unless a count was lowered', () => {
    fc.assert(
      fc.property(
        fc.array(answer, { maxLength: 12 }),
        fc.option(fc.array(fc.nat(6), { minLength: 6, maxLength: 6 }), { nil: null }),
        fc.array(answer, { maxLength: 4 }),
        (stored, numbers, added) => {
          const storedCounts = countsOf(stored);
          const typed = numbers ? (Object.fromEntries(KANO_CATEGORIES.map((c, i) => [c, numbers[i]!])) as KanoCounts) : null;
          const saved = apply(stored, surveyPatch(stored.length > 0 ? storedCounts : null, typed, added));
          const onScreen = countsOf([...answersFromCounts(typed ?? storedCounts), ...added]);
          expect(countsOf(saved)).toEqual(onScreen);
          if (typed === null || !lowersCounts(storedCounts, typed)) expect(saved.slice(0, stored.length)).toEqual(stored);
          expect(saved.slice(saved.length - added.length)).toEqual(added);
        },
      ),
    );
  });
});
