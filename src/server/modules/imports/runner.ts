import { type Kysely, sql } from 'kysely';
import type { ImportRowError } from '../../../contract/discovery.js';
import type { CustomerRow, Database, ImportRow } from '../../db/schema.js';
import { nowIso } from '../../lib/ids.js';
import type { Services } from '../../services.js';
import type { Access } from '../workspaces/service.js';
import {
  cellsByField,
  convertCustomer,
  convertInsight,
  loadLookups,
  type RowResult,
  type ValidCustomer,
  type ValidInsight,
} from './convert.js';
import type { ParsedCsv } from './csv-file.js';
import { notice } from './notices.js';
import { writeCustomers, writeInsights } from './write.js';

/**
 * Rows per transaction. Each commit writes every page the batch touched (the insight
 * indexes take rows in date and customer order, so pages all over them) to the WAL and
 * syncs it: fewer, larger commits write each page once for many rows. A batch still takes
 * well under a second, and the event loop is given back between batches.
 */
const BATCH = 5000;

/** Rows checked between two looks at the event loop (and two progress reports) while checking. */
const CHECK_SLICE = 1000;

/** The report keeps this many row errors; the counts cover them all. */
const MAX_REPORTED = 1000;

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
 * Processes an import job. Every row is checked before anything is written; then rows are
 * written in batches, each batch in one transaction together with the job's counters, so
 * the report always matches what is in the database — even if the server stops half way.
 */
export async function runImport(
  services: Services,
  access: Access,
  job: ImportRow,
  csv: ParsedCsv,
  options: {
    mapping: Record<string, string>;
    createCustomers: boolean;
    onProgress?: (job: ImportRow, phase: 'checking' | 'writing') => void;
  },
): Promise<void> {
  const { db } = services;
  const workspaceId = access.workspace.id;
  try {
    const errors: ImportRowError[] = [];
    let badRows = 0;
    const ctx = {
      lookups: await loadLookups(db, workspaceId),
      createCustomers: options.createCustomers,
      pending: new Map<string, CustomerRow>(),
      workspaceId,
      actorId: access.actorId,
    };
    const valid: (ValidInsight | ValidCustomer)[] = [];
    const records = csv.records;
    for (let index = 0; index < records.length; index++) {
      if (index % CHECK_SLICE === CHECK_SLICE - 1) {
        options.onProgress?.({ ...job, processed_rows: index }, 'checking');
        await yieldToEventLoop();
      }
      const record = records[index]!;
      const structural = csv.lineErrors.get(record.line);
      const result: RowResult<ValidInsight | ValidCustomer> = structural
        ? { ok: false, problems: [structural] }
        : job.kind === 'insights'
          ? convertInsight(cellsByField(csv.header, record.cells, options.mapping), ctx)
          : convertCustomer(cellsByField(csv.header, record.cells, options.mapping));
      if (result.ok) valid.push(result.value);
      else {
        badRows++;
        if (errors.length < MAX_REPORTED)
          errors.push({
            line: record.line,
            endLine: record.endLine,
            reason: result.problems.map((p) => p.reason).join('; '),
            problems: result.problems,
          });
      }
    }
    // The parsed file is no longer needed: let its rows go while the batches are written.
    records.length = 0;
    const reportedErrors = JSON.stringify(errors);
    if (badRows > 0 && job.on_error === 'stop') {
      await saveProgress(db, job, {
        status: 'failed',
        errors: reportedErrors,
        skipped_rows: 0,
        processed_rows: 0,
        finished_at: nowIso(),
        ...notice('stopped_on_bad_rows', { count: badRows }),
      });
      return;
    }
    await saveProgress(db, job, { errors: reportedErrors, skipped_rows: badRows });
    for (let start = 0; start < valid.length; start += BATCH) {
      const batch = valid.slice(start, start + BATCH);
      await db.transaction().execute(async (trx) => {
        const counts =
          job.kind === 'insights'
            ? await writeInsights(trx, services, access, job, batch as ValidInsight[])
            : await writeCustomers(trx, services, access, job, batch as ValidCustomer[]);
        await saveProgress(trx, job, {
          created_rows: job.created_rows + counts.created,
          updated_rows: job.updated_rows + counts.updated,
          unchanged_rows: job.unchanged_rows + counts.unchanged,
          processed_rows: Math.min(job.total_rows, badRows + start + batch.length),
        });
      });
      // Written rows are no longer needed either.
      valid.fill(undefined as never, start, start + batch.length);
      options.onProgress?.(job, 'writing');
      await yieldToEventLoop();
    }
    await refreshStatistics(services, job.created_rows + job.updated_rows);
    await saveProgress(db, job, { status: 'done', processed_rows: job.total_rows, finished_at: nowIso() });
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
