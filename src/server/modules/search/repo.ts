import { type Kysely, sql } from 'kysely';
import { insertRows } from '../../db/bulk.js';
import type { Dialect } from '../../db/connection.js';
import type { Database } from '../../db/schema.js';
import { excerpt, foldAccents, foldForIndex, highlightAll } from './highlight.js';

export { foldAccents };

/**
 * The full-text index behind one interface: FTS5 on SQLite, tsvector + GIN on PostgreSQL.
 * Services call `indexDocument`/`removeDocument` inside their own transaction, so the
 * index never disagrees with the data.
 */
export type SearchEntity = 'insight' | 'feature' | 'customer' | 'product';

export interface SearchDocument {
  entity: SearchEntity;
  entityId: string;
  workspaceId: string;
  title: string;
  body: string;
}

export interface SearchResult {
  entity: SearchEntity;
  entityId: string;
  title: string;
  /** The title, escaped, with its matching words in <mark>. */
  titleHighlight: string;
  /** Where the match is: an excerpt of the body when it matched there, else the marked title. */
  snippet: string;
  score: number;
}

const OPEN = '\u0001';
const CLOSE = '\u0002';
/** Words of body text around a match (FTS5's snippet() takes the same number of tokens). */
const SNIPPET_WORDS = 16;

export async function indexDocument(db: Kysely<Database>, dialect: Dialect, doc: SearchDocument): Promise<void> {
  await indexDocuments(db, dialect, [doc]);
}

export async function indexDocuments(db: Kysely<Database>, dialect: Dialect, docs: SearchDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const rows = docs.map((d) => ({
    entity: d.entity,
    entity_id: d.entityId,
    workspace_id: d.workspaceId,
    title: d.title,
    body: d.body,
    ...(dialect === 'postgres' && { folded_title: foldForIndex(d.title), folded_body: foldForIndex(d.body) }),
  }));
  await insertRows(db, dialect, 'search_docs', rows, {
    upsert: {
      conflict: ['entity', 'entity_id'],
      update: dialect === 'postgres' ? ['title', 'body', 'folded_title', 'folded_body'] : ['title', 'body'],
    },
  });
}

export async function removeDocument(db: Kysely<Database>, entity: SearchEntity, entityId: string): Promise<void> {
  await db.deleteFrom('search_docs').where('entity', '=', entity).where('entity_id', '=', entityId).execute();
}

