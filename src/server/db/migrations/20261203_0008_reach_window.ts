import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * RICE reach over a period: a feature whose derived reach counts only the evidence received
 * in its last N days keeps, beside its stored scores, the day those counts were made for
 * (`reach_as_of`, YYYY-MM-DD UTC) and the window's first instant (`reach_since`, an ISO
 * timestamp compared with insights' received_at). Both are null without a window. A read on
 * a later day finds the features to recount through the partial index.
 */
export function reachWindow(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('features').addColumn('reach_since', 'text').execute();
      await db.schema.alterTable('features').addColumn('reach_as_of', 'text').execute();
      await sql`create index features_reach_as_of on features (workspace_id, reach_as_of) where reach_as_of is not null`.execute(db);
    },
    async down(): Promise<void> {
      throw new Error('Cairn migrations are forward-only; restore a backup to go back.');
    },
  };
}
