/**
 * The only error the expression language throws. It carries a 0-based position (a UTF-16
 * index into the formula, like String.prototype.slice) and a caret pointer for the UI.
 */
export type ExpressionErrorKind = 'syntax' | 'validation' | 'evaluation' | 'limit';

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly kind: ExpressionErrorKind;
  readonly position: number;
  /** The offending line, a newline, then spaces and a caret under `position`. */
  readonly pointer: string;

  constructor(kind: ExpressionErrorKind, message: string, source: string, position: number) {
    super(message);
    this.kind = kind;
    this.position = Math.max(0, Math.min(position, source.length));
    this.pointer = makePointer(source, this.position);
  }
}

const WINDOW = 72;

/**
 * "rice * (reach + \n       ^". Only the line holding the position is shown, cut to a
 * window around it for very long lines; tabs are kept so the caret stays aligned, and the
 * column counts code points so an emoji does not push the caret off by one.
 */
export function makePointer(source: string, position: number): string {
  const lineStart = source.lastIndexOf('\n', position - 1) + 1;
  let lineEnd = source.indexOf('\n', position);
  if (lineEnd === -1) lineEnd = source.length;
  const chars = [...source.slice(lineStart, lineEnd).replace(/\r$/, '')];
  const col = [...source.slice(lineStart, position)].length;
  let start = 0;
  let end = chars.length;
  if (chars.length > WINDOW) {
    start = Math.max(0, Math.min(col - WINDOW / 2, chars.length - WINDOW));
    end = Math.min(chars.length, start + WINDOW);
  }
  const head = start > 0 ? '…' : '';
  const tail = end < chars.length ? '…' : '';
  const line = head + chars.slice(start, end).join('') + tail;
  const pad =
    (head ? ' ' : '') +
    chars
      .slice(start, col)
      .map((c) => (c === '\t' ? '\t' : ' '))
      .join('');
  return `${line}\n${pad}^`;
}
