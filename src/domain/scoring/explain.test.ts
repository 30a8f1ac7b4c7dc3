import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomDriver } from './custom.js';
import { type ExplainRequest, explain, explainCustom } from './explain.js';
import { FRAMEWORK_KEYS } from './result.js';

const drivers: CustomDriver[] = [
  { name: 'reach', min: 0, max: 10, weight: 2 },
  { name: 'impact', min: 1, max: 5, weight: 0.5 },
];

describe('explain', () => {
  const complete: ExplainRequest[] = [
    { framework: 'rice', input: { reach: 450, impact: 3, confidence: 1, effort: 2 } },
    { framework: 'ice', input: { impact: 8, confidence: 6, ease: 3 } },
    { framework: 'wsjf', input: { businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 5 } },
    { framework: 'moscow', input: { category: 'must' } },
    { framework: 'kano', input: { answers: [{ functional: 'like', dysfunctional: 'dislike' }] } },
    { framework: 'valueEffort', input: { value: 8, effort: 2 } },
    { framework: 'custom', config: { drivers }, values: { reach: 8, impact: 4 } },
  ];

  it('explains every framework through one entry point', () => {
    const values = complete.map((r) => explain(r).value);
    expect(values).toEqual([675, 144, 3.2, 'must', 'one_dimensional', 4, 18]);
    expect(complete.map((r) => explain(r).framework)).toEqual([...FRAMEWORK_KEYS]);
    for (const r of complete) {
      const e = explain(r);
      expect(e.missing).toEqual([]);
      expect(e.contributions.length).toBeGreaterThan(0);
      expect(e.summary.length).toBeGreaterThan(0);
    }
  });

  it('never scores missing inputs as 0: value null and the inputs listed', () => {
    const empty: ExplainRequest[] = [
      { framework: 'rice', input: {} },
      { framework: 'ice', input: {} },
      { framework: 'wsjf', input: {} },
      { framework: 'moscow', input: {} },
      { framework: 'kano', input: {} },
      { framework: 'valueEffort', input: {} },
      { framework: 'custom', config: { drivers }, values: {} },
    ];
    for (const r of empty) {
      const e = explain(r);
      expect(e.value, r.framework).toBeNull();
      expect(e.missing.length, r.framework).toBeGreaterThan(0);
      expect(e.summary).toMatch(/^Not scored yet: missing /);
      expect(Object.values(e.inputs).every((v) => v === null)).toBe(true);
    }
  });

  it('reports invalid input as errors with a null value', () => {
    const e = explain({ framework: 'wsjf', input: { businessValue: 7, timeCriticality: 5, riskReduction: 3, jobSize: 5 } });
    expect(e).toMatchObject({ value: null, errors: [{ field: 'businessValue' }] });
    expect(e.summary).toMatch(/^Cannot score: businessValue must be one of/);
  });
});

describe('explainCustom', () => {
  it('gives weight × value per driver for a weighted sum', () => {
    const e = explainCustom({ drivers }, { reach: 8, impact: 4 });
    expect(e.contributions.map((c) => [c.name, c.effect, c.share])).toEqual([
      ['reach', 16, 16 / 18],
      ['impact', 2, 2 / 18],
    ]);
    expect(e.contributions[0]!.text).toBe('reach 8 × weight 2 = 16');
  });

  it('recognises hand-written linear formulas, including a constant', () => {
    const e = explainCustom({ drivers, formula: '(3 * reach - impact) / 2 + 1' }, { reach: 4, impact: 2 });
    expect(e.value).toBe(6);
    expect(e.contributions.map((c) => c.effect)).toEqual([6, -1]);
    expect(e.summary).toContain('constant 1');
  });

  it('uses "score minus score with the input at its minimum" for other formulas', () => {
    const e = explainCustom({ drivers, formula: 'reach * impact' }, { reach: 5, impact: 3 });
    expect(e.value).toBe(15);
    // reach at 0 → 0, so its effect is 15; impact at 1 → 5, so its effect is 10.
    expect(e.contributions.map((c) => [c.name, c.effect, c.share])).toEqual([
      ['reach', 15, null],
      ['impact', 10, null],
    ]);
  });

  it('says when an input cannot be moved to its minimum', () => {
    const e = explainCustom({ drivers, formula: 'reach / impact + insights' }, { reach: 5, impact: 2, insights: 1 });
    expect(e.value).toBe(3.5);
    const reach = e.contributions.find((c) => c.name === 'reach')!;
    expect(reach.effect).toBe(2.5);
    const e2 = explainCustom({ drivers, formula: 'reach / insights' }, { reach: 4, insights: 2 });
    expect(e2.contributions[1]).toMatchObject({ name: 'insights', effect: null });
    expect(e2.contributions[1]!.text).toContain('division by zero');
  });

  it('reports configuration errors', () => {
    const e = explainCustom({ drivers, formula: 'reach +' }, { reach: 1 });
    expect(e).toMatchObject({ value: null, errors: [{ field: 'formula', position: 7 }] });
  });

  it('property: for weighted sums the contributions add up to the score', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), (reach, impact) => {
        const e = explainCustom({ drivers }, { reach, impact });
        const sum = e.contributions.reduce((s, c) => s + c.effect!, 0);
        const shares = e.contributions.reduce((s, c) => s + (c.share ?? 0), 0);
        return Math.abs(sum - (e.value as number)) < 1e-9 && Math.abs(shares - 1) < 1e-9;
      }),
    );
  });
});
