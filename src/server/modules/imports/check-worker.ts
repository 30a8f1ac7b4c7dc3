import { parentPort, workerData } from 'node:worker_threads';
import { type CheckMessage, type CheckOptions, checkFile } from './check.js';
import { CsvFileError } from './csv-file.js';

/** A worker thread that checks one import file (see check.ts) and ends. */
const { bytes, options } = workerData as { bytes: Uint8Array; options: CheckOptions };
const send = (message: CheckMessage) => parentPort!.postMessage(message);
try {
  checkFile(bytes, options, send);
} catch (error) {
  send({ type: 'failed', message: (error as Error).message, fileProblem: error instanceof CsvFileError });
}
