/**
 * Public API of the scoring domain: compute, explain and rank features under RICE, ICE,
 * WSJF, MoSCoW, Kano, value/effort and a workspace-defined formula. Pure functions only.
 */

export * from './custom.js';
export * from './explain.js';
export { ExpressionError, type ExpressionErrorKind, makePointer } from './expression/errors.js';
export {
  type CompiledExpression,
  compileExpression,
  type Env,
  evaluate,
  MAX_ROUND_DIGITS,
  roundTo,
  tryEvaluate,
} from './expression/evaluate.js';
export { type LinearForm, linearForm } from './expression/linear.js';
export { MAX_DEPTH, type Node, parse, print } from './expression/parser.js';
export { MAX_FORMULA_LENGTH, type Operator, type Token, type TokenType, tokenize } from './expression/tokenizer.js';
export {
  type CompiledFormula,
  type CompileResult,
  compile,
  FUNCTIONS,
  identifiersOf,
  validate,
} from './expression/validate.js';
export * from './feature-scores.js';
export * from './frameworks.js';
export * from './ice.js';
export * from './kano.js';
export * from './moscow.js';
export * from './rank.js';
export * from './reach-window.js';
export * from './result.js';
export * from './rice.js';
export * from './value-effort.js';
export * from './wsjf.js';
