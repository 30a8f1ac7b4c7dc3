import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { IMPORT_KINDS, type ImportNotice, type ImportRowError } from '../../../contract/discovery.js';
import type { Database, ImportRow } from '../../db/schema.js';
import { appendChange } from '../../events/change-log.js';
import { AppError, invalid, notFound } from '../../http/errors.js';
import { newId, nowIso } from '../../lib/ids.js';
import type { Services } from '../../services.js';
import { type Access, authorize } from '../workspaces/service.js';
import { startCheck } from './check.js';
import { loadLookups } from './convert.js';
import { CsvFileError, readCsvHeader } from './csv-file.js';
import { FIELDS, type ImportKind } from './fields.js';
import { notice } from './notices.js';
import { runImport } from './runner.js';

const MAX_REPORTED_ERRORS = 1000;

export function toImportDto(r: ImportRow) {
  return {
    id: r.id,
    kind: r.kind as ImportKind,
    status: r.status as 'running' | 'done' | 'failed',
    fileName: r.file_name,
    onError: r.on_error as 'skip' | 'stop',
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    createdRows: r.created_rows,
    updatedRows: r.updated_rows,
    skippedRows: r.skipped_rows,
    unchangedRows: r.unchanged_rows,
    errors: (JSON.parse(r.errors) as (Partial<ImportRowError> & { line: number; reason: string })[])
      .slice(0, MAX_REPORTED_ERRORS)
      .map((e) => ({ line: e.line, endLine: e.endLine ?? e.line, reason: e.reason, problems: e.problems ?? [] })),
    message: r.message,
    notice: r.notice ? (JSON.parse(r.notice) as ImportNotice) : null,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

const Options = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  mapping: z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object: {"CSV column": "field"}' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().max(200), z.string().max(40))),
  onError: z.enum(['skip', 'stop']).default('skip'),
  createCustomers: z.enum(['true', 'false']).default('false'),
});

/** Reads the multipart form: option fields first, then the file. */
async function readForm(request: FastifyRequest): Promise<{ fields: Record<string, string>; file: MultipartFile; bytes: Buffer }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the CSV as multipart/form-data with a `file` part.');
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw invalid([{ path: part.fieldname, message: 'The file part must be named "file"' }]);
        const bytes = await part.toBuffer();
        return { fields, file: part, bytes };
      }
      const value = String(part.value);
      if (value.includes('\u0000')) throw invalid([{ path: part.fieldname, message: 'Contains U+0000' }]);
      fields[part.fieldname] = value;
    }
  } catch (error) {
    // Size limits keep their 413; anything else the multipart parser trips on is a bad upload.
    if (error instanceof AppError || (error as { statusCode?: number }).statusCode === 413) throw error;
    throw new AppError('validation_failed', `The upload is not valid multipart/form-data: ${(error as Error).message}`);
  }
  throw invalid([{ path: 'file', message: 'No CSV file was sent' }]);
}

/** What an import needs, however it arrives (web upload or CLI). */
export interface ImportRequest {
  kind: ImportKind;
  mapping: Record<string, string>;
  onError: 'skip' | 'stop';
  createCustomers: boolean;
  fileName: string;
  bytes: Uint8Array;
  /**
   * Called while rows are checked (every 1,000) and after each committed batch (the CLI
   * draws its progress bar from it).
   */
  onProgress?: (job: ReturnType<typeof toImportDto>, phase: 'checking' | 'writing') => void;
}

/**
 * Starts an import: checks the file and the mapping up front (so a bad upload writes
 * nothing), records the job, and processes the rows in the background.
 */
