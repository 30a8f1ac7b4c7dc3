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

/**
 * `weight(name)`: the weight of a named input, known when the formula is compiled (a
 * workspace's driver weights). The call is replaced by that number, so evaluating it costs
 * nothing and a changed weight takes effect when the formula is compiled again. Offered
 * only where weights are given; `weight` alone stays a possible input name.
 */
export const WEIGHT_FUNCTION = 'weight';

export interface CompileOptions {
  /** The weights `weight(name)` reads, by name. */
  weights?: Readonly<Record<string, number>>;
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

export function validate(node: Node, source: string, allowedNames: Iterable<string>, options: CompileOptions = {}): ExpressionError[] {
  const names = [...allowedNames];
  const weights = options.weights;
  const weighted = weights ? Object.keys(weights) : [];
  const functions = [...Object.keys(FUNCTIONS), ...(weights ? [WEIGHT_FUNCTION] : [])].join(', ');
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
        if (weights && n.name === WEIGHT_FUNCTION) {
          const [arg, ...more] = n.args;
          const example = `weight(${weighted[0] ?? 'name'})`;
          if (!arg || more.length > 0 || arg.type !== 'identifier') {
            err(`weight takes the name of one driver: write ${example}`, n.position);
          } else if (!Object.hasOwn(weights, arg.name)) {
            err(`'${arg.name}' has no weight: weight() takes a driver's name${suggest(arg.name, weighted)}`, arg.position);
          }
          return;
        }
        const spec = isFunctionName(n.name) ? FUNCTIONS[n.name]! : undefined;
        if (!spec) {
          const what = allowed.has(n.name) ? `'${n.name}' is an input, not a function` : `unknown function '${n.name}'`;
          err(`${what}; the functions are ${functions}`, n.position);
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

/** The tree with every `weight(name)` replaced by that weight (the tree must be valid). */
function inlineWeights(node: Node, weights: Readonly<Record<string, number>>): Node {
  switch (node.type) {
    case 'number':
    case 'identifier':
      return node;
    case 'unary':
      return { ...node, operand: inlineWeights(node.operand, weights) };
    case 'binary':
      return { ...node, left: inlineWeights(node.left, weights), right: inlineWeights(node.right, weights) };
    case 'call': {
      const arg = node.args[0];
      if (node.name === WEIGHT_FUNCTION && node.args.length === 1 && arg?.type === 'identifier' && Object.hasOwn(weights, arg.name)) {
        return { type: 'number', value: weights[arg.name]!, position: node.position };
      }
      return { ...node, args: node.args.map((a) => inlineWeights(a, weights)) };
    }
  }
}

/** Parse + validate without throwing: the form a settings screen or an API handler wants. */
export function compile(source: string, allowedNames: Iterable<string>, options: CompileOptions = {}): CompileResult {
  let ast: Node;
  try {
    ast = parse(source);
  } catch (e) {
    if (e instanceof ExpressionError) return { ok: false, errors: [e] };
    throw e;
  }
  const errors = validate(ast, source, allowedNames, options);
  if (errors.length > 0) return { ok: false, errors };
  if (options.weights) ast = inlineWeights(ast, options.weights);
  return { ok: true, formula: { source, ast, identifiers: identifiersOf(ast) } };
}
