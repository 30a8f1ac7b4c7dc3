import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpressionError } from './expression/errors.js';
import { evaluate, roundTo, tryEvaluate } from './expression/evaluate.js';
import { MAX_DEPTH, type Node, parse, print } from './expression/parser.js';
import { MAX_FORMULA_LENGTH, tokenize } from './expression/tokenizer.js';
import { compile } from './expression/validate.js';

const calc = (src: string, env: Record<string, number> = {}) => evaluate(parse(src), env, src);

function thrown(fn: () => unknown): ExpressionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error('expected an ExpressionError');
}

/** The tree without positions, to compare shapes. */
function shape(n: Node): unknown {
  switch (n.type) {
    case 'number':
      return n.value;
    case 'identifier':
      return n.name;
    case 'unary':
      return ['neg', shape(n.operand)];
    case 'binary':
      return [n.op, shape(n.left), shape(n.right)];
    case 'call':
      return [n.name, ...n.args.map(shape)];
  }
}

const NAMES = ['reach', 'impact', 'x', 'insights', 'a_1'];
const { node: nodeArb } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'ast' },
    fc
      .oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e25, noNaN: true }))
      .map((v): Node => ({ type: 'number', value: Math.abs(v), position: 0 })),
    fc.constantFrom(...NAMES).map((name): Node => ({ type: 'identifier', name, position: 0 })),
    tie('node').map((operand): Node => ({ type: 'unary', op: '-', operand, position: 0 })),
    fc
      .tuple(fc.constantFrom('+', '-', '*', '/') as fc.Arbitrary<'+' | '-' | '*' | '/'>, tie('node'), tie('node'))
      .map(([op, left, right]): Node => ({ type: 'binary', op, left, right, position: 0 })),
    fc
      .tuple(fc.constantFrom('min', 'max', 'round'), fc.array(tie('node'), { minLength: 1, maxLength: 3 }))
      .map(([name, args]): Node => ({ type: 'call', name, args, position: 0 })),
  ),
}));

describe('tokenizer', () => {
  it('reads numbers, names, operators (including × ÷ −) and positions', () => {
    const tokens = tokenize('2.5×reach ÷ .5 − 1e3');
    expect(tokens.map((t) => [t.type, t.op ?? t.value ?? t.text, t.position])).toEqual([
      ['number', 2.5, 0],
      ['operator', '*', 3],
      ['identifier', 'reach', 4],
      ['operator', '/', 10],
      ['number', 0.5, 12],
      ['operator', '-', 15],
      ['number', 1000, 17],
      ['eof', '', 20],
    ]);
  });

  it('rejects unknown characters with their position', () => {
    const e = thrown(() => tokenize('reach % 2'));
    expect([e.kind, e.position, e.message]).toEqual(['syntax', 6, "unexpected character '%'"]);
  });
});

describe('parser', () => {
  it('respects precedence and left associativity', () => {
    expect(calc('2+3*4')).toBe(14);
    expect(calc('(2+3)*4')).toBe(20);
    expect(calc('2-3-4')).toBe(-5);
    expect(calc('8/4/2')).toBe(1);
    expect(calc('-2*3')).toBe(-6);
    expect(calc('2*-3')).toBe(-6);
    expect(calc('--4')).toBe(4);
    expect(calc('2 × 3 ÷ 4 − 1')).toBe(0.5);
    expect(calc('10 - 2 * 3 + 1')).toBe(5);
  });

  it('parses calls and names into a tree', () => {
    expect(shape(parse('round(reach * 2, 1) + min(a, b, 3)'))).toEqual(['+', ['round', ['*', 'reach', 2], 1], ['min', 'a', 'b', 3]]);
  });

  it('points at the problem with a position and a caret', () => {
    const open = thrown(() => parse('rice * (reach + '));
    expect(open.position).toBe(16);
    expect(open.pointer).toBe('rice * (reach + \n                ^');
    const unclosed = thrown(() => parse('rice * (reach + 1'));
    expect([unclosed.position, unclosed.message]).toEqual([7, "missing ')' to close this '('"]);
    expect(unclosed.pointer).toBe('rice * (reach + 1\n       ^');
    expect(thrown(() => parse('2 +* 3')).position).toBe(3);
    expect(thrown(() => parse('a b')).message).toBe("expected an operator (+ - * /) before the name 'b'");
    expect(thrown(() => parse('(1))')).position).toBe(3);
    expect(thrown(() => parse('min(1,)')).position).toBe(6);
    expect(thrown(() => parse('   ')).message).toBe('the formula is empty');
  });

  it('shows only the offending line of a multi-line formula', () => {
    const e = thrown(() => parse('reach *\n  (impact + 1'));
    expect(e.position).toBe(10);
    expect(e.pointer).toBe('  (impact + 1\n  ^');
  });

  it('limits length and nesting depth', () => {
    const ok = `${'1+'.repeat(249)}1`;
    expect(ok.length).toBe(499);
    expect(calc(ok)).toBe(250);
    const long = thrown(() => parse('1'.padEnd(MAX_FORMULA_LENGTH + 1, ' ')));
    expect([long.kind, long.position]).toEqual(['limit', MAX_FORMULA_LENGTH]);
    expect(calc(`${'('.repeat(MAX_DEPTH)}1${')'.repeat(MAX_DEPTH)}`)).toBe(1);
    const deep = thrown(() => parse(`${'('.repeat(MAX_DEPTH + 1)}1${')'.repeat(MAX_DEPTH + 1)}`));
    expect([deep.kind, deep.position]).toEqual(['limit', MAX_DEPTH]);
    expect(thrown(() => parse(`${'-'.repeat(40)}1`)).kind).toBe('limit');
    expect(thrown(() => parse(`${'max('.repeat(40)}1${')'.repeat(40)}`)).kind).toBe('limit');
  });

  it('property: print then parse gives back the same tree', () => {
    fc.assert(
      fc.property(nodeArb, (tree) => {
        const text = print(tree);
        fc.pre(text.length <= MAX_FORMULA_LENGTH);
        const again = parse(text);
        expect(shape(again)).toEqual(shape(tree));
        expect(print(again)).toBe(text);
      }),
    );
  });

  it('property: throws nothing but ExpressionError, with a position inside the text', () => {
    const check = (s: string) => {
      try {
        parse(s);
        return true;
      } catch (e) {
        return e instanceof ExpressionError && e.position >= 0 && e.position <= s.length && e.pointer.includes('^');
      }
    };
    fc.assert(fc.property(fc.string(), check), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 600 }), check), { numRuns: 500 });
    const piece = fc.constantFrom(
      '(',
      ')',
      '1',
      '2.5',
      '+',
      '-',
      '*',
      '/',
      '×',
      '÷',
      ',',
      'min',
      'round',
      'x',
      ' ',
      '.',
      'e',
      '1e',
      '\n',
      '😀',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((a) => a.join('')),
        check,
      ),
      { numRuns: 3000 },
    );
  });
});

