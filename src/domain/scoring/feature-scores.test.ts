import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCORING_SETTINGS,
  diffScoreInputs,
  explainFeatureScore,
  type FeatureScoreInputs,
  frameworkValue,
  MAX_KANO_ANSWERS,
  mergeScoreInputs,
  NO_EVIDENCE,
  normalizeScoringSettings,
  SCORE_SORTS,
  type ScoringSettings,
  scoreFeature,
  sortValue,
  validateScoreInputs,
} from './feature-scores.js';
import { rankBy } from './rank.js';

const S = DEFAULT_SCORING_SETTINGS;
const withCustom = (custom: ScoringSettings['custom'], extra: Partial<ScoringSettings> = {}): ScoringSettings => ({
  ...S,
  ...extra,
  custom,
});

describe('scoreFeature', () => {
  it('scores the published RICE examples (Intercom)', () => {
    const rice = (reach: number, impact: number, confidence: number, effort: number) =>
      scoreFeature({ rice: { reach, impact, confidence, effort } }, NO_EVIDENCE, S).rice.value;
    expect(rice(450, 3, 1, 2)).toBe(675);
    expect(rice(2000, 1, 0.8, 4)).toBe(400);
    expect(rice(800, 2, 0.5, 1)).toBe(800);
  });

  it('scores the ICE example 8 × 6 × 3 = 144, and the average variant when the workspace picks it', () => {
    const inputs = { ice: { impact: 8, confidence: 6, ease: 3 } };
    expect(scoreFeature(inputs, NO_EVIDENCE, S).ice).toMatchObject({ value: 144, variant: 'product', missing: [] });
    expect(scoreFeature(inputs, NO_EVIDENCE, { ...S, iceVariant: 'average' }).ice).toMatchObject({
      value: 17 / 3,
      variant: 'average',
    });
  });

  it('always returns every framework, with null inputs and the missing ones named (never 0)', () => {
    const s = scoreFeature({}, NO_EVIDENCE, S);
    expect(s.rice).toEqual({
      reach: null,
      reachSource: 'manual',
      reachWindowDays: null,
      reachWindow: null,
      impact: null,
      confidence: null,
      effort: null,
      value: null,
      missing: ['reach', 'impact', 'confidence', 'effort'],
    });
    expect(s.ice).toMatchObject({ value: null, missing: ['impact', 'confidence', 'ease'] });
    expect(s.wsjf).toMatchObject({
      value: null,
      costOfDelay: null,
      missing: ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'],
    });
    expect(s.moscow).toEqual({ category: null, effort: null, priority: null });
    expect(s.kano).toMatchObject({ category: null, source: null, respondents: 0, better: null, worse: null });
    expect(s.valueEffort).toMatchObject({ value: null, effort: null, ratio: null, quadrant: null, missing: ['value', 'effort'] });
    expect(s.custom.value).toBeNull();
    expect(s.custom.errors[0]?.message).toMatch(/No custom score/);

    const partial = scoreFeature({ rice: { reach: 450, impact: 3 } }, NO_EVIDENCE, S).rice;
    expect(partial).toMatchObject({ reach: 450, impact: 3, value: null, missing: ['confidence', 'effort'] });
  });

  it('derives reach from the evidence when asked, and says which', () => {
    const inputs: FeatureScoreInputs = { rice: { reach: 9999, reachSource: 'customers', impact: 2, confidence: 0.5, effort: 1 } };
    const evidence = { insights: 12, customers: 5, revenue: 0 };
    expect(scoreFeature(inputs, evidence, S).rice).toMatchObject({ reach: 5, reachSource: 'customers', value: 5 });
    const byInsights = { rice: { ...inputs.rice, reachSource: 'insights' as const } };
    expect(scoreFeature(byInsights, evidence, S).rice).toMatchObject({ reach: 12, value: 12 });
    // No evidence yet is a real 0, not a missing input.
    expect(scoreFeature(byInsights, NO_EVIDENCE, S).rice).toMatchObject({ reach: 0, value: 0, missing: [] });
    const e = explainFeatureScore('rice', inputs, evidence, S);
    expect(e.summary).toContain('distinct customers');
    expect(e.inputs.reachSource).toBe('customers');
  });

  it('computes WSJF, MoSCoW, Kano (manual wins over the survey) and value/effort', () => {
    const s = scoreFeature(
      {
        wsjf: { businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 2 },
        moscow: { category: 'should', effort: 5 },
        kano: {
          category: 'attractive',
          answers: [
            { functional: 'like', dysfunctional: 'dislike' },
            { functional: 'expect', dysfunctional: 'dislike' },
            { functional: 'expect', dysfunctional: 'dislike' },
          ],
        },
        valueEffort: { value: 8, effort: 2 },
      },
      NO_EVIDENCE,
      S,
    );
    expect(s.wsjf).toMatchObject({ costOfDelay: 16, value: 8, missing: [] });
    expect(s.moscow).toEqual({ category: 'should', effort: 5, priority: 3 });
    expect(s.kano).toMatchObject({
      category: 'attractive',
      source: 'manual',
      manualCategory: 'attractive',
      respondents: 3,
      better: 1 / 3,
      worse: -1,
    });
    expect(s.kano.counts).toMatchObject({ must_be: 2, one_dimensional: 1 });
    expect(s.valueEffort).toMatchObject({ value: 8, effort: 2, ratio: 4, quadrant: 'quick_win' });

    const survey = scoreFeature({ kano: { answers: [{ functional: 'expect', dysfunctional: 'dislike' }] } }, NO_EVIDENCE, S).kano;
    expect(survey).toMatchObject({ category: 'must_be', source: 'survey', manualCategory: null });
  });

  it('scores a custom formula with driver values and evidence read automatically', () => {
    const settings = withCustom({
      drivers: [{ name: 'strategic_fit', min: 0, max: 5, weight: 2 }],
      formula: 'strategic_fit * 10 + customers + revenue / 1000',
    });
    const s = scoreFeature({ custom: { values: { strategic_fit: 4 } } }, { insights: 3, customers: 2, revenue: 5000 }, settings);
    expect(s.custom).toEqual({ values: { strategic_fit: 4 }, value: 47, missing: [], errors: [] });
    const missing = scoreFeature({}, NO_EVIDENCE, settings).custom;
    expect(missing).toEqual({ values: { strategic_fit: null }, value: null, missing: ['strategic_fit'], errors: [] });
  });

  it('uses the weighted sum of the drivers when no formula is written', () => {
    const settings = withCustom({
      drivers: [
        { name: 'a', min: 0, max: 10, weight: 2 },
        { name: 'b', min: 0, max: 10, weight: 0.5 },
      ],
      formula: null,
    });
    expect(scoreFeature({ custom: { values: { a: 3, b: 4 } } }, NO_EVIDENCE, settings).custom.value).toBe(8);
  });
});

