import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyKanoResponse, evaluateKanoSurvey, KANO_CATEGORIES } from '../../../domain/scoring/index.js';
import { answersFromCounts, KANO_PAIR } from './kano-answers.js';

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
