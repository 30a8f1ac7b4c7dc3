import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, type Db, type Dialect } from '../../src/server/db/connection.js';
import { createDatabase, dropDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '../../src/server/testing/postgres.js';

/** Where a run keeps its data: a temporary SQLite directory, or a throwaway PostgreSQL server. */
export interface Store {
  dialect: Dialect;
  dataDir: string;
  databaseUrl: string | undefined;
  /** The PostgreSQL server, for restart tests; null on SQLite and on a server given by CAIRN_TEST_DATABASE_URL. */
  postgres: ThrowawayPostgres | null;
  /** A direct connection for seeding and checks (the server has its own). */
  open(): Db;
  dispose(): Promise<void>;
}

let counter = 0;

/**
 * On PostgreSQL, like the test suites: a fresh database on the server CAIRN_TEST_DATABASE_URL
 * points at (dropped afterwards), else a throwaway server of its own.
 */
export async function createStore(dialect: Dialect, options: { durable?: boolean } = {}): Promise<Store> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-'));
  let postgres: ThrowawayPostgres | null = null;
  let databaseUrl: string | undefined;
  let dropOwnDatabase = async () => {};
  if (dialect === 'postgres') {
    const external = process.env.CAIRN_TEST_DATABASE_URL;
    if (external) {
      const name = `cairn_bench_${process.pid}_${Date.now()}_${counter++}`;
      databaseUrl = await createDatabase(external, name);
      dropOwnDatabase = () => dropDatabase(external, name);
    } else {
      postgres = await startThrowawayPostgres({ durable: options.durable ?? true });
      databaseUrl = await createDatabase(postgres.url, 'cairn');
    }
  }
  return {
    dialect,
    dataDir,
    databaseUrl,
    postgres,
    open: () => connect({ dataDir, databaseUrl, poolSize: 2 }),
    async dispose() {
      await dropOwnDatabase();
      await postgres?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const sqliteFile = (store: Store) => path.join(store.dataDir, 'cairn.db');