describe('RICE reach over a period', () => {
  const since = '2026-09-05T00:00:00.000Z';
  const evidence = { insights: 12, customers: 7, revenue: 0, window: { days: 90, since, insights: 4, customers: 3 } };
  const rice = { impact: 1, confidence: 1, effort: 1 } as const;

  it('counts only the evidence in the window, and says from when', () => {
    const s = scoreFeature({ rice: { ...rice, reachSource: 'insights', reachWindowDays: 90 } }, evidence, S).rice;
    expect(s).toMatchObject({ reach: 4, value: 4, reachWindowDays: 90, reachWindow: { since, insights: 4, customers: 3 } });
    const c = scoreFeature({ rice: { ...rice, reachSource: 'customers', reachWindowDays: 90 } }, evidence, S).rice;
    expect(c).toMatchObject({ reach: 3, value: 3 });
    const e = explainFeatureScore('rice', { rice: { ...rice, reachSource: 'insights', reachWindowDays: 90 } }, evidence, S);
    expect(e.summary).toContain('linked insights received in the last 90 days (since 2026-09-05)');
    expect(e.settings).toEqual({ reachSource: 'insights', reachWindowDays: 90, reachSince: since });
  });

  it('without a window (absent or null) counts all the evidence, as before', () => {
    const s = scoreFeature({ rice: { ...rice, reachSource: 'insights' } }, evidence, S).rice;
    expect(s).toMatchObject({ reach: 12, reachWindowDays: null, reachWindow: null });
    expect(mergeScoreInputs({ rice: { reachSource: 'insights', reachWindowDays: 30 } }, { rice: { reachWindowDays: null } }).rice).toEqual({
      reachSource: 'insights',
    });
  });

  it('never counts another window: without its counts the reach is missing, not a wrong number', () => {
    const s = scoreFeature({ rice: { ...rice, reachSource: 'insights', reachWindowDays: 30 } }, evidence, S).rice;
    expect(s).toMatchObject({ reach: null, value: null, missing: ['reach'], reachWindow: null });
  });

  it('a typed reach ignores the window', () => {
    const s = scoreFeature({ rice: { ...rice, reach: 100, reachWindowDays: 90 } }, evidence, S).rice;
    expect(s).toMatchObject({ reach: 100, value: 100, reachWindowDays: 90, reachWindow: null });
  });

  it('accepts whole days from 1 to 3650, or null', () => {
    expect(validateScoreInputs({ rice: { reachWindowDays: 90 } }, S)).toEqual([]);
    expect(validateScoreInputs({ rice: { reachWindowDays: null } }, S)).toEqual([]);
    for (const bad of [0, 1.5, 3651, -30])
      expect(validateScoreInputs({ rice: { reachWindowDays: bad } }, S)[0]?.field).toBe('scores.rice.reachWindowDays');
  });
});

