/**
 * Recognises formulas that are linear in their inputs (a weighted sum plus a constant),
 * e.g. "2*reach + impact/2 - 1". For those, each input's contribution is exactly
 * coefficient × value, which is the clearest "why" an explanation can give.
 */

import { tryEvaluate } from './evaluate.js';
import type { Node } from './parser.js';

export interface LinearForm {
  coefficients: Map<string, number>;
  constant: number;
}

function scale(f: LinearForm, k: number): LinearForm {
  const coefficients = new Map<string, number>();
  for (const [name, c] of f.coefficients) coefficients.set(name, c * k);
  return { coefficients, constant: f.constant * k };
}

function add(a: LinearForm, b: LinearForm, sign: 1 | -1): LinearForm {
  const coefficients = new Map(a.coefficients);
  for (const [name, c] of b.coefficients) coefficients.set(name, (coefficients.get(name) ?? 0) + sign * c);
  return { coefficients, constant: a.constant + sign * b.constant };
}

const isConstant = (f: LinearForm) => f.coefficients.size === 0;

function analyse(node: Node): LinearForm | null {
  switch (node.type) {
    case 'number':
      return { coefficients: new Map(), constant: node.value };
    case 'identifier':
      return { coefficients: new Map([[node.name, 1]]), constant: 0 };
    case 'unary': {
      const f = analyse(node.operand);
      return f && scale(f, -1);
    }
    case 'binary': {
      const l = analyse(node.left);
      const r = analyse(node.right);
      if (!l || !r) return null;
      if (node.op === '+' || node.op === '-') return add(l, r, node.op === '+' ? 1 : -1);
      if (node.op === '*') {
        if (isConstant(l)) return scale(r, l.constant);
        return isConstant(r) ? scale(l, r.constant) : null;
      }
      return isConstant(r) && r.constant !== 0 ? scale(l, 1 / r.constant) : null;
    }
    case 'call': {
      // min/max/round of inputs is not linear; of constants it is just a number.
      const args = node.args.map(analyse);
      if (!args.every((a) => a && isConstant(a))) return null;
      const r = tryEvaluate(node, {}, '');
      return r.ok ? { coefficients: new Map(), constant: r.value } : null;
    }
  }
}

/** The linear form of a formula, or null when it is not a weighted sum of its inputs. */
export function linearForm(node: Node): LinearForm | null {
  const f = analyse(node);
  if (!f || !Number.isFinite(f.constant)) return null;
  for (const c of f.coefficients.values()) if (!Number.isFinite(c)) return null;
  return f;
}
