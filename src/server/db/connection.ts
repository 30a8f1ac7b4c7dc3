import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Runs the dialect's own integrity check; true when the database is sound. */
  integrityCheck(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** Directory holding cairn.db when on SQLite. */
  dataDir: string;
  /** Overrides the SQLite file (":memory:" for tests). */
  sqliteFile?: string;
  poolSize?: number;
}

// COUNT/SUM come back as strings from pg: numbers are what the app expects.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export function connect(options: ConnectOptions): Db {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.poolSize ?? 10);
  const file = options.sqliteFile ?? path.join(options.dataDir, 'cairn.db');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  return connectSqlite(file);
}

function connectSqlite(file: string): Db {
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers run beside the writer; FULL sync makes an acknowledged commit
  // survive a crash of the process and of the machine.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache keeps index pages of large tables in memory during bulk writes.
  sqlite.pragma('cache_size = -65536');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    kysely,
    dialect: 'sqlite',
    async integrityCheck() {
      const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
      return rows.length === 1 && rows[0]?.integrity_check === 'ok';
    },
    async close() {
      await kysely.destroy();
    },
  };
}

function connectPostgres(url: string, max: number): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  // A dropped connection (server restart) must not crash the app: the pool reconnects.
  // Idle clients report through the pool; a client checked out when the server goes away
  // emits on itself, and an unhandled 'error' event would take the whole process down.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    async integrityCheck() {
      await pool.query('select 1');
      return true;
    },
    async close() {
      await kysely.destroy();
    },
  };
}