describe('sortValue', () => {
  it('reads the value, ratio or priority used for ranking', () => {
    const s = scoreFeature(
      {
        rice: { reach: 450, impact: 3, confidence: 1, effort: 2 },
        valueEffort: { value: 6, effort: 3 },
        moscow: { category: 'must' },
        kano: { category: 'indifferent' },
      },
      NO_EVIDENCE,
      S,
    );
    expect(sortValue('rice', s)).toBe(675);
    expect(sortValue('value_effort', s)).toBe(2);
    expect(sortValue('valueEffort', s)).toBe(2);
    expect(sortValue('moscow', s)).toBe(4);
    expect(sortValue('kano', s)).toBe(3);
    expect(sortValue('ice', s)).toBeNull();
  });
});

describe('mergeScoreInputs', () => {
  const current: FeatureScoreInputs = {
    rice: { reach: 450, impact: 3, confidence: 1, effort: 2 },
    ice: { impact: 8 },
    custom: { values: { a: 1, b: 2 } },
  };

  it('changes only the inputs named in the patch', () => {
    expect(mergeScoreInputs(current, { rice: { effort: 3 } })).toEqual({ ...current, rice: { ...current.rice, effort: 3 } });
  });

  it('clears an input with null and a framework with null', () => {
    expect(mergeScoreInputs(current, { rice: { reach: null } }).rice).toEqual({ impact: 3, confidence: 1, effort: 2 });
    expect(mergeScoreInputs(current, { ice: null })).not.toHaveProperty('ice');
    expect(mergeScoreInputs(current, { ice: { impact: null } })).not.toHaveProperty('ice');
  });

  it('merges custom driver values one by one', () => {
    expect(mergeScoreInputs(current, { custom: { values: { b: null, c: 5 } } }).custom).toEqual({ values: { a: 1, c: 5 } });
    expect(mergeScoreInputs(current, { custom: { values: null } })).not.toHaveProperty('custom');
  });

  it('does not modify its arguments', () => {
    const copy = structuredClone(current);
    mergeScoreInputs(current, { rice: { effort: 9 }, custom: { values: { a: null } } });
    expect(current).toEqual(copy);
  });

  it('appends Kano answers to the stored pairs as they were given, or replaces them', () => {
    const stored: FeatureScoreInputs = {
      kano: { category: 'must_be', answers: [{ functional: 'expect', dysfunctional: 'dislike' }] },
    };
    const added = { functional: 'like', dysfunctional: 'neutral' } as const;
    expect(mergeScoreInputs(stored, { kano: { addAnswers: [added] } }).kano).toEqual({
      category: 'must_be',
      answers: [{ functional: 'expect', dysfunctional: 'dislike' }, added],
    });
    expect(mergeScoreInputs({}, { kano: { addAnswers: [added] } }).kano).toEqual({ answers: [added] });
    // answers first (replace or clear), then the appended ones.
    expect(mergeScoreInputs(stored, { kano: { answers: null, addAnswers: [added] } }).kano?.answers).toEqual([added]);
    expect(mergeScoreInputs(stored, { kano: { answers: [added] } }).kano?.answers).toEqual([added]);
    expect(mergeScoreInputs(stored, { kano: { addAnswers: [] } })).toEqual(stored);
    expect(stored.kano?.answers).toHaveLength(1);
  });
});

