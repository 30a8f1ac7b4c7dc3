import { z } from 'zod';
import { AppError } from '../http/errors.js';

/** Keyset pagination cursors: the sort key and id of the last row, opaque to clients. */
const CursorShape = z.tuple([z.union([z.string(), z.number()]), z.string()]);
export type CursorKey = z.infer<typeof CursorShape>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor whose sort key must be of the list's kind (a cursor from another list is refused). */
export function decodeCursor(cursor: string | undefined, keyKind: 'string' | 'number' = 'string'): CursorKey | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const key = CursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (typeof key[0] !== keyKind) throw new Error('cursor of another list');
    return key;
  } catch {
    throw new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', {
      errors: [{ path: 'cursor', message: 'Invalid cursor' }],
    });
  }
}

/** Splits a limit+1 fetch into a page and the cursor of the next one. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
