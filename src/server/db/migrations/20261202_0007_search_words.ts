import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * PostgreSQL's search documents are indexed again from their words alone (foldForIndex):
 * the 'simple' parser had kept "l’œuvre" and "“bien”" as single tokens, so French words next
 * to an apostrophe or a quote could not be found. SQLite's tokenizer already split on them.
 * Documents are rewritten a thousand at a time, in key order. The rule is copied here (not
 * imported) so this migration does what it did whatever the indexing code becomes.
 */
const foldForIndex = (text: string) =>
  (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  ).join(' ');

export function searchWords(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      let after = { entity: '', entityId: '' };
      for (;;) {
        const { rows } = await sql<{ entity: string; entity_id: string; title: string; body: string }>`
          select entity, entity_id, title, body from search_docs
          where (entity, entity_id) > (${after.entity}, ${after.entityId})
          order by entity, entity_id limit 1000`.execute(db);
        if (rows.length === 0) return;
        const values = sql.join(rows.map((r) => sql`(${r.entity}, ${r.entity_id}, ${foldForIndex(r.title)}, ${foldForIndex(r.body)})`));
        await sql`
          update search_docs d set folded_title = v.t, folded_body = v.b
          from (values ${values}) as v(entity, entity_id, t, b)
          where d.entity = v.entity and d.entity_id = v.entity_id`.execute(db);
        const last = rows[rows.length - 1]!;
        after = { entity: last.entity, entityId: last.entity_id };
      }
    },
    async down(): Promise<void> {
      throw new Error('Cairn migrations are forward-only; restore a backup to go back.');
    },
  };
}