describe('validateScoreInputs', () => {
  it('reports each bad input with its path, and explains percentages', () => {
    const errors = validateScoreInputs(
      { rice: { confidence: 80, effort: 0, impact: 4 }, ice: { ease: 11 }, wsjf: { jobSize: 4 }, valueEffort: { value: 0 } },
      S,
    );
    expect(errors.map((e) => e.field).sort()).toEqual(
      [
        'scores.ice.ease',
        'scores.rice.confidence',
        'scores.rice.effort',
        'scores.rice.impact',
        'scores.valueEffort.value',
        'scores.wsjf.jobSize',
      ].sort(),
    );
    expect(errors.find((e) => e.field === 'scores.rice.confidence')?.message).toBe('must be at most 1 (a fraction: 80% is 0.8)');
  });

  it('accepts nulls (clearing) and valid values', () => {
    expect(
      validateScoreInputs({ rice: { reach: 450, impact: 3, confidence: 0.8, effort: 2 }, ice: null, wsjf: { jobSize: null } }, S),
    ).toEqual([]);
  });

  it('checks appended Kano answers, and their total with the stored ones', () => {
    const pair = { functional: 'like', dysfunctional: 'neutral' } as const;
    expect(validateScoreInputs({ kano: { addAnswers: [{ functional: 'love', dysfunctional: 'neutral' } as never] } }, S)).toEqual([
      { field: 'scores.kano.addAnswers[0].functional', message: 'must be one of like, expect, neutral, live_with, dislike' },
    ]);
    const full: FeatureScoreInputs = { kano: { answers: Array.from({ length: MAX_KANO_ANSWERS }, () => pair) } };
    expect(validateScoreInputs({ kano: { addAnswers: [pair] } }, S)).toEqual([]);
    expect(validateScoreInputs({ kano: { addAnswers: [pair] } }, S, full)[0]?.field).toBe('scores.kano.addAnswers');
    expect(validateScoreInputs({ kano: { answers: null, addAnswers: [pair] } }, S, full)).toEqual([]);
  });

  it('checks custom values against the workspace drivers', () => {
    const settings = withCustom({ drivers: [{ name: 'fit', min: 1, max: 5, weight: 1 }], formula: null });
    const errors = validateScoreInputs({ custom: { values: { fit: 9, other: 1, revenue: 3 } } }, settings);
    expect(errors).toEqual([
      { field: 'scores.custom.values.fit', message: 'must be at most 5' },
      { field: 'scores.custom.values.other', message: 'is not a driver of this workspace (drivers: fit)' },
      { field: 'scores.custom.values.revenue', message: "'revenue' comes from the feature's evidence and cannot be typed" },
    ]);
  });
});

describe('diffScoreInputs', () => {
  it('lists changed inputs as scores.<framework>.<input>', () => {
    expect(
      diffScoreInputs(
        { rice: { effort: 2, reach: 1 }, custom: { values: { a: 1 } } },
        { rice: { effort: 3, reach: 1 }, custom: { values: { a: 2 } } },
      ),
    ).toEqual({ 'scores.rice.effort': { from: 2, to: 3 }, 'scores.custom.values.a': { from: 1, to: 2 } });
  });
});