/** Words of a query, accent-folded and safe to hand to either engine (no operators get through). */
export function queryTerms(q: string): string[] {
  return (foldAccents(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map((t) => t.toLowerCase());
}

function ftsMatch(terms: string[]): string {
  // Every term must match; the last one as a prefix so results come while typing.
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

function tsQuery(terms: string[]): string {
  return terms.map((t, i) => `${t}${i === terms.length - 1 ? ':*' : ''}`).join(' & ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Escapes everything, then turns the engine's markers into <mark> tags. */
export function toSafeSnippet(raw: string): string {
  return escapeHtml(raw).replaceAll(OPEN, '<mark>').replaceAll(CLOSE, '</mark>');
}

export async function search(
  db: Kysely<Database>,
  dialect: Dialect,
  input: { workspaceId: string; q: string; types?: SearchEntity[] | undefined; limit: number },
): Promise<SearchResult[]> {
  const terms = queryTerms(input.q);
  if (terms.length === 0) return [];
  const types = input.types && input.types.length > 0 ? input.types : null;
  if (dialect === 'sqlite') {
    // Both questions read one snapshot, so a write in between cannot shift the scores.
    const ask = async (q: Kysely<Database>) =>
      (await sqliteTopHits(q, terms, input.workspaceId, types, input.limit)) ??
      (await sqliteHits(q, terms, input.workspaceId, types, input.limit));
    const rows = db.isTransaction ? await ask(db) : await db.transaction().execute(ask);
    return rows.map((r) => {
      // FTS5 marks the original text (its tokenizer folds accents); the body's excerpt has no
      // mark when only the title matched.
      const titleMark = r.title_mark || r.title;
      return {
        entity: r.entity,
        entityId: r.entity_id,
        title: r.title,
        titleHighlight: toSafeSnippet(titleMark),
        snippet: toSafeSnippet(r.snippet.includes(OPEN) ? r.snippet : titleMark),
        score: Math.round(-r.score * 1000) / 1000,
      };
    });
  }
  const rows = await sql<{ entity: SearchEntity; entity_id: string; title: string; body: string; score: number }>`
    select entity, entity_id, title, body, ts_rank(document, to_tsquery('simple', ${tsQuery(terms)})) as score
    from search_docs
    where document @@ to_tsquery('simple', ${tsQuery(terms)})
      and workspace_id = ${input.workspaceId}
      ${types ? sql`and entity in (${sql.join(types)})` : sql``}
    order by score desc, entity_id
    limit ${input.limit}`.execute(db);
  // The index matched accent-free copies: the words are marked here, on the text as written.
  return rows.rows.map((r) => {
    const title = highlightAll(r.title, terms, OPEN, CLOSE).marked;
    return {
      entity: r.entity,
      entityId: r.entity_id,
      title: r.title,
      titleHighlight: toSafeSnippet(title),
      snippet: toSafeSnippet(excerpt(r.body, terms, OPEN, CLOSE, SNIPPET_WORDS) ?? title),
      score: Math.round(Number(r.score) * 1000) / 1000,
    };
  });
}

type SqliteHit = { entity: SearchEntity; entity_id: string; title: string; title_mark: string; snippet: string; score: number };

/** The best matches of the workspace: bm25 (lower is better), ties by rowid. */
async function sqliteHits(db: Kysely<Database>, terms: string[], workspaceId: string, types: SearchEntity[] | null, limit: number) {
  const rows = await sql<SqliteHit>`
    select d.entity, d.entity_id, d.title,
      highlight(search_fts, 0, ${OPEN}, ${CLOSE}) as title_mark,
      snippet(search_fts, 1, ${OPEN}, ${CLOSE}, '…', ${SNIPPET_WORDS}) as snippet,
      bm25(search_fts, 4.0, 1.0) as score
    from search_fts join search_docs d on d.rowid = search_fts.rowid
    where search_fts match ${ftsMatch(terms)}
      and d.workspace_id = ${workspaceId}
      ${types ? sql`and d.entity in (${sql.join(types)})` : sql``}
    order by score, d.rowid
    limit ${limit}`.execute(db);
  return rows.rows;
}

/** How many of the index's best matches are ranked before filtering by workspace and type. */
const TOP_FACTOR = 4;

/**
 * The same answer as sqliteHits, found without reading the document of every match: a
 * common word matches a large share of the index, and looking each match up in search_docs
 * to check its workspace cost more than ranking it. The index's best matches overall are
 * ranked first; when enough of them belong to the workspace (and types), they are exactly
 * its best ones (any better match of the workspace would be among them), and only those are
 * read. Otherwise null: the caller asks the full question.
 */
async function sqliteTopHits(db: Kysely<Database>, terms: string[], workspaceId: string, types: SearchEntity[] | null, limit: number) {
  // snippet() runs only for the rows the outer query keeps; the inner one ranks without
  // reading search_docs.
  const rows = await sql<SqliteHit>`
    select d.entity, d.entity_id, d.title, hit.title_mark, hit.snippet, hit.score
    from (
      select rowid, highlight(search_fts, 0, ${OPEN}, ${CLOSE}) as title_mark,
        snippet(search_fts, 1, ${OPEN}, ${CLOSE}, '…', ${SNIPPET_WORDS}) as snippet, bm25(search_fts, 4.0, 1.0) as score
      from search_fts where search_fts match ${ftsMatch(terms)}
      order by score, rowid
      limit ${limit * TOP_FACTOR}
    ) hit
    join search_docs d on d.rowid = hit.rowid
    where d.workspace_id = ${workspaceId}
      ${types ? sql`and d.entity in (${sql.join(types)})` : sql``}
    order by hit.score, hit.rowid
    limit ${limit}`.execute(db);
  return rows.rows.length === limit ? rows.rows : null;
}

/** The ids of one entity kind matching a query: a filter for list endpoints. */
export function matchingIds(dialect: Dialect, entity: SearchEntity, workspaceId: string, q: string) {
  const terms = queryTerms(q);
  if (terms.length === 0) return null;
  if (dialect === 'sqlite') {
    return sql<string>`(select d.entity_id from search_fts join search_docs d on d.rowid = search_fts.rowid where search_fts match ${ftsMatch(terms)} and d.workspace_id = ${workspaceId} and d.entity = ${entity})`;
  }
  return sql<string>`(select entity_id from search_docs where document @@ to_tsquery('simple', ${tsQuery(terms)}) and workspace_id = ${workspaceId} and entity = ${entity})`;
}
