/**
 * The scoring and ranking code has fast paths (a check that skips building the error report,
 * formulas compiled to closures, a cached config, a radix sort and a multikey quicksort).
 * These properties hold each of them to the straightforward definition it replaces: same
 * values bit for bit (0 and -0 apart), same failures, same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CustomDriver,
  customFieldSpecs,
  customValue,
  EVIDENCE_NAMES,
  scoreWithConfig,
  type ValidCustomConfig,
  validateCustomConfig,
} from './custom.js';
import { ExpressionError } from './expression/errors.js';
import { compileExpression, compileExpressionAt, evaluate, roundTo } from './expression/evaluate.js';
import type { Node } from './expression/parser.js';
import { computeIce, ICE_FIELDS, ICE_VARIANTS, type IceInput } from './ice.js';
import { rankBy, type SortKey } from './rank.js';
import {
  checkField,
  type FieldError,
  type FieldSpec,
  failure,
  fieldCheck,
  fieldsCheck,
  finiteOr,
  isMissing,
  noNegZero,
  readFields,
} from './result.js';
import { computeRice, RICE_FIELDS, type RiceInput } from './rice.js';
import { computeWsjf, WSJF_FIELDS, type WsjfInput } from './wsjf.js';

const RUNS = { numRuns: 400 };

/** Numbers that sit on or next to every boundary the specs use, and values that are not numbers. */
const edgyValue = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.25, 0.5, 0.8, 1 - 2 ** -53, 1 + 2 ** -52, 2, 3, 5, 10, 10.5, 11, 13, 100, 101, 1e-300, 1e308),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.double(),
  fc.integer({ min: -20, max: 120 }),
  fc.constantFrom(null, undefined, '3', '', true, {}, []),
);

const record = <K extends string>(names: readonly K[]) =>
  fc.record(Object.fromEntries(names.map((n) => [n, edgyValue])) as Record<K, typeof edgyValue>, { requiredKeys: [] });

// The scoring functions as written before their fast paths: validate everything into a report, then compute.
function referenceRice(input: RiceInput) {
  const { values, missing, errors } = readFields(RICE_FIELDS, input);
  for (const e of errors) {
    if (e.field === 'confidence' && typeof input.confidence === 'number' && input.confidence > 1) {
      e.message = 'must be at most 1 (a fraction: 80% is 0.8)';
    }
  }
  if (missing.length > 0 || errors.length > 0) return failure(missing, errors);
  const { reach, impact, confidence, effort } = values as Record<string, number>;
  const value = noNegZero((reach! * impact! * confidence!) / effort!);
  const overflow = finiteOr(value);
  return overflow ? failure([], [overflow]) : { ok: true, value };
}

function referenceIce(input: IceInput, options: { variant?: string } = {}) {
  const variant = options.variant ?? 'product';
  const { values, missing, errors } = readFields(ICE_FIELDS, input);
  if (!(ICE_VARIANTS as readonly string[]).includes(variant)) {
    errors.push({ field: 'variant', message: `must be one of ${ICE_VARIANTS.join(', ')}` });
  }
  if (missing.length > 0 || errors.length > 0) return failure(missing, errors);
  const { impact, confidence, ease } = values as Record<string, number>;
  const value = variant === 'product' ? impact! * confidence! * ease! : (impact! + confidence! + ease!) / 3;
  const overflow = finiteOr(value);
  return overflow ? failure([], [overflow]) : { ok: true, value, variant };
}

function referenceWsjf(input: WsjfInput) {
  const { values, missing, errors } = readFields(WSJF_FIELDS, input);
  if (missing.length > 0 || errors.length > 0) return failure(missing, errors);
  const v = values as Record<string, number>;
  const costOfDelay = v.businessValue! + v.timeCriticality! + v.riskReduction!;
  return { ok: true, value: costOfDelay / v.jobSize!, costOfDelay };
}

function referenceCustom(config: ValidCustomConfig, values: Record<string, unknown>) {
  const specs = new Map(customFieldSpecs(config.drivers).map((s) => [s.name, s]));
  const missing: string[] = [];
  const errors: FieldError[] = [];
  const env: Record<string, number> = Object.create(null);
  for (const name of config.formula.identifiers) {
    const raw = values && Object.hasOwn(values, name) ? values[name] : undefined;
    if (isMissing(raw)) {
      missing.push(name);
      continue;
    }
    const message = checkField(specs.get(name)!, raw);
    if (message) errors.push({ field: name, message });
    else env[name] = raw as number;
  }
  if (missing.length > 0 || errors.length > 0) return failure(missing, errors);
  try {
    const value = noNegZero(evaluate(config.formula.ast, env, config.formula.source));
    return { ok: true, value, formula: config.formula.source, env };
  } catch (e) {
    if (e instanceof ExpressionError) {
      return failure([], [{ field: 'formula', message: e.message, position: e.position, pointer: e.pointer }]);
    }
    throw e;
  }
}