describe('validator', () => {
  it('reports unknown names (with a suggestion), misused functions and wrong arity, in order', () => {
    const r = compile('reech + min + foo(1) + round() + reach(2) + round(1, 2, 3)', ['reach', 'impact']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.kind, e.position])).toEqual([
      ['validation', 0],
      ['validation', 8],
      ['validation', 14],
      ['validation', 23],
      ['validation', 33],
      ['validation', 44],
    ]);
    expect(r.errors[0]!.message).toBe("unknown name 'reech' — did you mean 'reach'?");
    expect(r.errors[3]!.message).toContain('round takes 1 or 2 arguments, not 0');
  });

  it('returns the names a valid formula uses', () => {
    const r = compile('impact * reach + impact', ['reach', 'impact', 'ease']);
    expect(r.ok && r.formula.identifiers).toEqual(['impact', 'reach']);
  });

  it('returns syntax errors instead of throwing', () => {
    expect(compile('1 +', [])).toMatchObject({ ok: false, errors: [{ kind: 'syntax', position: 3 }] });
  });
});

describe('evaluator', () => {
  it('evaluates functions', () => {
    expect(calc('min(3, 1, 2) + max(4, 9)')).toBe(10);
    expect(calc('round(2.5) + round(-2.5)')).toBe(0);
    expect(calc('round(1.005, 2)')).toBe(1.01);
    expect(calc('round(1234.5, -2)')).toBe(1200);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-0.4)).toBe(0);
  });

  it('reads names from the environment', () => {
    expect(calc('reach * impact', { reach: 450, impact: 3 })).toBe(1350);
    expect(thrown(() => calc('reach + 1', {}))).toMatchObject({ kind: 'evaluation', position: 0 });
    expect(thrown(() => calc('constructor', {}))).toMatchObject({ kind: 'evaluation' });
  });

  it('turns division by zero into an error at the operator', () => {
    const e = thrown(() => calc('reach / (impact - 3)', { reach: 1, impact: 3 }));
    expect([e.kind, e.position, e.message]).toEqual(['evaluation', 6, 'division by zero: the right-hand side of / is 0']);
    expect(thrown(() => calc('0 / 0')).kind).toBe('evaluation');
  });

  it('turns overflow and bad round digits into errors', () => {
    expect(thrown(() => calc('1e308 * 10')).message).toBe('the result is too large to represent');
    expect(thrown(() => calc('round(1, 0.5)')).position).toBe(9);
    expect(thrown(() => calc('round(1, 16)')).kind).toBe('evaluation');
  });

  it('property: evaluation returns a finite number or an ExpressionError, never NaN or Infinity', () => {
    const env = fc.record(
      Object.fromEntries(NAMES.map((n) => [n, fc.oneof(fc.constant(0), fc.double({ min: -1e300, max: 1e300, noNaN: true }))])),
    );
    fc.assert(
      fc.property(nodeArb, env, (tree, values) => {
        const r = tryEvaluate(tree, values, print(tree));
        return r.ok ? Number.isFinite(r.value) : r.error instanceof ExpressionError;
      }),
      { numRuns: 2000 },
    );
  });
});
