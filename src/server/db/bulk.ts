import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { Dialect } from './connection.js';
import type { Database } from './schema.js';

/** Rows per INSERT statement (PostgreSQL takes at most 65,535 parameters per statement). */
const ROWS_PER_STATEMENT = 500;

/**
 * Multi-row INSERTs for bulk writes (imports), without building a Kysely query tree for every
 * statement: for 500 rows that tree costs more than SQLite takes to write them. The SQL text
 * is made once per table, columns and row count, and the same for every dialect apart from
 * how parameters are numbered; SQLite's statement cache then reuses the prepared statement.
 * Every row must have the same keys as the first (those are the columns written), none of
 * them undefined.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  dialect: Dialect,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  options: { upsert?: { conflict: readonly string[]; update: readonly string[] } } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const parameters: unknown[] = [];
    for (const row of chunk) {
      const record = row as Record<string, unknown>;
      if (Object.keys(record).length !== columns.length) throw new Error(`insertRows(${table}): every row needs the same columns`);
      for (const column of columns) {
        const value = record[column];
        // Kysely would write a column's default for undefined; say so rather than guess.
        if (value === undefined)
          throw new Error(`insertRows(${table}): ${column} is undefined (write null, or leave the column out of every row)`);
        parameters.push(value);
      }
    }
    await db.executeQuery(CompiledQuery.raw(insertSql(dialect, table, columns, chunk.length, options.upsert), parameters));
  }
}

const statements = new Map<string, string>();

function insertSql(
  dialect: Dialect,
  table: string,
  columns: string[],
  count: number,
  upsert: { conflict: readonly string[]; update: readonly string[] } | undefined,
): string {
  const key = `${dialect}\u0000${table}\u0000${columns.join(',')}\u0000${count}\u0000${upsert ? `${upsert.conflict}|${upsert.update}` : ''}`;
  let text = statements.get(key);
  if (text === undefined) {
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    let n = 0;
    const param = () => (dialect === 'postgres' ? `$${++n}` : '?');
    const tuples = Array.from({ length: count }, () => `(${columns.map(param).join(', ')})`);
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}`;
    if (upsert) {
      text += ` on conflict (${upsert.conflict.map(quote).join(', ')}) do update set ${upsert.update
        .map((c) => `${quote(c)} = excluded.${quote(c)}`)
        .join(', ')}`;
    }
    if (statements.size > 200) statements.clear();
    statements.set(key, text);
  }
  return text;
}
