import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type VersionedTable = 'products' | 'customers' | 'insights' | 'features' | 'objectives' | 'key_results';

/**
 * Deletes one row, and when the client named the version it saw (If-Match), only that
 * version: a change committed before makes it delete nothing. The check is the DELETE's own
 * WHERE, so it also holds against an update committing meanwhile (PostgreSQL re-checks the
 * WHERE on the updated row). False when nothing was deleted: the caller answers 409 with the
 * row as it is now.
 */
export async function deleteAtVersion(
  trx: Kysely<Database>,
  table: VersionedTable,
  id: string,
  expectedVersion: number | null,
): Promise<boolean> {
  let query = trx.deleteFrom(table as 'products').where('id', '=', id);
  if (expectedVersion !== null) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
