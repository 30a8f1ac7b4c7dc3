import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyKanoResponse,
  computeKano,
  evaluateKanoSurvey,
  explainKano,
  KANO_ANSWERS,
  KANO_CATEGORIES,
  type KanoAnswer,
  type KanoCategory,
  type KanoResponse,
} from './kano.js';

const r = (functional: KanoAnswer, dysfunctional: KanoAnswer): KanoResponse => ({ functional, dysfunctional });
const times = (n: number, response: KanoResponse) => Array.from({ length: n }, () => response);
const MIDDLE: KanoAnswer[] = ['expect', 'neutral', 'live_with'];

describe('Kano evaluation table', () => {
  it('classifies the textbook pairs', () => {
    expect(classifyKanoResponse('like', 'dislike')).toBe('one_dimensional');
    expect(classifyKanoResponse('like', 'neutral')).toBe('attractive');
    expect(classifyKanoResponse('neutral', 'dislike')).toBe('must_be');
    expect(classifyKanoResponse('like', 'like')).toBe('questionable');
    expect(classifyKanoResponse('dislike', 'dislike')).toBe('questionable');
    expect(classifyKanoResponse('neutral', 'neutral')).toBe('indifferent');
    expect(classifyKanoResponse('dislike', 'like')).toBe('reverse');
    expect(classifyKanoResponse('expect', 'dislike')).toBe('must_be');
    expect(classifyKanoResponse('live_with', 'live_with')).toBe('indifferent');
  });

  it('follows the standard 5×5 layout in every cell', () => {
    for (const f of KANO_ANSWERS) {
      for (const d of KANO_ANSWERS) {
        let expected: KanoCategory;
        if ((f === 'like' && d === 'like') || (f === 'dislike' && d === 'dislike')) expected = 'questionable';
        else if (f === 'like' && d === 'dislike') expected = 'one_dimensional';
        else if (f === 'like') expected = 'attractive';
        else if (d === 'dislike') expected = 'must_be';
        else if (f === 'dislike' || d === 'like') expected = 'reverse';
        else expected = 'indifferent';
        expect(classifyKanoResponse(f, d), `${f}/${d}`).toBe(expected);
      }
    }
    // The 3×3 middle block is all indifferent.
    for (const f of MIDDLE) for (const d of MIDDLE) expect(classifyKanoResponse(f, d)).toBe('indifferent');
  });
});

describe('Kano survey', () => {
  it('picks the most frequent category and computes better/worse', () => {
    const answers = [
      ...times(5, r('like', 'neutral')), // A
      ...times(3, r('like', 'dislike')), // O
      ...times(2, r('neutral', 'dislike')), // M
      ...times(10, r('neutral', 'neutral')), // I
      ...times(1, r('dislike', 'like')), // R
    ];
    const s = evaluateKanoSurvey(answers)!;
    expect(s.category).toBe('indifferent');
    expect(s.counts).toEqual({ attractive: 5, one_dimensional: 3, must_be: 2, indifferent: 10, reverse: 1, questionable: 0 });
    expect(s.better).toBe(8 / 20);
    expect(s.worse).toBe(-5 / 20);
    expect(s.respondents).toBe(21);
  });

  it('breaks ties in the order must-be > one-dimensional > attractive > indifferent', () => {
    const tie = (a: KanoResponse, b: KanoResponse) => evaluateKanoSurvey([...times(2, a), ...times(2, b)])!.category;
    expect(tie(r('like', 'neutral'), r('neutral', 'dislike'))).toBe('must_be');
    expect(tie(r('like', 'neutral'), r('like', 'dislike'))).toBe('one_dimensional');
    expect(tie(r('neutral', 'neutral'), r('like', 'neutral'))).toBe('attractive');
    expect(tie(r('dislike', 'like'), r('neutral', 'neutral'))).toBe('indifferent');
  });

  it('has no better/worse when every answer is reverse or questionable', () => {
    const s = evaluateKanoSurvey([r('like', 'like'), r('dislike', 'like')])!;
    expect(s.better).toBeNull();
    expect(s.worse).toBeNull();
    expect(evaluateKanoSurvey([])).toBeNull();
  });

  it('reports worse as 0, not -0, when no one minds its absence', () => {
    expect(Object.is(evaluateKanoSurvey([r('like', 'neutral')])!.worse, 0)).toBe(true);
  });

  it('property: better ∈ [0,1], worse ∈ [-1,0], and the category is a most frequent one', () => {
    const answer = fc.constantFrom(...KANO_ANSWERS);
    fc.assert(
      fc.property(fc.array(fc.record({ functional: answer, dysfunctional: answer }), { minLength: 1, maxLength: 60 }), (answers) => {
        const s = evaluateKanoSurvey(answers)!;
        const top = Math.max(...KANO_CATEGORIES.map((c) => s.counts[c]));
        const total = KANO_CATEGORIES.reduce((n, c) => n + s.counts[c], 0);
        const inRange = s.better === null ? s.worse === null : s.better >= 0 && s.better <= 1 && s.worse! <= 0 && s.worse! >= -1;
        return s.counts[s.category] === top && total === answers.length && inRange;
      }),
    );
  });
});

describe('computeKano', () => {
  it('uses a category set by hand, even when a survey disagrees', () => {
    const result = computeKano({ category: 'attractive', answers: [r('neutral', 'dislike')] });
    expect(result).toMatchObject({ ok: true, value: 'attractive', source: 'manual', survey: { category: 'must_be' } });
  });

  it('computes the category from answers when none is set', () => {
    expect(computeKano({ answers: [r('like', 'dislike')] })).toMatchObject({
      ok: true,
      value: 'one_dimensional',
      source: 'survey',
      priority: 5,
    });
  });

  it('reports both sources missing when there is neither', () => {
    expect(computeKano({})).toEqual({ ok: false, reason: 'missing', missing: ['category', 'answers'], errors: [] });
    expect(computeKano({ answers: [] })).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('rejects unknown categories and answers, naming the respondent', () => {
    expect(computeKano({ category: 'delighter' as KanoCategory })).toMatchObject({ ok: false, errors: [{ field: 'category' }] });
    const bad = [r('like', 'dislike'), { functional: 'love', dysfunctional: 'hate' } as unknown as KanoResponse];
    expect(computeKano({ answers: bad })).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: [{ field: 'answers[1].functional' }, { field: 'answers[1].dysfunctional' }],
    });
  });

  it('explains the vote', () => {
    const e = explainKano({ answers: [r('like', 'dislike'), r('like', 'dislike'), r('like', 'neutral')] });
    expect(e.value).toBe('one_dimensional');
    expect(e.inputs).toEqual({ category: null, respondents: 3 });
    expect(e.contributions.map((c) => [c.name, c.value])).toEqual([
      ['one_dimensional', 2],
      ['attractive', 1],
    ]);
    expect(e.summary).toContain('better 1');
    expect(explainKano({})).toMatchObject({ value: null, missing: ['category', 'answers'] });
  });
});