describe('normalizeScoringSettings', () => {
  it('fills in defaults for absent or unusable values', () => {
    expect(normalizeScoringSettings(null)).toEqual({ ...S, custom: { drivers: [], formula: null } });
    expect(normalizeScoringSettings({ iceVariant: 'average', moscowLimit: 7 })).toMatchObject({ iceVariant: 'average', moscowLimit: 0.6 });
  });
});

// ---------------------------------------------------------------- properties

const impact = fc.constantFrom(3, 2, 1, 0.5, 0.25);
const riceInput = fc.record({
  reach: fc.integer({ min: 0, max: 1_000_000 }),
  impact,
  confidence: fc.double({ min: 0.01, max: 1, noNaN: true }),
  effort: fc.double({ min: 0.1, max: 1000, noNaN: true }),
});
const riceOf = (rice: FeatureScoreInputs['rice']) => scoreFeature({ rice }, NO_EVIDENCE, S).rice.value!;

describe('properties', () => {
  it('is total on valid input: every framework gets a finite score', () => {
    fc.assert(
      fc.property(
        riceInput,
        fc.record({
          impact: fc.integer({ min: 1, max: 10 }),
          confidence: fc.integer({ min: 1, max: 10 }),
          ease: fc.integer({ min: 1, max: 10 }),
        }),
        (rice, ice) => {
          const s = scoreFeature({ rice, ice }, NO_EVIDENCE, S);
          return Number.isFinite(s.rice.value) && Number.isFinite(s.ice.value) && s.rice.missing.length === 0;
        },
      ),
    );
  });

  it('RICE rises with reach, impact and confidence and falls with effort', () => {
    fc.assert(
      fc.property(riceInput, fc.double({ min: 1.01, max: 10, noNaN: true }), (r, k) => {
        const base = riceOf(r);
        expect(riceOf({ ...r, reach: r.reach + 1 })).toBeGreaterThanOrEqual(base);
        expect(riceOf({ ...r, effort: r.effort * k })).toBeLessThanOrEqual(base);
        expect(riceOf({ ...r, confidence: Math.min(1, r.confidence * k) })).toBeGreaterThanOrEqual(base);
        if (r.impact < 3) expect(riceOf({ ...r, impact: 3 })).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it('scaling every effort by k scales RICE scores by 1/k and keeps the ranking', () => {
    fc.assert(
      fc.property(fc.array(riceInput, { minLength: 2, maxLength: 30 }), fc.constantFrom(2, 4, 0.5, 10), (list, k) => {
        const before = list.map((r, i) => ({ id: String(i), score: riceOf(r) }));
        const after = list.map((r, i) => ({ id: String(i), score: riceOf({ ...r, effort: r.effort * k }) }));
        for (const [i, a] of after.entries()) expect(a.score).toBeCloseTo(before[i]!.score / k, 6);
        const order = (xs: typeof before) => rankBy(xs, { score: (x) => x.score, secondary: (x) => [x.id] }).map((x) => x.item.id);
        // Equal scores may differ in the last bit after scaling; compare rankings with rounding.
        const rounded = (xs: typeof before) => xs.map((x) => ({ ...x, score: Number(x.score.toPrecision(10)) }));
        expect(order(rounded(after))).toEqual(order(rounded(before)));
      }),
    );
  });

  it('rejects invalid input with a path, and never scores it', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.0001, max: 1e6, noNaN: true }), fc.double({ max: 0, noNaN: true }), (confidence, effort) => {
        const errors = validateScoreInputs({ rice: { confidence, effort } }, S);
        expect(errors.map((e) => e.field)).toEqual(['scores.rice.confidence', 'scores.rice.effort']);
        expect(scoreFeature({ rice: { reach: 1, impact: 1, confidence, effort } }, NO_EVIDENCE, S).rice.value).toBeNull();
      }),
    );
  });

  it('merging a patch then merging its nulls for the same keys leaves only untouched inputs', () => {
    fc.assert(
      fc.property(riceInput, riceInput, (current, patch) => {
        const merged = mergeScoreInputs({ rice: current }, { rice: patch });
        expect(merged.rice).toEqual(patch);
        const cleared = mergeScoreInputs(merged, { rice: { reach: null, impact: null, confidence: null, effort: null } });
        expect(cleared).toEqual({});
      }),
    );
  });
});

