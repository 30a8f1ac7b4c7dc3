import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../../src/server/db/connection.js';

/**
 * Opens the SQLite file the killed server left behind (recovering its WAL as any next opener
 * would) and runs SQLite's own checks. Returns the problems found; empty means sound.
 */
export function sqliteIntegrity(file: string): string[] {
  const db = new SqliteDatabase(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeys = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    return [
      ...integrity.filter((line) => line !== 'ok').map((line) => `integrity_check: ${line}`),
      ...foreignKeys.map((r) => `foreign_key_check: ${r.table} row ${r.rowid} points to a missing ${r.parent}`),
    ];
  } finally {
    db.close();
  }
}

/** Verifies every B-tree index of the database against its table with PostgreSQL's amcheck. */
export async function postgresIntegrity(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create extension if not exists amcheck');
    const { rows } = await client.query<{ name: string }>(
      `select c.relname as name from pg_index i
         join pg_class c on c.oid = i.indexrelid
         join pg_am am on am.oid = c.relam
        where am.amname = 'btree' and c.relnamespace = 'public'::regnamespace`,
    );
    const problems: string[] = [];
    for (const { name } of rows) {
      try {
        await client.query('select bt_index_check($1::regclass, true)', [name]);
      } catch (error) {
        problems.push(`amcheck ${name}: ${(error as Error).message}`);
      }
    }
    return problems;
  } finally {
    await client.end();
  }
}

/**
 * A change and its change-log entry commit together: a product at version v has exactly v
 * product entries (created + one per edit), and a first lifecycle-stage row.
 */
export async function changeLogConsistency(db: Db, workspaceId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string; version: number; entries: number; stages: number }>`
    select p.id, p.version,
      (select count(*) from change_log c where c.entity = 'product' and c.entity_id = p.id) as entries,
      (select count(*) from product_stages s where s.product_id = p.id) as stages
    from products p where p.workspace_id = ${workspaceId}`.execute(db.kysely);
  return rows.flatMap((r) => {
    const problems: string[] = [];
    if (Number(r.entries) !== Number(r.version)) problems.push(`${r.id}: version ${r.version} but ${r.entries} change-log entries`);
    if (Number(r.stages) < 1) problems.push(`${r.id}: no lifecycle-stage entry`);
    return problems;
  });
}
