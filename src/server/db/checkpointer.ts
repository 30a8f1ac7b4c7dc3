import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Moves SQLite's WAL checkpoints off the request path.
 *
 * In WAL mode a commit appends pages to the -wal file; a checkpoint copies them back into the
 * database file. By default the connection that commits runs the checkpoint itself once the
 * WAL passes 1,000 pages, inside that commit: the request whose write crosses the line waits
 * for it (an import did so after nearly every batch, paying most of its commit time there).
 * Here a worker thread with its own connection checkpoints every half second (PASSIVE: it
 * never blocks readers or the writer, and copies each page once however many commits changed
 * it), on the other core. The app's connection keeps a far higher threshold as a fallback, so
 * the WAL stays bounded even if the worker stops. Durability is unchanged: commits are synced
 * to the WAL as before; checkpoints only decide when pages also reach the main file.
 */
export const FALLBACK_PAGES = 20_000;
const EVERY_MS = 500;

// Plain JavaScript, so the worker runs the same from the build and from the TypeScript sources.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
let stopping = false;
const checkpoint = (mode) => {
  try {
    db.pragma('wal_checkpoint(' + mode + ')');
  } catch {
    // Busy or the file is going away: the next tick (or the app's fallback) catches up.
  }
};
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.every);
parentPort.on('message', () => {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  checkpoint('PASSIVE');
  db.close();
  parentPort.postMessage('stopped');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, every: EVERY_MS } });
  // Never keep the process alive on its own, never take it down.
  worker.unref();
  worker.on('error', () => {});
  let stopped: Promise<void> | null = null;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const done = () => resolve();
        worker.once('exit', done);
        worker.once('message', () => void worker.terminate().then(done, done));
        worker.postMessage('stop');
        setTimeout(() => void worker.terminate().then(done, done), 5_000).unref();
      });
      return stopped;
    },
  };
}
