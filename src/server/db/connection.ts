import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type SqliteDatabase as KyselySqlite, PostgresDialect, SqliteDialect, type SqliteStatement } from 'kysely';
import pg from 'pg';
import { FALLBACK_PAGES, startCheckpointer } from './checkpointer.js';
import type { Database } from './schema.js';

/** SQLite's page cache per connection, in KiB (why this size: see below). */
export const SQLITE_CACHE_KIB = 16_384;

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
  // 16 MiB of page cache holds the hot index pages; the rest of the file is read from the
  // OS's cache. 32 MiB kept the server above 200 MB with 100,000 items of every kind. Imports
  // may pay for it: 7.9-8.5k rows/s against 10.4k with 32 MiB in one morning's runs (repeated
  // runs spread over 8-14k; 64 MiB was no faster than 32).
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  // Checkpoints run on a worker thread (see checkpointer.ts); this is only the fallback.
  const checkpointer = file === ':memory:' ? null : startCheckpointer(file);
  if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    kysely,
    dialect: 'sqlite',
    async integrityCheck() {
      const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
      return rows.length === 1 && rows[0]?.integrity_check === 'ok';
    },
    async close() {
      await checkpointer?.stop();
      await kysely.destroy();
    },
  };
}

const STATEMENT_CACHE = 500;
const DDL = /^\s*(create|alter|drop)\s/i;

/**
 * better-sqlite3 with two savings on every query Kysely runs: statements are prepared once
 * per SQL text and reused (compiling SQL cost more than running the small queries every
 * request makes), and rows are read as arrays and turned into objects here, which is
 * several times cheaper than better-sqlite3 building each row object itself. The objects
 * are the same (same keys in the same order; a repeated column name keeps its last value).
 */
export function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqlite {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      // A schema change (migrations) can change what `select *` returns: start afresh.
      if (DDL.test(sql)) cache.clear();
      const cached = cache.get(sql);
      // A statement still being iterated (a stream) cannot run again until it is done.
      if (cached && !(cached as { busy?: boolean }).busy) return cached;
      const statement = wrapStatement(sqlite.prepare(sql));
      if (!cached) {
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

function wrapStatement(statement: SqliteDatabase.Statement): SqliteStatement {
  if (!statement.reader) return statement as unknown as SqliteStatement;
  let columns = statement.columns().map((c) => c.name);
  // A column named __proto__ would set the prototype instead of a property: let
  // better-sqlite3 build such rows itself.
  if (columns.includes('__proto__')) return statement as unknown as SqliteStatement;
  statement.raw(true);
  const toObject = (row: unknown[]): Record<string, unknown> => {
    // Another process changed the schema and SQLite prepared the statement again.
    if (row.length !== columns.length) columns = statement.columns().map((c) => c.name);
    const out: Record<string, unknown> = {};
    for (let k = 0; k < columns.length; k += 1) out[columns[k]!] = row[k];
    return out;
  };
  return {
    reader: true,
    get busy() {
      return statement.busy;
    },
    all(parameters: ReadonlyArray<unknown>) {
      const rows = statement.all(parameters) as unknown[][];
      const out = new Array<Record<string, unknown>>(rows.length);
      for (let i = 0; i < rows.length; i += 1) out[i] = toObject(rows[i]!);
      return out;
    },
    run(parameters: ReadonlyArray<unknown>) {
      return statement.run(parameters);
    },
    *iterate(parameters: ReadonlyArray<unknown>) {
      for (const row of statement.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(row);
    },
  } as SqliteStatement;
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
