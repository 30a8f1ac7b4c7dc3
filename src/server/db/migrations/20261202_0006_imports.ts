import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * Import reports in the reader's language and re-imports that change only what changed:
 * - `notice`: the job's message (read as Windows-1252, stopped on bad rows, interrupted…) as
 *   a code and values, JSON, so the web app translates it; `message` keeps the English.
 * - `unchanged_rows`: rows whose record already held every value of the row.
 * - an index on `merged_into_id`, for the few merged insights: a re-import looks up whether
 *   duplicates were merged into the insights it updates (their text quotes the duplicates).
 */
export function importReports(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('imports').addColumn('notice', 'text').execute();
      await db.schema
        .alterTable('imports')
        .addColumn('unchanged_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`create index insights_merged_into on insights (merged_into_id) where merged_into_id is not null`.execute(db);
    },
    async down(): Promise<void> {
      throw new Error('Cairn migrations are forward-only; restore a backup to go back.');
    },
  };
}
