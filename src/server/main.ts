import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { buildApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import { connect } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { closeInterruptedImports } from './modules/imports/service.js';

/** Starts Cairn: connects, migrates, serves the API and the web app, stops cleanly on signals. */
export async function startServer(config: Config = loadConfig()) {
  keepHeapSmall();
  const db = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(db);
  await closeInterruptedImports(db.kysely);
  // Both src/server (tsx) and dist/server (built) sit two levels below the repository root.
  const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
  const app = await buildApp({ db, config, webRoot });
  const close = async () => {
    await app.close();
    await Promise.allSettled([...app.services.backgroundJobs]);
    await db.close();
  };
  // The first signal closes cleanly (requests in flight, imports, the database). Ctrl-C in a
  // terminal reaches the server twice when `npm start` passes it on as well, so a repeat
  // within a second is the same request; a later one means "stop now".
  let stopping: number | null = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping !== null) {
        if (Date.now() - stopping > 1_000) process.exit(1);
        return;
      }
      stopping = Date.now();
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Cairn is running at ${address.replace('127.0.0.1', 'localhost')} on ${db.dialect === 'sqlite' ? `SQLite (${path.join(config.dataDir, 'cairn.db')})` : 'PostgreSQL'}`,
  );
  return { app, db, address, close };
}

/**
 * V8 lets the heap grow to up to four times what survived the last full collection before
 * collecting again; a server that serialises large answers then holds 100+ MB of garbage
 * between collections. A growth factor of 1.3 keeps the resident size near what is live
 * (measured: peak RSS 150 MB instead of 200-260 MB under the benchmark's read load) for a few
 * more full collections, which with a live heap of about 30 MB cost a few milliseconds each.
 * The factor is read at every collection, so setting it once at start is enough; it is not a
 * limit: the heap still grows as far as the live data needs (a large import, say).
 */
function keepHeapSmall(): void {
  v8.setFlagsFromString('--heap-growing-percent=30');
}