export async function createImportJob(services: Services, access: Access, request: ImportRequest) {
  authorize(access, 'import.run');
  const fileError = (message: string) => new AppError('validation_failed', message, { errors: [{ path: 'file', message }] });
  let header: string[];
  try {
    header = readCsvHeader(request.bytes);
  } catch (error) {
    if (error instanceof CsvFileError) throw fileError(error.message);
    throw error;
  }
  const allowed = FIELDS[request.kind];
  const errors: { path: string; message: string }[] = [];
  for (const [column, field] of Object.entries(request.mapping)) {
    if (!header.includes(column)) errors.push({ path: `mapping.${column}`, message: `No column "${column}" in the file` });
    if (!(allowed as readonly string[]).includes(field))
      errors.push({ path: `mapping.${column}`, message: `Unknown field "${field}"; use one of ${allowed.join(', ')}` });
  }
  const mappedFields = Object.values(request.mapping);
  const required = request.kind === 'insights' ? 'text' : 'name';
  if (!mappedFields.includes(required)) errors.push({ path: 'mapping', message: `Map a column to "${required}"` });
  const duplicates = mappedFields.filter((f, i) => mappedFields.indexOf(f) !== i);
  if (duplicates.length > 0)
    errors.push({ path: 'mapping', message: `Each field once: ${[...new Set(duplicates)].join(', ')} mapped twice` });
  if (errors.length > 0) throw invalid(errors, 'The column mapping does not fit this file.');

  // The whole file is parsed and checked off this thread; the job is recorded once its rows are counted.
  const messages = startCheck(request.bytes, {
    kind: request.kind,
    mapping: request.mapping,
    createCustomers: request.createCustomers,
    lookups: await loadLookups(services.db, access.workspace.id),
    workspaceId: access.workspace.id,
    actorId: access.actorId,
  });
  const first = await messages.next();
  if (first.type === 'failed') throw first.fileProblem ? fileError(first.message) : new Error(first.message);
  if (first.type !== 'parsed') throw new Error(`The file check answered ${first.type} before counting rows`);

  const now = nowIso();
  const job: ImportRow = {
    id: newId(),
    workspace_id: access.workspace.id,
    kind: request.kind,
    status: 'running',
    file_name: request.fileName.slice(0, 200) || 'import.csv',
    on_error: request.onError,
    mapping: JSON.stringify(request.mapping),
    total_rows: first.totalRows,
    processed_rows: 0,
    created_rows: 0,
    updated_rows: 0,
    skipped_rows: 0,
    unchanged_rows: 0,
    errors: '[]',
    ...(first.encoding === 'utf-8' ? { message: null, notice: null } : notice('read_as_windows_1252')),
    created_by: access.actorId,
    created_at: now,
    finished_at: null,
  };
  await services.db.transaction().execute(async (trx) => {
    await trx.insertInto('imports').values(job).execute();
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'import',
      entityId: job.id,
      action: 'started',
      actorId: access.actorId,
      changes: { fileName: { from: null, to: job.file_name }, rows: { from: null, to: job.total_rows } },
    });
  });
  const onProgress = request.onProgress;
  const done = runImport(services, access, job, messages, {
    ...(onProgress && { onProgress: (row: ImportRow, phase: 'checking' | 'writing') => onProgress(toImportDto(row), phase) }),
  });
  services.backgroundJobs.add(done);
  done.finally(() => services.backgroundJobs.delete(done));
  return { job: toImportDto(job), done };
}

/** The web upload: multipart form fields, then the file. */
export async function startImport(services: Services, access: Access, request: FastifyRequest) {
  authorize(access, 'import.run');
  const { fields, file, bytes } = await readForm(request);
  const parsed = Options.safeParse(fields);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'form', message: i.message })));
  const { job } = await createImportJob(services, access, {
    kind: parsed.data.kind,
    mapping: parsed.data.mapping,
    onError: parsed.data.onError,
    createCustomers: parsed.data.createCustomers === 'true',
    fileName: file.filename || 'import.csv',
    bytes,
  });
  return job;
}

export async function getImport(services: Services, access: Access, id: string) {
  authorize(access, 'discovery.read');
  const row = await services.db
    .selectFrom('imports')
    .selectAll()
    .where('id', '=', id)
    .where('workspace_id', '=', access.workspace.id)
    .executeTakeFirst();
  if (!row) throw notFound('This import');
  return toImportDto(row);
}

export async function listImports(services: Services, access: Access) {
  authorize(access, 'discovery.read');
  const rows = await services.db
    .selectFrom('imports')
    .selectAll()
    .where('workspace_id', '=', access.workspace.id)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return { items: rows.map(toImportDto) };
}

/** Jobs left running by a stopped server are closed with what they had committed. */
export async function closeInterruptedImports(db: Kysely<Database>): Promise<void> {
  const running = await db.selectFrom('imports').select(['id', 'created_rows', 'updated_rows']).where('status', '=', 'running').execute();
  for (const job of running) {
    await db
      .updateTable('imports')
      .set({ status: 'failed', finished_at: nowIso(), ...notice('interrupted', { written: job.created_rows + job.updated_rows }) })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .execute();
  }
}
