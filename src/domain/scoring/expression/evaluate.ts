/**
 * Evaluates a parsed formula against input values. Never produces Infinity or NaN:
 * division by zero, overflow and bad function arguments become ExpressionError('evaluation')
 * pointing at the operator or call responsible.
 */
import { ExpressionError } from './errors.js';
import type { Node } from './parser.js';
import { FUNCTIONS, isFunctionName } from './validate.js';

export type Env = Readonly<Record<string, number>>;

/** Where a sub-expression begins (binary nodes record their operator instead). */
export function startOf(node: Node): number {
  return node.type === 'binary' ? startOf(node.left) : node.position;
}

export const MAX_ROUND_DIGITS = 15;

/**
 * Rounds half away from zero to `digits` decimals (negative digits round to tens,
 * hundreds…). The product is first cut to 15 significant digits so that representation
 * noise does not flip halves: round(1.005, 2) is 1.01, as a person expects.
 */
export function roundTo(x: number, digits = 0): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(x) * factor;
  // Past 2^52 every double is already a whole number: nothing to round.
  if (scaled >= 2 ** 52) return x;
  // Cutting to 15 significant digits moves `scaled` by less than 6e-15 of itself, so unless
  // it lies that close to a half the cut cannot change the rounding: skip the string round
  // trip (the slow part) and round directly. The results are the same.
  const distanceToHalf = Math.abs(scaled - Math.floor(scaled) - 0.5);
  const whole = distanceToHalf > 1e-13 * scaled ? Math.round(scaled) : Math.round(Number(scaled.toPrecision(15)));
  const rounded = whole / factor;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

export function evaluate(node: Node, env: Env, source: string): number {
  const fail = (message: string, position: number): never => {
    throw new ExpressionError('evaluation', message, source, position);
  };
  const finite = (value: number, position: number): number =>
    Number.isFinite(value) ? (value === 0 ? 0 : value) : fail('the result is too large to represent', position);

  const run = (n: Node): number => {
    switch (n.type) {
      case 'number':
        return n.value;
      case 'identifier': {
        const v = Object.hasOwn(env, n.name) ? env[n.name] : undefined;
        if (typeof v !== 'number' || !Number.isFinite(v)) return fail(`no value for '${n.name}'`, n.position);
        return v;
      }
      case 'unary':
        return finite(-run(n.operand), n.position);
      case 'binary': {
        const a = run(n.left);
        const b = run(n.right);
        if (n.op === '+') return finite(a + b, n.position);
        if (n.op === '-') return finite(a - b, n.position);
        if (n.op === '*') return finite(a * b, n.position);
        if (b === 0) return fail('division by zero: the right-hand side of / is 0', n.position);
        return finite(a / b, n.position);
      }
      case 'call':
        return call(n);
    }
  };

  const call = (n: Extract<Node, { type: 'call' }>): number => {
    const spec = isFunctionName(n.name) ? FUNCTIONS[n.name]! : undefined;
    if (!spec) return fail(`unknown function '${n.name}'`, n.position);
    if (n.args.length < spec.minArgs || n.args.length > spec.maxArgs)
      return fail(`wrong number of arguments: write ${spec.usage}`, n.position);
    const args = n.args.map(run);
    if (n.name === 'min') return Math.min(...args);
    if (n.name === 'max') return Math.max(...args);
    const digits = args[1] ?? 0;
    if (!Number.isInteger(digits) || Math.abs(digits) > MAX_ROUND_DIGITS) {
      return fail(`round's digits must be a whole number from -${MAX_ROUND_DIGITS} to ${MAX_ROUND_DIGITS}`, startOf(n.args[1]!));
    }
    return finite(roundTo(args[0]!, digits), n.position);
  };

  return run(node);
}

/** Number of nodes evaluated stays small: formulas are ≤ 500 characters and ≤ 32 levels deep. */
export function tryEvaluate(node: Node, env: Env, source: string): { ok: true; value: number } | { ok: false; error: ExpressionError } {
  try {
    return { ok: true, value: evaluate(node, env, source) };
  } catch (e) {
    if (e instanceof ExpressionError) return { ok: false, error: e };
    throw e;
  }
}

/** A formula turned into nested closures by `compileExpression`. */
export type CompiledExpression = (env: Env) => number;

