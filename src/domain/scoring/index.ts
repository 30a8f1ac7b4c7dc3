/**
 * Public API of the scoring domain: compute, explain and rank features under RICE, ICE,
 * WSJF, MoSCoW, Kano, value/effort and a workspace-defined formula. Pure functions only.
 */
export * from './result.js';
export * from './rice.js';
export * from './ice.js';
export * from './wsjf.js';
export * from './moscow.js';
export * from './kano.js';
export * from './value-effort.js';
export * from './custom.js';
export * from './explain.js';
export * from './rank.js';
export * from './frameworks.js';
export { ExpressionError, type ExpressionErrorKind, makePointer } from './expression/errors.js';
export { MAX_FORMULA_LENGTH, type Token, type TokenType, type Operator, tokenize } from './expression/tokenizer.js';
export { MAX_DEPTH, type Node, parse, print } from './expression/parser.js';
export {
  FUNCTIONS,
  type CompiledFormula,
  type CompileResult,
  compile,
  identifiersOf,
  validate,
} from './expression/validate.js';
export { type Env, MAX_ROUND_DIGITS, evaluate, roundTo, tryEvaluate } from './expression/evaluate.js';
export { type LinearForm, linearForm } from './expression/linear.js';
