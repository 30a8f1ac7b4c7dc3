import { type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { FEATURE_SORTS } from '../../../contract/scoring.js';
import { frameworkOfSort, type ScoreSort } from '../../../domain/scoring/feature-scores.js';
import type { Dialect } from '../../db/connection.js';
import { SCORE_COLUMNS } from '../../db/migrations/20261122_0004_scoring.js';
import type { Database, FeatureRow } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';

export type FeatureSort = (typeof FEATURE_SORTS)[number];
type ScoreColumn = (typeof SCORE_COLUMNS)[keyof typeof SCORE_COLUMNS];

export function scoreColumnOf(sort: ScoreSort): ScoreColumn {
  return SCORE_COLUMNS[frameworkOfSort(sort)];
}

/**
 * Cursors of the sorted lists: the sort they belong to and the last row's keys, opaque to
 * clients. (The default "created" list keeps the original [createdAt, id] cursor.)
 */
const SortCursor = z.tuple([z.string(), z.union([z.number(), z.string(), z.null()]), z.string(), z.string()]);

function decodeSortCursor(cursor: string | undefined, sort: FeatureSort): z.infer<typeof SortCursor> | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const key = SortCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (key[0] !== sort) throw new Error('cursor of another sort');
    return key;
  } catch {
    throw new AppError('validation_failed', 'The cursor is not valid for this sort; start again from the first page.', {
      errors: [{ path: 'cursor', message: 'Invalid cursor' }],
    });
  }
}

const encodeSortCursor = (key: z.infer<typeof SortCursor>) => Buffer.from(JSON.stringify(key)).toString('base64url');

/**
 * One page of features in the requested order, by keyset pagination:
 * - created / updated: newest first (ties by id, descending);
 * - title: A–Z, case- and accent-insensitive (ties by id);
 * - a framework: its stored score, highest first, unscored last, ties by title then id.
 * Scores come from the stored columns (indexed per workspace), never from scoring every row.
 */
export async function featurePage<O extends FeatureRow>(
  base: SelectQueryBuilder<Database, 'features', O>,
  dialect: Dialect,
  sort: FeatureSort,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: O[]; nextCursor: string | null }> {
  let q = base;
  let keyOf: (row: O) => string;

  if (sort === 'created') {
    const after = decodeCursor(cursor);
    if (after) {
      const [createdAt, id] = after;
      q = q.where((eb) =>
        eb.or([
          eb('features.created_at', '<', String(createdAt)),
          eb.and([eb('features.created_at', '=', String(createdAt)), eb('features.id', '<', id)]),
        ]),
      );
    }
    q = q.orderBy('features.created_at', 'desc').orderBy('features.id', 'desc');
    keyOf = (r) => encodeCursor([r.created_at, r.id]);
  } else if (sort === 'updated') {
    const after = decodeSortCursor(cursor, sort);
    if (after) {
      const [, updatedAt, , id] = after;
      q = q.where((eb) =>
        eb.or([
          eb('features.updated_at', '<', String(updatedAt)),
          eb.and([eb('features.updated_at', '=', String(updatedAt)), eb('features.id', '<', id)]),
        ]),
      );
    }
    q = q.orderBy('features.updated_at', 'desc').orderBy('features.id', 'desc');
    keyOf = (r) => encodeSortCursor([sort, r.updated_at, '', r.id]);
  } else if (sort === 'title') {
    const after = decodeSortCursor(cursor, sort);
    if (after) {
      const [, titleKey, , id] = after;
      q = q.where((eb) =>
        eb.or([
          eb('features.title_key', '>', String(titleKey)),
          eb.and([eb('features.title_key', '=', String(titleKey)), eb('features.id', '>', id)]),
        ]),
      );
    }
    q = q.orderBy('features.title_key', 'asc').orderBy('features.id', 'asc');
    keyOf = (r) => encodeSortCursor([sort, r.title_key, '', r.id]);
  } else {
    const column = scoreColumnOf(sort);
    const ref = `features.${column}` as const;
    const after = decodeSortCursor(cursor, sort);
    if (after) {
      const [, score, titleKey, id] = after;
      if (score !== null && typeof score !== 'number') throw new AppError('validation_failed', 'The cursor is not valid for this sort.');
      q = q.where((eb) => {
        const tieBreak = eb.or([
          eb('features.title_key', '>', titleKey),
          eb.and([eb('features.title_key', '=', titleKey), eb('features.id', '>', id)]),
        ]);
        // After the last scored row come lower scores, then every unscored row.
        return score === null
          ? eb.and([eb(ref, 'is', null), tieBreak])
          : eb.or([eb(ref, '<', score), eb.and([eb(ref, '=', score), tieBreak]), eb(ref, 'is', null)]);
      });
    }
    // SQLite sorts nulls last in a descending order by itself; PostgreSQL has to be told
    // (and its index is declared the same way, so both walk the index in order).
    q = q
      .orderBy(dialect === 'postgres' ? sql`${sql.ref(ref)} desc nulls last` : sql`${sql.ref(ref)} desc`)
      .orderBy('features.title_key', 'asc')
      .orderBy('features.id', 'asc');
    keyOf = (r) => encodeSortCursor([sort, (r as FeatureRow)[column], r.title_key, r.id]);
  }

  const rows = await q.limit(limit + 1).execute();
  const items = rows.slice(0, limit) as O[];
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? keyOf(last) : null };
}
