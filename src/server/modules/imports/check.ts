import type { ImportRowError } from '../../../contract/discovery.js';
import type { CustomerRow } from '../../db/schema.js';
import { startModuleWorker } from '../../lib/worker.js';
import {
  cellsByField,
  convertCustomer,
  convertInsight,
  type Lookups,
  type RowResult,
  type ValidCustomer,
  type ValidInsight,
} from './convert.js';
import { type CsvEncoding, CsvFileError, openCsv } from './csv-file.js';
import type { ImportKind } from './fields.js';

/** What checking a file needs besides the file: everything a worker thread can be sent. */
export interface CheckOptions {
  kind: ImportKind;
  mapping: Record<string, string>;
  createCustomers: boolean;
  lookups: Lookups;
  workspaceId: string;
  actorId: string;
}

/**
 * Checking reports in this order: the file's shape once (with its rows counted, before they
 * are read), then slices of rows as they are read, then the end with the rows there were.
 */
export type CheckMessage =
  | { type: 'parsed'; totalRows: number; header: string[]; encoding: CsvEncoding }
  | { type: 'rows'; valid: (ValidInsight | ValidCustomer)[]; errors: ImportRowError[]; bad: number; checked: number }
  | { type: 'done'; totalRows: number }
  | { type: 'failed'; message: string; fileProblem: boolean };

/** Rows per 'rows' message: a batch of writes on the other side. */
export const CHECK_SLICE = 5000;

/** Row errors a report lists; the counts cover them all. */
export const MAX_REPORTED = 1000;

/**
 * Reads the file and checks every row, reporting as it goes: rows are read, checked and sent
 * a slice at a time, so the first ones are being written while the rest of the file is read.
 * Pure work on the file (no database): it runs on a worker thread for large files, so neither
 * reading nor checking holds up other requests.
 */
export function checkFile(bytes: Uint8Array, options: CheckOptions, send: (message: CheckMessage) => void): void {
  const csv = openCsv(bytes);
  send({ type: 'parsed', totalRows: csv.countedRecords, header: csv.header, encoding: csv.encoding });
  const ctx = {
    lookups: options.lookups,
    createCustomers: options.createCustomers,
    pending: new Map<string, CustomerRow>(),
    workspaceId: options.workspaceId,
    actorId: options.actorId,
  };
  let valid: (ValidInsight | ValidCustomer)[] = [];
  let errors: ImportRowError[] = [];
  let bad = 0;
  let reported = 0;
  let checked = 0;
  const flush = () => {
    send({ type: 'rows', valid, errors, bad, checked });
    valid = [];
    errors = [];
    bad = 0;
  };
  const total = csv.readRecords((record, structural) => {
    const fields = structural ? null : cellsByField(csv.header, record.cells, options.mapping);
    const result: RowResult<ValidInsight | ValidCustomer> = !fields
      ? { ok: false, problems: [structural!] }
      : options.kind === 'insights'
        ? convertInsight(fields, ctx)
        : convertCustomer(fields);
    if (result.ok) valid.push(result.value);
    else {
      bad++;
      // The report keeps the first ones; the counts cover them all.
      if (reported++ < MAX_REPORTED)
        errors.push({
          line: record.line,
          endLine: record.endLine,
          reason: result.problems.map((p) => p.reason).join('; '),
          problems: result.problems,
        });
    }
    if (++checked % CHECK_SLICE === 0) flush();
  });
  if (checked % CHECK_SLICE !== 0) flush();
  send({ type: 'done', totalRows: total });
}

/** Messages as they arrive, consumed once, in order. */
export class CheckMessages implements AsyncIterable<CheckMessage> {
  private readonly queue: CheckMessage[] = [];
  private waiting: ((message: CheckMessage) => void) | null = null;

  push(message: CheckMessage): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(message);
    } else this.queue.push(message);
  }

  next(): Promise<CheckMessage> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  async *[Symbol.asyncIterator](): AsyncIterator<CheckMessage> {
    for (;;) {
      const message = await this.next();
      yield message;
      if (message.type === 'done' || message.type === 'failed') return;
    }
  }
}

/** Files up to this size are checked on the calling thread: starting a worker would cost more. */
const INLINE_BYTES = 256 * 1024;

/**
 * Checks a file on a worker thread (or inline when small) and returns its messages. The
 * bytes are handed over to the worker when they own their memory, copied otherwise.
 */
export function startCheck(bytes: Uint8Array, options: CheckOptions): CheckMessages {
  const messages = new CheckMessages();
  if (bytes.byteLength <= INLINE_BYTES) {
    try {
      checkFile(bytes, options, (m) => messages.push(m));
    } catch (error) {
      messages.push({ type: 'failed', message: (error as Error).message, fileProblem: error instanceof CsvFileError });
    }
    return messages;
  }
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const worker = startModuleWorker(import.meta.url, 'check-worker', { bytes, options }, owned ? [bytes.buffer] : []);
  let ended = false;
  worker.on('message', (m: CheckMessage) => {
    if (m.type === 'done' || m.type === 'failed') ended = true;
    messages.push(m);
  });
  worker.on('error', (error) => {
    if (ended) return;
    ended = true;
    messages.push({ type: 'failed', message: error.message, fileProblem: false });
  });
  worker.on('exit', (code) => {
    if (ended) return;
    ended = true;
    messages.push({ type: 'failed', message: `The file check stopped (exit code ${code}).`, fileProblem: false });
  });
  return messages;
}
