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

/**
 * An insight's title is the start of its text, which its body holds whole: it is shown, not
 * indexed, so each word is indexed once (SQLite's triggers apply the same rule; see migration
 * 0010).
 */
const titleIsIndexed = (d: SearchDocument) => d.entity !== 'insight';

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
    ...(dialect === 'postgres' && { folded_title: titleIsIndexed(d) ? foldForIndex(d.title) : '', folded_body: foldForIndex(d.body) }),
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
    // Every question reads one snapshot, so a write in between cannot shift the scores.
    const ask = (q: Kysely<Database>) => sqliteSearch(q, terms, input.workspaceId, types, input.limit);
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
    from (
      -- As on SQLite, a very common word is ranked among the workspace's newest matches
      -- (ids are time-ordered): ts_rank reads each document's vector, the costly part. For
      -- such a word search_docs_newest lets the planner read newest first and stop early.
      select entity, entity_id, title, body, document from search_docs
      where document @@ to_tsquery('simple', ${tsQuery(terms)})
        and workspace_id = ${input.workspaceId}
        ${types ? sql`and entity in (${sql.join(types)})` : sql``}
      order by entity_id desc
      limit ${RANKED_WINDOW}
    ) recent
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
type RankedHit = { rowid: number; entity: SearchEntity; entity_id: string; title: string; score: number };

/**
 * How many of a workspace's matching documents, newest first, are ranked by relevance. A
 * word that most feedback contains matches hundreds of thousands of documents in a large
 * workspace (a 1,000,000-insight one), and ranking every one cost 100-300 ms; ranking the
 * newest five thousand costs 10-25 ms. Fewer matches than this are all ranked: the answer is
 * then exactly the workspace's best ones.
 */
export const RANKED_WINDOW = 5_000;

/** Every term as a whole word; the last one also as the start of a word (results while typing). */
function ftsExact(terms: string[]): string {
  return terms.map((t) => `"${t}"`).join(' ');
}

/**
 * The workspace's best matches on SQLite, in one order whatever the limit (so a short answer
 * is the start of a longer one): documents where every word is whole come first, then those
 * where the last word is only the start of a longer one ("export" finds "export" before
 * "exports"), each by bm25 (title four times the body) among the RANKED_WINDOW newest, ties
 * by rowid. Highlights and snippets are made for the answer only.
 */
async function sqliteSearch(db: Kysely<Database>, terms: string[], workspaceId: string, types: SearchEntity[] | null, limit: number) {
  const whole = await sqliteRanked(db, ftsExact(terms), workspaceId, types, limit, []);
  let hits = whole;
  if (whole.length < limit) {
    const started = await sqliteRanked(
      db,
      ftsMatch(terms),
      workspaceId,
      types,
      limit - whole.length,
      whole.map((h) => h.rowid),
    );
    hits = [...whole, ...started];
  }
  if (hits.length === 0) return [];
  // Marked here, as on PostgreSQL (FTS5's own highlight() would rebuild a prefix word's whole
  // match list for every hit: seconds for a common one). Its tokenizer folds accents and case
  // as highlight.ts does, so the same words are marked.
  const bodies = await sql<{ rowid: number; body: string }>`
    select rowid, body from search_docs where rowid in (${sql.join(hits.map((h) => h.rowid))})`.execute(db);
  const bodyOf = new Map(bodies.rows.map((b) => [Number(b.rowid), b.body]));
  return hits.map((h): SqliteHit => {
    const title = highlightAll(h.title, terms, OPEN, CLOSE);
    return {
      entity: h.entity,
      entity_id: h.entity_id,
      title: h.title,
      title_mark: title.marked,
      snippet: excerpt(bodyOf.get(h.rowid) ?? '', terms, OPEN, CLOSE, SNIPPET_WORDS) ?? '',
      score: h.score,
    };
  });
}

/**
 * One ranking pass: the workspace's newest RANKED_WINDOW documents matching `match` (the
 * index hands them over newest first, and stops there), best `limit` by bm25, leaving out
 * documents an earlier pass returned.
 */
async function sqliteRanked(
  db: Kysely<Database>,
  match: string,
  workspaceId: string,
  types: SearchEntity[] | null,
  limit: number,
  exclude: number[],
): Promise<RankedHit[]> {
  const rows = await sql<RankedHit>`
    select rowid, entity, entity_id, title, score from (
      select search_fts.rowid as rowid, d.entity, d.entity_id, d.title, bm25(search_fts, 4.0, 1.0) as score
      from search_fts join search_docs d on d.rowid = search_fts.rowid
      where search_fts match ${match}
        and d.workspace_id = ${workspaceId}
        ${types ? sql`and d.entity in (${sql.join(types)})` : sql``}
      order by search_fts.rowid desc
      limit ${RANKED_WINDOW}
    )
    ${exclude.length > 0 ? sql`where rowid not in (${sql.join(exclude)})` : sql``}
    order by score, rowid
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ ...r, rowid: Number(r.rowid) }));
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
