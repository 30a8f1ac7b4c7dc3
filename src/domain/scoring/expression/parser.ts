/**
 * Recursive-descent parser for score formulas.
 *
 *   expression := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := '-' unary | primary
 *   primary    := number | name | name '(' [expression (',' expression)*] ')' | '(' expression ')'
 *
 * Binary operators are left-associative; unary minus binds tighter than * and /.
 * The parser only builds the tree; names and arity are checked by `validate`.
 */
import { ExpressionError } from './errors.js';
import { type Operator, type Token, tokenize } from './tokenizer.js';

export const MAX_DEPTH = 32;

/** `position` is where the node starts, except for binary nodes: there it is the operator. */
export type Node =
  | { type: 'number'; value: number; position: number }
  | { type: 'identifier'; name: string; position: number }
  | { type: 'unary'; op: '-'; operand: Node; position: number }
  | { type: 'binary'; op: Operator; left: Node; right: Node; position: number }
  | { type: 'call'; name: string; args: Node[]; position: number };

function describeToken(t: Token): string {
  if (t.type === 'eof') return 'the end of the formula';
  if (t.type === 'number') return `the number ${t.text}`;
  if (t.type === 'identifier') return `the name '${t.text}'`;
  return `'${t.text}'`;
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.type !== 'eof') this.i += 1;
    return t;
  }

  private fail(message: string, position: number): never {
    throw new ExpressionError('syntax', message, this.source, position);
  }

  /** Nesting (parentheses, calls, unary minus) is bounded so evaluation stays shallow. */
  private enter(t: Token): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      throw new ExpressionError('limit', `the formula is nested too deeply (more than ${MAX_DEPTH} levels)`, this.source, t.position);
    }
  }

  parseFormula(): Node {
    if (this.peek().type === 'eof') this.fail('the formula is empty', 0);
    const node = this.expression();
    const t = this.peek();
    if (t.type === 'rparen') this.fail("this ')' has no matching '('", t.position);
    if (t.type === 'comma') this.fail("',' is only allowed between a function's arguments", t.position);
    if (t.type !== 'eof') this.fail(`expected an operator (+ - * /) before ${describeToken(t)}`, t.position);
    return node;
  }

  private expression(): Node {
    let left = this.term();
    for (let t = this.peek(); t.type === 'operator' && (t.op === '+' || t.op === '-'); t = this.peek()) {
      this.next();
      left = { type: 'binary', op: t.op, left, right: this.term(), position: t.position };
    }
    return left;
  }

  private term(): Node {
    let left = this.unary();
    for (let t = this.peek(); t.type === 'operator' && (t.op === '*' || t.op === '/'); t = this.peek()) {
      this.next();
      left = { type: 'binary', op: t.op, left, right: this.unary(), position: t.position };
    }
    return left;
  }

  private unary(): Node {
    const t = this.peek();
    if (t.type === 'operator' && t.op === '-') {
      this.next();
      this.enter(t);
      const operand = this.unary();
      this.depth -= 1;
      return { type: 'unary', op: '-', operand, position: t.position };
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return { type: 'number', value: t.value!, position: t.position };
      case 'identifier':
        if (this.peek().type === 'lparen') return this.call(t);
        return { type: 'identifier', name: t.text, position: t.position };
      case 'lparen': {
        this.enter(t);
        const inner = this.expression();
        this.close(t);
        this.depth -= 1;
        return inner;
      }
      default: {
        // `next` does not move past the end, so the token before `t` sits one or two back.
        const prev = this.tokens[(t.type === 'eof' ? this.i : this.i - 1) - 1];
        const after = prev ? ` after '${prev.text}'` : '';
        return this.fail(`expected a number, a name or '('${after} but found ${describeToken(t)}`, t.position);
      }
    }
  }

  private call(name: Token): Node {
    const open = this.next();
    this.enter(open);
    const args: Node[] = [];
    if (this.peek().type !== 'rparen') {
      args.push(this.expression());
      while (this.peek().type === 'comma') {
        this.next();
        args.push(this.expression());
      }
    }
    this.close(open);
    this.depth -= 1;
    return { type: 'call', name: name.text, args, position: name.position };
  }

  private close(open: Token): void {
    const t = this.peek();
    if (t.type === 'rparen') {
      this.next();
      return;
    }
    // At the end, point at the '(' that was left open: that is where the fix goes.
    if (t.type === 'eof') this.fail("missing ')' to close this '('", open.position);
    this.fail(`expected ')' or an operator but found ${describeToken(t)}`, t.position);
  }
}

/** Parses a formula into a tree. Throws only ExpressionError. */
export function parse(source: string): Node {
  return new Parser(source, tokenize(source)).parseFormula();
}

const PRECEDENCE: Record<Operator, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

function precedence(node: Node): number {
  if (node.type === 'binary') return PRECEDENCE[node.op];
  return node.type === 'unary' ? 3 : 4;
}

/**
 * Prints a tree back as a canonical formula with only the parentheses needed to keep its
 * shape, so parse(print(tree)) has the same structure as the tree.
 */
export function print(node: Node): string {
  switch (node.type) {
    case 'number':
      return String(node.value);
    case 'identifier':
      return node.name;
    case 'unary': {
      const inner = print(node.operand);
      return precedence(node.operand) < 3 ? `-(${inner})` : `-${inner}`;
    }
    case 'binary': {
      const p = PRECEDENCE[node.op];
      const left = precedence(node.left) < p ? `(${print(node.left)})` : print(node.left);
      // Same precedence on the right needs parentheses: a - (b - c) is not (a - b) - c.
      const right = precedence(node.right) <= p ? `(${print(node.right)})` : print(node.right);
      return `${left} ${node.op} ${right}`;
    }
    case 'call':
      return `${node.name}(${node.args.map(print).join(', ')})`;
  }
}
