import { type Kysely, sql } from 'kysely';
import type { OperationId } from '../../contract/routes.js';
import type { Dialect } from '../db/connection.js';
import { CHANGE_LOG_LOCK } from '../db/migrations/20261122_0005_performance.js';
import { prepared } from '../db/prepared.js';
import type { Database } from '../db/schema.js';

/**
 * Read routes whose answer is kept, as the bytes sent, until the workspace changes. A route
 * belongs here only when its answer depends on nothing but the workspace's rows, every change
 * to which appends to the change log (the project's rule for every mutation), and is the
 * same for every member allowed to call it; and when its handler sets no headers. Sign-in,
 * membership and permission are still checked on every request, before the cache is read.
 */
export const CACHED_ROUTES: ReadonlySet<OperationId> = new Set<OperationId>(['listProducts']);

/**
 * At most this much answer text is kept per app; least recently used goes first. Eight
 * 1,000-item lists: enough for the lists people re-read, and the server stays under 200 MB.
 */
const MAX_BYTES = 8 * 1024 * 1024;
/** Larger answers are not kept at all. */
const MAX_ENTRY = 4 * 1024 * 1024;

interface Entry {
  /** The workspace's newest change-log seq when the answer was built. */
  stamp: number;
  body: Buffer;
}

/**
 * Answers by key, each valid while its workspace's newest change-log `seq` is still the one
 * it was built at. Any committed change in the workspace appends a higher `seq`, so the next
 * read sees the change: nothing is ever served stale, and nothing needs to be told about
 * writes (other app servers' writes included).
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  get(key: string, stamp: number): Buffer | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.stamp !== stamp) {
      this.bytes -= entry.body.length;
      return null;
    }
    this.entries.set(key, entry); // most recently used last
    return entry.body;
  }

  set(key: string, stamp: number, body: Buffer): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    if (body.length > MAX_ENTRY) return;
    this.entries.set(key, { stamp, body });
    this.bytes += body.length;
    for (const [k, e] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.entries.delete(k);
      this.bytes -= e.body.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The workspace's newest change-log seq (0 before its first change). */
export async function workspaceStamp(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await newestSeq.first(db, { workspaceId });
  return row?.seq === null || row?.seq === undefined ? 0 : Number(row.seq);
}

const newestSeq = prepared<{ workspaceId: string }, { seq: number | string | null }>((db, p) =>
  db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('workspace_id', '=', p('workspaceId')),
);

/**
 * Builds an answer that may be cached: returns it with the stamp it is valid for, or with
 * a null stamp when it must not be kept. `build` gets the database handle to read with.
 *
 * The stamp is read before the rows, so the rows are never older than the stamp says (a
 * change committed in between only makes the entry look stale sooner). On SQLite that is
 * all it takes, writes being serialised. On PostgreSQL a change can commit after a later
 * `seq` was already visible (see migration 0005); the stamp and the rows are read holding
 * the workspace's change-log lock exclusively, which no writer holds while it has a `seq`
 * it has not committed. When a writer is busy the answer is built without the lock and not
 * kept. The lock is only tried, never waited for; writers that reach the change log wait
 * for the few milliseconds the rows take.
 */
export async function buildCacheable<T>(
  db: Kysely<Database>,
  dialect: Dialect,
  workspaceId: string,
  build: (db: Kysely<Database>) => Promise<T>,
): Promise<{ result: T; stamp: number | null }> {
  if (dialect === 'sqlite') {
    const stamp = await workspaceStamp(db, workspaceId);
    return { result: await build(db), stamp };
  }
  const locked = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      free: boolean;
    }>`select pg_try_advisory_xact_lock(${CHANGE_LOG_LOCK}, hashtext(${workspaceId})) as free`.execute(trx);
    if (!rows[0]?.free) return null;
    const stamp = await workspaceStamp(trx, workspaceId);
    return { result: await build(trx), stamp };
  });
  return locked ?? { result: await build(db), stamp: null };
}
