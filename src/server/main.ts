import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import { connect } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { closeInterruptedImports } from './modules/imports/service.js';

/** Starts Cairn: connects, migrates, serves the API and the web app, stops cleanly on signals. */
export async function startServer(config: Config = loadConfig()) {
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
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
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