/** roundTo as first written: always through a 15-significant-digit string. */
function referenceRoundTo(x: number, digits = 0): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(x) * factor;
  if (scaled >= 2 ** 52) return x;
  const rounded = Math.round(Number(scaled.toPrecision(15))) / factor;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

describe('fast paths give exactly what the plain definitions give', () => {
  it('property: RICE, ICE and WSJF, valid or not', () => {
    fc.assert(
      fc.property(record(['reach', 'impact', 'confidence', 'effort']), (input) => {
        expect(computeRice(input as RiceInput)).toEqual(referenceRice(input as RiceInput));
      }),
      RUNS,
    );
    const variant = fc.option(fc.constantFrom('product', 'average', 'median', ''), { nil: undefined });
    fc.assert(
      fc.property(record(['impact', 'confidence', 'ease']), variant, (input, v) => {
        const options = v === undefined ? {} : { variant: v as 'product' };
        expect(computeIce(input as IceInput, options)).toEqual(referenceIce(input as IceInput, options));
      }),
      RUNS,
    );
    const fib = fc.oneof(fc.constantFrom(1, 2, 3, 5, 8, 13, 20, 40, 100), edgyValue);
    fc.assert(
      fc.property(
        fc.record({ businessValue: fib, timeCriticality: fib, riskReduction: fib, jobSize: fib }, { requiredKeys: [] }),
        (input) => {
          expect(computeWsjf(input as WsjfInput)).toEqual(referenceWsjf(input as WsjfInput));
        },
      ),
      RUNS,
    );
  });

  it('property: fieldCheck accepts exactly what checkField accepts', () => {
    const bound = fc.option(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, -0, Number.NaN)), { nil: undefined });
    const choices = fc.option(
      fc.array(
        fc.record({ value: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', Number.NaN, -0)), label: fc.constant('x') }),
        { maxLength: 4 },
      ),
      { nil: undefined },
    );
    const spec = fc.record({
      name: fc.constant('f'),
      label: fc.constant('F'),
      description: fc.constant(''),
      kind: fc.constantFrom('number' as const, 'choice' as const),
      required: fc.boolean(),
      min: bound,
      max: bound,
      minExclusive: fc.option(fc.boolean(), { nil: undefined }),
      integer: fc.option(fc.boolean(), { nil: undefined }),
      allowed: choices,
    });
    fc.assert(
      fc.property(spec, fc.oneof(edgyValue, fc.constantFrom('a', 'b')), (s, value) => {
        const plain = !isMissing(value) && checkField(s as FieldSpec, value) === null;
        expect(fieldCheck(s as FieldSpec)(value)).toBe(plain);
        const report = readFields([s as FieldSpec], { f: value });
        expect(fieldsCheck([s as FieldSpec])({ f: value })).toBe(report.missing.length === 0 && report.errors.length === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: roundTo rounds as the string round trip does, halves included', () => {
    const nearHalf = fc
      .tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: -4, max: 4 }), fc.integer({ min: 0, max: 15 }))
      .map(([k, ulps, d]) => {
        let x = (k + 0.5) / 10 ** d;
        for (let i = 0; i < Math.abs(ulps); i += 1) x = ulps > 0 ? x + Number.EPSILON * x : x - Number.EPSILON * x;
        return [x, d] as const;
      });
    const any = fc.tuple(
      fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(1.005, 2.675, 1.45, -1.005, 0.285, 1e15 + 0.5, 2 ** 52 - 0.5)),
      fc.integer({ min: -15, max: 15 }),
    );
    fc.assert(
      fc.property(fc.oneof(nearHalf, any), ([x, d]) => {
        expect(roundTo(x, d)).toEqual(referenceRoundTo(x, d));
        expect(roundTo(-x, d)).toEqual(referenceRoundTo(-x, d));
      }),
      { numRuns: 5000 },
    );
  });

  const names = ['a', 'b', 'c'] as const;
  const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({
        type: fc.constant('number' as const),
        value: fc.constantFrom(0, 1, 2, 0.5, 10, 1e-320, 1e308),
        position: fc.nat(20),
      }),
      fc.record({ type: fc.constant('identifier' as const), name: fc.constantFrom(...names, 'zz'), position: fc.nat(20) }),
      fc.record({ type: fc.constant('unary' as const), op: fc.constant('-' as const), operand: tie('node'), position: fc.nat(20) }),
      fc.record({
        type: fc.constant('binary' as const),
        op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const),
        left: tie('node'),
        right: tie('node'),
        position: fc.nat(20),
      }),
      fc.record({
        type: fc.constant('call' as const),
        name: fc.constantFrom('min', 'max', 'round', 'nope'),
        args: fc.array(tie('node'), { maxLength: 3 }),
        position: fc.nat(20),
      }),
    ),
  })).node;
  const envValue = fc.oneof(
    fc.constantFrom(0, -0, 1, -1, 0.5, 2.5, 1e308, -1e308, 15, 16, Number.NaN, Number.POSITIVE_INFINITY),
    fc.double(),
  );

  const outcome = (run: () => number) => {
    try {
      return { value: run() };
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      return { error: { kind: e.kind, message: e.message, position: e.position, pointer: e.pointer } };
    }
  };

  it('property: compiled formulas return and throw what evaluate returns and throws', () => {
    const source = 'a * (b + c) / round(a, b) - min(c)';
    fc.assert(
      fc.property(nodeArb, fc.array(envValue, { minLength: 3, maxLength: 3 }), fc.boolean(), (node, values, partial) => {
        const env: Record<string, number> = Object.create(null);
        names.forEach((n, i) => {
          if (!partial || i !== 1) env[n] = values[i]!;
        });
        const expected = outcome(() => evaluate(node, env, source));
        expect(outcome(() => compileExpression(node, source)(env))).toEqual(expected);
        const at = partial ? [values[0]!, undefined as unknown as number, values[2]!] : values;
        expect(outcome(() => compileExpressionAt(node, source, names)(at))).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: scoreWithConfig (cached, compiled) equals validating and evaluating from scratch', () => {
    const driver = fc.record({
      name: fc.constantFrom('value', 'urgency', 'effort', 'constructor'),
      min: fc.integer({ min: -5, max: 2 }),
      max: fc.integer({ min: 3, max: 12 }),
      weight: fc.double({ min: -3, max: 3, noNaN: true }),
    });
    const formula = fc.constantFrom(
      '',
      '(2 * value + urgency) / max(effort, 1) + round(customers / 10, 1)',
      'value / (urgency - 1)',
      'round(revenue / max(insights, 1), value)',
      'min(value, effort, customers) * 1e308 * 10',
      '-value',
    );
    const names = ['value', 'urgency', 'effort', 'constructor', ...EVIDENCE_NAMES];
    fc.assert(
      fc.property(
        fc.uniqueArray(driver, { selector: (d) => d.name, minLength: 1, maxLength: 4 }),
        formula,
        fc.array(record(names), { minLength: 1, maxLength: 5 }),
        (drivers, source, valueSets) => {
          const valid = validateCustomConfig({ drivers, formula: source });
          fc.pre(valid.ok);
          if (!valid.ok) return;
          for (const values of valueSets) {
            const reference = referenceCustom(valid.config, values);
            expect(scoreWithConfig(valid.config, values as Record<string, number>)).toEqual(reference);
            const value = customValue(valid.config, values as Record<string, number>);
            expect(Object.is(value, reference.ok ? (reference as { value: number }).value : null)).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  it('notices a config changed after it was first used', () => {
    const drivers: CustomDriver[] = [{ name: 'value', min: 0, max: 10, weight: 1 }];
    const valid = validateCustomConfig({ drivers, formula: 'value * 2' });
    if (!valid.ok) throw new Error('invalid');
    expect(scoreWithConfig(valid.config, { value: 8 })).toMatchObject({ ok: true, value: 16 });
    drivers[0]!.max = 5;
    expect(scoreWithConfig(valid.config, { value: 8 })).toMatchObject({ ok: false, errors: [{ message: 'must be at most 5' }] });
    const other = validateCustomConfig({ drivers, formula: 'value + 1' });
    if (!other.ok) throw new Error('invalid');
    (valid.config as { formula: unknown }).formula = other.config.formula;
    expect(scoreWithConfig(valid.config, { value: 4 })).toMatchObject({ ok: true, value: 5, formula: 'value + 1' });
  });
});

/** Ranking by its definition: one comparator sort (Array.prototype.sort is stable). */
function referenceRank<T>(
  items: readonly T[],
  score: (item: T) => number | null | undefined,
  secondary?: (item: T) => readonly SortKey[],
  strings?: (a: string, b: string) => number,
) {
  const cmpKey = (a: SortKey | undefined, b: SortKey | undefined, s?: (a: string, b: string) => number): number => {
    if (a === b) return 0;
    if (a === undefined) return -1;
    if (b === undefined) return 1;
    if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
    if (typeof a === 'number') return -1;
    if (typeof b === 'number') return 1;
    if (s) return s(a, b);
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const cmpTuple = (a: readonly SortKey[], b: readonly SortKey[], s?: (a: string, b: string) => number) => {
    for (let k = 0; k < Math.max(a.length, b.length); k += 1) {
      const c = cmpKey(a[k], b[k], s);
      if (c !== 0) return c;
    }
    return 0;
  };
  const lower = (keys: readonly SortKey[]) => keys.map((k) => (typeof k === 'string' ? k.toLowerCase() : k));
  const scores = items.map((item) => {
    const s = score(item);
    return typeof s === 'number' && Number.isFinite(s) ? s : null;
  });
  const order = items.map((_, i) => i);
  order.sort((a, b) => {
    const sa = scores[a]!;
    const sb = scores[b]!;
    if ((sa === null) !== (sb === null)) return sa === null ? 1 : -1;
    if (sa !== null && sb !== null && sa !== sb) return sb - sa;
    if (!secondary) return a - b;
    const ka = secondary(items[a]!);
    const kb = secondary(items[b]!);
    if (strings) return cmpTuple(ka, kb, strings) || a - b;
    return cmpTuple(lower(ka), lower(kb)) || cmpTuple(ka, kb) || a - b;
  });
  let rank = 0;
  return order.map((idx, i) => {
    const s = scores[idx]!;
    if (s !== null && (i === 0 || s !== scores[order[i - 1]!])) rank = i + 1;
    return { item: items[idx]!, score: s === null ? null : s === 0 ? 0 : s, rank: s === null ? null : rank };
  });
}

describe('rankBy follows its definition', () => {
  // Few scores (long runs of ties), keys sharing prefixes, every case change toLowerCase makes
  // beyond ASCII (İ grows, Σ depends on its neighbours), U+0000, numbers and missing keys.
  const score = fc.constantFrom(
    3,
    2,
    2.5,
    1,
    0,
    -0,
    -1,
    -2.5,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    undefined,
  );
  const piece = fc.constantFrom(
    'a',
    'A',
    'b',
    'B',
    'feature ',
    'Feature ',
    'z',
    '[',
    '_',
    '',
    ' ',
    'É',
    'é',
    'İ',
    'i̇',
    'ß',
    'SS',
    'Σ',
    'σ',
    'ς',
    '😀',
    'ǅ',
    'K',
    '\u0000',
    '1',
    '10',
    '2',
  );
  const text = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
  const key = fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 2 }) });
  const item = fc.record({ score, keys: fc.array(key, { maxLength: 3 }) });

  const same = (actual: ReturnType<typeof rankBy>, expected: ReturnType<typeof referenceRank>) => {
    expect(actual.map((r) => r.item)).toEqual(expected.map((r) => r.item));
    expect(actual.map((r) => r.rank)).toEqual(expected.map((r) => r.rank));
    for (const [i, r] of actual.entries()) expect(Object.is(r.score, expected[i]!.score)).toBe(true);
  };

  it('property: same order, scores and ranks as one comparator sort, with and without keys', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 300 }), (items) => {
        const byScore = (x: (typeof items)[number]) => x.score;
        const byKeys = (x: (typeof items)[number]) => x.keys;
        same(rankBy(items, { score: byScore }), referenceRank(items, byScore));
        same(rankBy(items, { score: byScore, secondary: byKeys }), referenceRank(items, byScore, byKeys));
        const collator = new Intl.Collator('fr').compare;
        same(
          rankBy(items, { score: byScore, secondary: byKeys, compareStrings: collator }),
          referenceRank(items, byScore, byKeys, collator),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('property: long runs of tied plain-text titles (the multikey quicksort path)', () => {
    const title = fc
      .tuple(
        fc.constantFrom('Feature ', 'feature ', 'FEATURE ', 'Fix ', ''),
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom('', 's', 'S'),
      )
      .map(([p, n, s]) => `${p}${n}${s}`);
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.constantFrom(1, 2, null), title, id: fc.constantFrom('x', 'X', 'y') }), {
          minLength: 20,
          maxLength: 600,
        }),
        (items) => {
          const byScore = (x: (typeof items)[number]) => x.score;
          const byKeys = (x: (typeof items)[number]) => [x.title, x.id];
          same(rankBy(items, { score: byScore, secondary: byKeys }), referenceRank(items, byScore, byKeys));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('orders 100,000 tied items exactly as the comparator sort does', () => {
    const items = Array.from({ length: 100_000 }, (_, k) => ({
      title: `${k % 3 === 0 ? 'Feature' : 'feature'} ${(k * 7919) % 100_000}`,
      id: `f-${String(k % 50_000).padStart(6, '0')}`,
      score: (1 + (k % 10)) * (1 + ((k * 3) % 10)),
    }));
    const byScore = (x: (typeof items)[number]) => x.score;
    const byKeys = (x: (typeof items)[number]) => [x.title, x.id];
    same(rankBy(items, { score: byScore, secondary: byKeys }), referenceRank(items, byScore, byKeys));
  });
});
