/**
 * Static checks on a parsed formula: every name must be a known input, every function
 * must exist and get the right number of arguments. All problems are reported, in order.
 */
import { ExpressionError } from './errors.js';
import { type Node, parse } from './parser.js';

export interface FunctionSpec {
  minArgs: number;
  maxArgs: number;
  usage: string;
}

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  min: { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, usage: 'min(a, b, …)' },
  max: { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, usage: 'max(a, b, …)' },
  round: { minArgs: 1, maxArgs: 2, usage: 'round(x) or round(x, digits)' },
};

export function isFunctionName(name: string): boolean {
  return Object.hasOwn(FUNCTIONS, name);
}

/** Names the formula reads, each once, in order of first appearance. */
export function identifiersOf(node: Node): string[] {
  const seen = new Set<string>();
  const walk = (n: Node): void => {
    if (n.type === 'identifier') seen.add(n.name);
    else if (n.type === 'unary') walk(n.operand);
    else if (n.type === 'binary') {
      walk(n.left);
      walk(n.right);
    } else if (n.type === 'call') n.args.forEach(walk);
  };
  walk(node);
  return [...seen];
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

function suggest(name: string, names: readonly string[]): string {
  const lower = name.toLowerCase();
  const best = names
    .map((n) => ({ n, d: n.toLowerCase() === lower ? 0 : distance(lower, n.toLowerCase()) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d)[0];
  return best ? ` — did you mean '${best.n}'?` : '';
}

export function validate(node: Node, source: string, allowedNames: Iterable<string>): ExpressionError[] {
  const names = [...allowedNames];
  const allowed = new Set(names);
  const errors: ExpressionError[] = [];
  const err = (message: string, position: number) => errors.push(new ExpressionError('validation', message, source, position));
  const walk = (n: Node): void => {
    switch (n.type) {
      case 'number':
        return;
      case 'identifier':
        if (allowed.has(n.name)) return;
        if (isFunctionName(n.name)) err(`'${n.name}' is a function: write ${FUNCTIONS[n.name]!.usage}`, n.position);
        else err(`unknown name '${n.name}'${suggest(n.name, names)}`, n.position);
        return;
      case 'unary':
        walk(n.operand);
        return;
      case 'binary':
        walk(n.left);
        walk(n.right);
        return;
      case 'call': {
        const spec = isFunctionName(n.name) ? FUNCTIONS[n.name]! : undefined;
        if (!spec) {
          const what = allowed.has(n.name) ? `'${n.name}' is an input, not a function` : `unknown function '${n.name}'`;
          err(`${what}; the functions are ${Object.keys(FUNCTIONS).join(', ')}`, n.position);
        } else if (n.args.length < spec.minArgs || n.args.length > spec.maxArgs) {
          err(`${n.name} takes ${arityText(spec)}, not ${n.args.length}: write ${spec.usage}`, n.position);
        }
        n.args.forEach(walk);
      }
    }
  };
  walk(node);
  return errors;
}

function arityText(spec: FunctionSpec): string {
  if (spec.maxArgs === Number.POSITIVE_INFINITY) return `at least ${spec.minArgs} argument${spec.minArgs === 1 ? '' : 's'}`;
  if (spec.minArgs === spec.maxArgs) return `${spec.minArgs} argument${spec.minArgs === 1 ? '' : 's'}`;
  return `${spec.minArgs} or ${spec.maxArgs} arguments`;
}

export interface CompiledFormula {
  source: string;
  ast: Node;
  identifiers: string[];
}

export type CompileResult = { ok: true; formula: CompiledFormula } | { ok: false; errors: ExpressionError[] };

/** Parse + validate without throwing: the form a settings screen or an API handler wants. */
export function compile(source: string, allowedNames: Iterable<string>): CompileResult {
  let ast: Node;
  try {
    ast = parse(source);
  } catch (e) {
    if (e instanceof ExpressionError) return { ok: false, errors: [e] };
    throw e;
  }
  const errors = validate(ast, source, allowedNames);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, formula: { source, ast, identifiers: identifiersOf(ast) } };
}
