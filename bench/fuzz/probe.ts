import { sql } from 'kysely';
import type { Db } from '../../src/server/db/connection.js';

/** Columns a request may touch without writing anything the user did: sign-in bookkeeping. */
const TOUCH_COLUMNS = new Set(['last_seen_at', 'last_used_at']);

export interface Probe {
  /** A summary that changes whenever a row is inserted, deleted or edited in any table. */
  fingerprint(): Promise<string>;
}

/**
 * Builds one query over every table (found by introspection, so new tables are covered
 * without touching this file): row count, sum of `version`, and count and max of each
 * timestamp column.
 */
export async function databaseProbe(db: Db): Promise<Probe> {
  const tables = await db.kysely.introspection.getTables();
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const parts = tables.flatMap((t) => {
    const from = `from ${q(t.name)}`;
    const cols = t.columns.flatMap((c) => {
      if (c.name === 'version') return [`(select sum(${q(c.name)}) ${from})`];
      if (c.name.endsWith('_at') && !TOUCH_COLUMNS.has(c.name))
        return [`(select count(${q(c.name)}) ${from})`, `(select max(${q(c.name)}) ${from})`];
      return [];
    });
    return [`(select count(*) ${from})`, ...cols];
  });
  const query = sql.raw<Record<string, unknown>>(`select ${parts.map((p, i) => `${p} as c${i}`).join(', ')}`);
  return {
    async fingerprint() {
      const { rows } = await query.execute(db.kysely);
      return JSON.stringify(rows[0]);
    },
  };
}
