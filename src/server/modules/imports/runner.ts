import { type Kysely, sql } from 'kysely';
import type { ImportRowError } from '../../../contract/discovery.js';
import type { Database, ImportRow } from '../../db/schema.js';
import { nowIso } from '../../lib/ids.js';
import type { Services } from '../../services.js';
import type { Access } from '../workspaces/service.js';
import { type CheckMessages, MAX_REPORTED } from './check.js';
import type { ValidCustomer, ValidInsight } from './convert.js';
import { notice } from './notices.js';
import { writeCustomers, writeInsights } from './write.js';

/**
 * Rows per transaction. Each commit writes every page the batch touched (the insight
 * indexes take rows in date and customer order, so pages all over them) to the WAL and
 * syncs it: fewer, larger commits write each page once for many rows. A batch still takes
 * well under a second, and the event loop is given back between batches.
 */
const BATCH = 5000;

/**
 * Lets the event loop serve other requests. SQLite calls are synchronous and a resolved
 * promise chain never yields to I/O on its own, so a long import would otherwise starve
 * every other request (including its own progress polls).
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function saveProgress(trx: Kysely<Database>, job: ImportRow, patch: Partial<ImportRow>) {
  Object.assign(job, patch);
  await trx.updateTable('imports').set(patch).where('id', '=', job.id).execute();
}

/**
 * Writes an import job's rows as the check reports them: in batches, each batch in one
 * transaction together with the job's counters and report, so the report always matches
 * what is in the database — even if the server stops half way. When bad rows must stop the
 * import, nothing is written until every row has been checked.
 */
export async function runImport(
  services: Services,
  access: Access,
  job: ImportRow,
  messages: CheckMessages,
  options: { onProgress?: (job: ImportRow, phase: 'checking' | 'writing') => void } = {},
): Promise<void> {
  const { db } = services;
  const workspaceId = access.workspace.id;
  const stopOnError = job.on_error === 'stop';
  const errors: ImportRowError[] = [];
  let bad = 0;
  let checked = 0;
  let written = 0;
  let total = job.total_rows;
  const waiting: (ValidInsight | ValidCustomer)[] = [];

  const writeBatch = async (batch: (ValidInsight | ValidCustomer)[]) => {
    await inLightlySyncedTransaction(services, async (trx) => {
      const counts =
        job.kind === 'insights'
          ? await writeInsights(trx, services, access, job, batch as ValidInsight[])
          : await writeCustomers(trx, services, access, job, batch as ValidCustomer[]);
      written += batch.length;
      await saveProgress(trx, job, {
        created_rows: job.created_rows + counts.created,
        updated_rows: job.updated_rows + counts.updated,
        unchanged_rows: job.unchanged_rows + counts.unchanged,
        skipped_rows: bad,
        processed_rows: Math.min(job.total_rows, bad + written),
        errors: JSON.stringify(errors),
      });
    });
    options.onProgress?.(job, 'writing');
    // Other requests get their turn between batches (SQLite calls are synchronous).
    await yieldToEventLoop();
  };

  try {
    for await (const message of messages) {
      if (message.type === 'failed') throw new Error(message.message);
      if (message.type === 'done') {
        // The count made before reading is exact for any file the parser reads as it does;
        // the rows actually read are the ones reported.
        total = message.totalRows;
        break;
      }
      if (message.type !== 'rows') continue;
      bad += message.bad;
      checked = message.checked;
      for (const e of message.errors) if (errors.length < MAX_REPORTED) errors.push(e);
      for (const v of message.valid) waiting.push(v);
      if (stopOnError) {
        options.onProgress?.({ ...job, processed_rows: checked }, 'checking');
        continue;
      }
      while (waiting.length >= BATCH) await writeBatch(waiting.splice(0, BATCH));
    }
    if (stopOnError && bad > 0) {
      await saveProgress(db, job, {
        total_rows: total,
        status: 'failed',
        errors: JSON.stringify(errors),
        skipped_rows: 0,
        processed_rows: 0,
        finished_at: nowIso(),
        ...notice('stopped_on_bad_rows', { count: bad }),
      });
      return;
    }
    while (waiting.length > 0) await writeBatch(waiting.splice(0, BATCH));
    await refreshStatistics(services, job.created_rows + job.updated_rows);
    await saveProgress(db, job, {
      status: 'done',
      skipped_rows: bad,
      errors: JSON.stringify(errors),
      total_rows: total,
      processed_rows: total,
      finished_at: nowIso(),
    });
    options.onProgress?.(job, 'writing');
  } catch (error) {
    await saveProgress(db, job, {
      status: 'failed',
      finished_at: nowIso(),
      ...notice('failed_after_rows', { written: job.created_rows + job.updated_rows, error: (error as Error).message }),
    }).catch(() => {});
  } finally {
    services.similarity.invalidate(workspaceId);
  }
}

/**
 * Runs one batch of an import in a transaction whose commit does not wait for the disk.
 *
 * A batch's commit is atomic either way; what it skips is the fsync (SQLite's synchronous =
 * NORMAL in WAL mode, PostgreSQL's synchronous_commit = off), which took a tenth of an
 * import's time. If the machine loses power during an import, the last batches may be lost,
 * together with the counters and report saved in the same transactions: what remains is
 * exactly what the job reports, and the job is marked as interrupted at the next start. The
 * import is durable once it says so: it saves its final state with an ordinary commit, whose
 * sync also covers every batch before it (both logs are written in order). A process crash
 * loses nothing, since the written pages are with the operating system already.
 *
 * On SQLite the one connection is held for the whole time, so no other request's commit runs
 * with the lighter setting.
 */
async function inLightlySyncedTransaction(services: Services, work: (trx: Kysely<Database>) => Promise<void>): Promise<void> {
  if (services.dialect === 'postgres') {
    await services.db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      await work(trx);
    });
    return;
  }
  await services.db.connection().execute(async (connection) => {
    await sql`pragma synchronous = NORMAL`.execute(connection);
    try {
      await connection.transaction().execute(work);
    } finally {
      await sql`pragma synchronous = FULL`.execute(connection);
    }
  });
}

/** Rows written by one import past which PostgreSQL's planner statistics are refreshed. */
const ANALYZE_AFTER = 1000;

/**
 * After a bulk load PostgreSQL still plans with the statistics it had before (autovacuum
 * catches up within minutes): a 100,000-row import into a new workspace made the inbox pick
 * the status index, read every row and sort them (over 100 ms a page) instead of walking
 * the date index (under 1 ms). SQLite plans from its indexes alone and needs nothing.
 */
async function refreshStatistics(services: Services, written: number): Promise<void> {
  if (services.dialect !== 'postgres' || written < ANALYZE_AFTER) return;
  // Only a matter of speed: the import has succeeded whatever happens here.
  await sql`analyze insights, customers, search_docs, change_log`.execute(services.db).catch(() => {});
}
