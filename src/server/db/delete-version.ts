import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type VersionedTable = 'products' | 'customers' | 'insights' | 'features' | 'objectives' | 'key_results';

/**
 * Deletes one row, and when the client named the version it saw (If-Match), only that
 * version: a change committed meanwhile makes it delete nothing. The caller has already
 * compared the version it read; this guards the moment between that read and the delete
 * (on PostgreSQL a concurrent update commits in between, and the WHERE is checked again
 * against the new row). False when nothing was deleted.
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