describe('frameworkValue', () => {
  const anyNumber = fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double({ noNaN: false }), fc.constantFrom(0.25, 0.5, 0.8, 1, 3, 13));
  const inputs: fc.Arbitrary<FeatureScoreInputs> = fc.record(
    {
      rice: fc.record(
        {
          reach: anyNumber,
          reachSource: fc.constantFrom('manual', 'insights', 'customers'),
          reachWindowDays: fc.constantFrom(30, 90, 0, 1.5, 3651),
          impact: anyNumber,
          confidence: anyNumber,
          effort: anyNumber,
        },
        { requiredKeys: [] },
      ),
      ice: fc.record({ impact: anyNumber, confidence: anyNumber, ease: anyNumber }, { requiredKeys: [] }),
      wsjf: fc.record(
        { businessValue: anyNumber, timeCriticality: anyNumber, riskReduction: anyNumber, jobSize: anyNumber },
        { requiredKeys: [] },
      ),
      moscow: fc.record({ category: fc.constantFrom('must', 'should', 'could', 'wont', 'nope'), effort: anyNumber }, { requiredKeys: [] }),
      kano: fc.record(
        {
          category: fc.constantFrom('must_be', 'attractive', 'indifferent', 'bogus'),
          answers: fc.array(
            fc.record({
              functional: fc.constantFrom('like', 'expect', 'dislike'),
              dysfunctional: fc.constantFrom('neutral', 'dislike', 'live_with'),
            }),
            { maxLength: 5 },
          ),
        },
        { requiredKeys: [] },
      ),
      valueEffort: fc.record({ value: anyNumber, effort: anyNumber }, { requiredKeys: [] }),
      custom: fc.record({ values: fc.record({ fit: anyNumber, size: anyNumber }, { requiredKeys: [] }) }),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<FeatureScoreInputs>;
  const evidence = fc.record(
    {
      insights: fc.nat(50),
      customers: fc.nat(20),
      revenue: fc.double({ min: 0, max: 1e6, noNaN: true }),
      window: fc.option(
        fc.record({
          days: fc.constantFrom(30, 90),
          since: fc.constant('2026-09-05T00:00:00.000Z'),
          insights: fc.nat(50),
          customers: fc.nat(20),
        }),
      ),
    },
    { requiredKeys: ['insights', 'customers', 'revenue'] },
  );
  const settings = fc.record({
    iceVariant: fc.constantFrom('product' as const, 'average' as const),
    valueEffortMidpoint: fc.constantFrom(3, 5.5, 7),
    formula: fc.constantFrom(null, 'fit * 2 + customers - size', 'max(fit, insights) / size'),
  });

  it('is always the number sortValue reads from scoreFeature, valid inputs or not', () => {
    fc.assert(
      fc.property(inputs, evidence, settings, (inp, ev, st) => {
        const rules: ScoringSettings = {
          ...S,
          iceVariant: st.iceVariant,
          valueEffortMidpoint: st.valueEffortMidpoint,
          custom: {
            drivers: [
              { name: 'fit', min: 0, max: 10, weight: 1 },
              { name: 'size', min: 1, max: 5, weight: -1 },
            ],
            formula: st.formula,
          },
        };
        const scores = scoreFeature(inp, ev, rules);
        for (const sort of SCORE_SORTS) expect(frameworkValue(sort, inp, ev, rules), sort).toBe(sortValue(sort, scores));
      }),
      { numRuns: 300 },
    );
  });
});
