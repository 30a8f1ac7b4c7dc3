import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * PostgreSQL can read a workspace's search documents newest first.
 *
 * A search ranks the newest RANKED_WINDOW (5,000) matches of the workspace (search/repo.ts). A
 * word most feedback contains matches nearly every document: through the GIN index alone,
 * PostgreSQL fetched every match's row and sorted them all by id to keep the newest 5,000
 * (about 110 ms with 100,000 insights). With this index the planner walks the workspace's
 * documents newest first, checks each against the query, and stops at the 5,000th match
 * (about 15 ms); a rare word still goes through the GIN index. The ids are time-ordered, so
 * new documents land at the end of the index. SQLite needs nothing: FTS5 returns matches by
 * rowid, which is already the order documents were written in.
 */
export function searchNewestFirst(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`create index search_docs_newest on search_docs (workspace_id, entity_id)`.execute(db);
    },
    async down(): Promise<void> {
      throw new Error('Cairn migrations are forward-only; restore a backup to go back.');
    },
  };
}
