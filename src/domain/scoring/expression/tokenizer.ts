/**
 * Tokenizer for score formulas: numbers (1, 2.5, .5, 1e3), identifiers, + - * / (also
 * × ÷ and the typographic minus −), parentheses and commas. Whitespace is ignored.
 */
import { ExpressionError } from './errors.js';

export const MAX_FORMULA_LENGTH = 500;

export type TokenType = 'number' | 'identifier' | 'operator' | 'lparen' | 'rparen' | 'comma' | 'eof';
export type Operator = '+' | '-' | '*' | '/';

export interface Token {
  type: TokenType;
  /** The text as written (e.g. '×'). For operators `op` holds the normalised form. */
  text: string;
  position: number;
  value?: number;
  op?: Operator;
}

const OPERATORS: Record<string, Operator> = { '+': '+', '-': '-', '−': '-', '*': '*', '×': '*', '/': '/', '÷': '/' };

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
const isIdentPart = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

export function tokenize(source: string): Token[] {
  if (typeof source !== 'string') throw new ExpressionError('syntax', 'the formula must be text', '', 0);
  if (source.length > MAX_FORMULA_LENGTH) {
    throw new ExpressionError(
      'limit',
      `the formula is too long (${source.length} characters; the limit is ${MAX_FORMULA_LENGTH})`,
      source,
      MAX_FORMULA_LENGTH,
    );
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (isDigit(c) || (c === '.' && isDigit(source[i + 1]))) {
      i = readNumber(source, i, tokens);
    } else if (isIdentStart(c)) {
      const start = i;
      while (isIdentPart(source[i])) i += 1;
      tokens.push({ type: 'identifier', text: source.slice(start, i), position: start });
    } else if (c in OPERATORS) {
      tokens.push({ type: 'operator', text: c, op: OPERATORS[c]!, position: i });
      i += 1;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', text: c, position: i });
      i += 1;
    } else {
      const shown = String.fromCodePoint(source.codePointAt(i)!);
      throw new ExpressionError('syntax', `unexpected character '${shown}'`, source, i);
    }
  }
  tokens.push({ type: 'eof', text: '', position: source.length });
  return tokens;
}

function readNumber(source: string, start: number, tokens: Token[]): number {
  let i = start;
  while (isDigit(source[i])) i += 1;
  if (source[i] === '.') {
    i += 1;
    if (!isDigit(source[i])) throw new ExpressionError('syntax', 'expected a digit after the decimal point', source, i);
    while (isDigit(source[i])) i += 1;
  }
  // An 'e' only starts an exponent when digits follow; otherwise the number ends here.
  if (
    (source[i] === 'e' || source[i] === 'E') &&
    (isDigit(source[i + 1]) || (/[+-]/.test(source[i + 1] ?? '') && isDigit(source[i + 2])))
  ) {
    i += 2;
    while (isDigit(source[i])) i += 1;
  }
  const text = source.slice(start, i);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new ExpressionError('syntax', `the number ${text} is too large`, source, start);
  tokens.push({ type: 'number', text, value, position: start });
  return i;
}
