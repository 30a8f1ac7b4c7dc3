import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CustomDriver,
  type CustomScoreConfig,
  computeCustom,
  customFieldSpecs,
  validateCustomConfig,
  weightedSumFormula,
} from './custom.js';

const drivers: CustomDriver[] = [
  { name: 'reach', min: 0, max: 10, weight: 2 },
  { name: 'impact', min: 1, max: 5, weight: 0.5 },
];

describe('custom score', () => {
  it('defaults to the weighted sum of the drivers', () => {
    expect(weightedSumFormula(drivers)).toBe('2 * reach + 0.5 * impact');
    expect(computeCustom({ drivers }, { reach: 8, impact: 4 })).toMatchObject({ ok: true, value: 18, formula: '2 * reach + 0.5 * impact' });
    expect(computeCustom({ drivers, formula: '   ' }, { reach: 8, impact: 4 })).toMatchObject({ ok: true, value: 18 });
  });

  it("reads a driver's weight with weight(name), so a formula keeps the weights set for the drivers", () => {
    const config: CustomScoreConfig = { drivers, formula: '(weight(reach) * reach + weight(impact) * impact) * max(insights, 1)' };
    expect(computeCustom(config, { reach: 8, impact: 4, insights: 1 })).toMatchObject({ ok: true, value: 18 });
    // A changed weight changes the score once the settings are compiled again.
    const heavier = { ...config, drivers: [{ ...drivers[0]!, weight: 3 }, drivers[1]!] };
    expect(computeCustom(heavier, { reach: 8, impact: 4, insights: 1 })).toMatchObject({ ok: true, value: 26 });
    // weight() is not an input the formula reads: only its driver's value is.
    const only = validateCustomConfig({ drivers, formula: 'reach / weight(impact)' });
    expect(only.ok && only.config.formula.identifiers).toEqual(['reach']);
    // A driver may still be called `weight`.
    const named = validateCustomConfig({ drivers: [{ name: 'weight', min: 0, max: 9, weight: 4 }], formula: 'weight * weight(weight)' });
    expect(named.ok).toBe(true);
    expect(
      computeCustom({ drivers: [{ name: 'weight', min: 0, max: 9, weight: 4 }], formula: 'weight * weight(weight)' }, { weight: 2 }),
    ).toMatchObject({ ok: true, value: 8 });
  });

  it('refuses weight() of anything but one driver, with the position', () => {
    const errors = (formula: string) => {
      const r = validateCustomConfig({ drivers, formula });
      return r.ok ? [] : r.errors.map((e) => [e.message.split('\n')[0], e.position]);
    };
    expect(errors('weight(insights)')[0]![0]).toContain("'insights' has no weight");
    expect(errors('weight(reech)')[0]![0]).toContain("did you mean 'reach'");
    expect(errors('weight(reach, impact)')[0]![0]).toContain('weight takes the name of one driver: write weight(reach)');
    expect(errors('weight(2)')[0]![0]).toContain('weight takes the name of one driver');
    expect(errors('reach + weight(impact * 2)')[0]![1]).toBe(8);
    expect(errors('weigh(reach)')[0]![0]).toContain('the functions are min, max, round, weight');
  });

  it('evaluates a workspace formula with evidence values, × and ÷', () => {
    const config: CustomScoreConfig = { drivers, formula: 'round((reach × impact + customers) ÷ max(insights, 1), 1)' };
    expect(computeCustom(config, { reach: 8, impact: 4, customers: 3, insights: 7 })).toMatchObject({ ok: true, value: 5 });
  });

  it('requires only the values the formula reads, and lists missing ones', () => {
    const config = { drivers, formula: 'reach * revenue' };
    expect(computeCustom(config, { reach: 2, revenue: 1000 })).toMatchObject({ ok: true, value: 2000 });
    expect(computeCustom(config, { reach: 2, revenue: null })).toEqual({ ok: false, reason: 'missing', missing: ['revenue'], errors: [] });
    expect(computeCustom({ drivers }, {})).toMatchObject({ ok: false, reason: 'missing', missing: ['reach', 'impact'] });
  });

  it("checks each value against its driver's scale and evidence against 0", () => {
    expect(computeCustom({ drivers }, { reach: 11, impact: 0 })).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: [
        { field: 'reach', message: 'must be at most 10' },
        { field: 'impact', message: 'must be at least 1' },
      ],
    });
    expect(computeCustom({ drivers, formula: 'insights' }, { insights: -1 })).toMatchObject({ errors: [{ field: 'insights' }] });
    expect(computeCustom({ drivers, formula: 'insights' }, { insights: 1.5 })).toMatchObject({
      errors: [{ message: 'must be a whole number' }],
    });
  });

  it('returns formula errors with position and pointer', () => {
    const r = computeCustom({ drivers, formula: 'reach * (impact + ' }, { reach: 1, impact: 1 });
    expect(r).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: [{ field: 'formula', position: 18, pointer: 'reach * (impact + \n                  ^' }],
    });
    const unknown = validateCustomConfig({ drivers, formula: 'reach + ease' });
    expect(unknown).toMatchObject({ ok: false, errors: [{ field: 'formula', position: 8, message: "unknown name 'ease'" }] });
  });

  it('reports division by zero as an error, not Infinity', () => {
    const r = computeCustom({ drivers, formula: 'reach / (impact - 1)' }, { reach: 5, impact: 1 });
    expect(r).toMatchObject({
      ok: false,
      errors: [{ field: 'formula', position: 6, message: 'division by zero: the right-hand side of / is 0' }],
    });
  });

  it('validates the drivers', () => {
    const bad = validateCustomConfig({
      drivers: [
        { name: '2fast', min: 0, max: 1, weight: 1 },
        { name: 'insights', min: 0, max: 1, weight: 1 },
        { name: 'a', min: 0, max: 1, weight: 1 },
        { name: 'a', min: 5, max: 5, weight: Number.NaN },
        { name: 'round', min: 0, max: 1, weight: 1 },
      ],
    });
    expect(bad.ok === false && bad.errors.map((e) => e.field)).toEqual([
      'drivers[0].name',
      'drivers[1].name',
      'drivers[3].name',
      'drivers[3].weight',
      'drivers[3].max',
      'drivers[4].name',
    ]);
    expect(validateCustomConfig({ drivers: [] })).toMatchObject({ ok: false, errors: [{ field: 'drivers' }] });
    expect(validateCustomConfig({ drivers: [], formula: 'insights * 2' }).ok).toBe(true);
  });

  it('handles driver names that clash with object built-ins', () => {
    const odd: CustomDriver[] = [
      { name: 'constructor', min: 0, max: 10, weight: 1 },
      { name: '__proto__', min: 0, max: 10, weight: 2 },
    ];
    expect(computeCustom({ drivers: odd }, { constructor: 3, ['__proto__']: 4 } as Record<string, number>)).toMatchObject({
      ok: true,
      value: 11,
    });
  });

  it('builds the default formula without the length limit, for many drivers', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `driver_with_a_long_name_${i}`, min: 0, max: 1, weight: 1 }));
    expect(weightedSumFormula(many).length).toBeGreaterThan(500);
    const values = Object.fromEntries(many.map((d) => [d.name, 1]));
    expect(computeCustom({ drivers: many }, values)).toMatchObject({ ok: true, value: 30 });
  });

  it('describes its inputs like the built-in frameworks', () => {
    const specs = customFieldSpecs(drivers);
    expect(specs.map((s) => s.name)).toEqual(['reach', 'impact', 'insights', 'customers', 'revenue']);
    expect(specs[0]).toMatchObject({ kind: 'number', min: 0, max: 10 });
  });

  it('property: the default score equals Σ weight × value', () => {
    const driverArb = fc.record({
      min: fc.integer({ min: -10, max: 0 }),
      max: fc.integer({ min: 1, max: 10 }),
      weight: fc.double({ min: -5, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(driverArb, { minLength: 1, maxLength: 8 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (ds, stream) => {
          const named = ds.map((d, i) => ({ ...d, name: `d${i}` }));
          const it = stream[Symbol.iterator]();
          const values = Object.fromEntries(named.map((d) => [d.name, d.min + (d.max - d.min) * (it.next().value as number)]));
          const r = computeCustom({ drivers: named }, values);
          const expected = named.reduce((s, d) => s + d.weight * values[d.name]!, 0);
          return r.ok && Math.abs(r.value - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
        },
      ),
    );
  });
});
