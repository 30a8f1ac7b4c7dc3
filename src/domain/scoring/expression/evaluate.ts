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
  const rounded = Math.round(Number(scaled.toPrecision(15))) / factor;
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