/**
 * Turns a tree into nested closures once, for scoring many items with the same formula: no
 * switch on node types per item and no arguments array for two-argument calls. Never uses
 * eval. For every tree and environment it returns exactly what `evaluate` returns and throws
 * exactly the ExpressionError it throws (same message, same position), checks in the same
 * order.
 */
export function compileExpression(node: Node, source: string): CompiledExpression {
  return compileWith<Env>(node, source, (name, fail) => (env) => {
    const v = Object.hasOwn(env, name) ? env[name] : undefined;
    return typeof v !== 'number' || !Number.isFinite(v) ? fail() : v;
  });
}

/**
 * Like `compileExpression`, but names are read from an array by their index in `names`
 * (e.g. a CompiledFormula's identifiers): `values[i]` plays the part of `env[names[i]]`,
 * and a name not in `names` has no value. Used to score many items without building a
 * lookup object per item.
 */
export function compileExpressionAt(node: Node, source: string, names: readonly string[]): (values: ArrayLike<number>) => number {
  return compileWith<ArrayLike<number>>(node, source, (name, fail) => {
    const at = names.indexOf(name);
    if (at === -1) return () => fail();
    return (values) => {
      const v = values[at];
      return typeof v !== 'number' || !Number.isFinite(v) ? fail() : v;
    };
  });
}

function compileWith<E>(node: Node, source: string, lookup: (name: string, fail: () => never) => (env: E) => number): (env: E) => number {
  type Run = (env: E) => number;
  const fail = (message: string, position: number): never => {
    throw new ExpressionError('evaluation', message, source, position);
  };
  const finite = (value: number, position: number): number =>
    Number.isFinite(value) ? (value === 0 ? 0 : value) : fail('the result is too large to represent', position);

  const build = (n: Node): Run => {
    switch (n.type) {
      case 'number': {
        const value = n.value;
        return () => value;
      }
      case 'identifier': {
        const { name, position } = n;
        return lookup(name, () => fail(`no value for '${name}'`, position));
      }
      case 'unary': {
        const operand = build(n.operand);
        const position = n.position;
        return (env) => finite(-operand(env), position);
      }
      case 'binary': {
        const left = build(n.left);
        const right = build(n.right);
        const position = n.position;
        if (n.op === '+') return (env) => finite(left(env) + right(env), position);
        if (n.op === '-') return (env) => finite(left(env) - right(env), position);
        if (n.op === '*') return (env) => finite(left(env) * right(env), position);
        return (env) => {
          const a = left(env);
          const b = right(env);
          if (b === 0) return fail('division by zero: the right-hand side of / is 0', position);
          return finite(a / b, position);
        };
      }
      case 'call':
        return buildCall(n);
      default:
        // Not a node `parse` builds; `evaluate` yields undefined for it too.
        return () => undefined as unknown as number;
    }
  };

  const buildCall = (n: Extract<Node, { type: 'call' }>): Run => {
    const spec = isFunctionName(n.name) ? FUNCTIONS[n.name]! : undefined;
    const position = n.position;
    if (!spec) return () => fail(`unknown function '${n.name}'`, position);
    if (n.args.length < spec.minArgs || n.args.length > spec.maxArgs) {
      return () => fail(`wrong number of arguments: write ${spec.usage}`, position);
    }
    const args = n.args.map(build);
    if (n.name === 'min' || n.name === 'max') {
      const pick = n.name === 'min' ? Math.min : Math.max;
      if (args.length === 1) {
        const [a] = args as [Run];
        return (env) => pick(a(env));
      }
      if (args.length === 2) {
        const [a, b] = args as [Run, Run];
        return (env) => {
          const x = a(env);
          return pick(x, b(env));
        };
      }
      return (env) => pick(...args.map((a) => a(env)));
    }
    const [x, digitsOf] = args as [Run, Run | undefined];
    const digitsAt = n.args[1] ? startOf(n.args[1]) : 0;
    return (env) => {
      const value = x(env);
      const digits = digitsOf ? digitsOf(env) : 0;
      if (!Number.isInteger(digits) || Math.abs(digits) > MAX_ROUND_DIGITS) {
        return fail(`round's digits must be a whole number from -${MAX_ROUND_DIGITS} to ${MAX_ROUND_DIGITS}`, digitsAt);
      }
      return finite(roundTo(value, digits), position);
    };
  };

  return build(node);
}
