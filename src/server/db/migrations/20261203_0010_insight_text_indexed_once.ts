import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * An insight's words are indexed once, in its body.
 *
 * An insight's search document has its text as body and the start of the same text as title
 * (what a result shows), so each word was indexed twice: tokenising that second copy was a
 * third of what indexing an import cost. From here on an insight's title is kept for display
 * only: SQLite's triggers hand FTS5 an empty title for insights, and on PostgreSQL the
 * accent-folded title the tsvector is built from is empty for them (search/repo.ts does the
 * same for new documents). A word at the start of an insight no longer counts four times in
 * bm25, as a word of a feature's or product's name does; that is the better ranking anyway.
 *
 * The FTS5 index is emptied and refilled with the same rule (its 'rebuild' command would read
 * the titles back from search_docs: do not use it).
 */
export function insightTextIndexedOnce(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'postgres') {
        await sql`update search_docs set folded_title = '' where entity = 'insight' and folded_title <> ''`.execute(db);
        return;
      }
      const title = (row: 'new' | 'old') => sql.raw(`case when ${row}.entity = 'insight' then '' else ${row}.title end`);
      await sql`drop trigger search_docs_ai`.execute(db);
      await sql`drop trigger search_docs_ad`.execute(db);
      await sql`drop trigger search_docs_au`.execute(db);
      await sql`create trigger search_docs_ai after insert on search_docs begin
        insert into search_fts (rowid, title, body) values (new.rowid, ${title('new')}, new.body);
      end`.execute(db);
      await sql`create trigger search_docs_ad after delete on search_docs begin
        insert into search_fts (search_fts, rowid, title, body) values ('delete', old.rowid, ${title('old')}, old.body);
      end`.execute(db);
      await sql`create trigger search_docs_au after update on search_docs begin
        insert into search_fts (search_fts, rowid, title, body) values ('delete', old.rowid, ${title('old')}, old.body);
        insert into search_fts (rowid, title, body) values (new.rowid, ${title('new')}, new.body);
      end`.execute(db);
      await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db);
      await sql`insert into search_fts (rowid, title, body)
        select rowid, case when entity = 'insight' then '' else title end, body from search_docs`.execute(db);
    },
    async down(): Promise<void> {
      throw new Error('Cairn migrations are forward-only; restore a backup to go back.');
    },
  };
}
