import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * Indexes for the customers list at 100,000 accounts.
 *
 * The segment filter of the customers and insights lists first finds the segments a workspace
 * uses (a handful of values among up to 100,000 customers): with this index that is one index
 * probe per distinct segment instead of a scan of every customer; the list then reads one
 * segment's customers in name order from the same index, without sorting them.
 */
export function customerLists(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Name order with the domain beside it: a `q=` filter (name or domain contains the words)
      // walks this index alone, without reading each customer's row.
      await db.schema.dropIndex('customers_workspace_name').execute();
      await db.schema
        .createIndex('customers_workspace_name')
        .on('customers')
        .columns(['workspace_id', 'name_key', 'id', 'domain'])
        .execute();
      await db.schema
        .createIndex('customers_workspace_segment')
        .on('customers')
        .columns(['workspace_id', 'segment', 'name_key', 'id'])
        .execute();
    },
    async down(): Promise<void> {
      throw new Error('Cairn migrations are forward-only; restore a backup to go back.');
    },
  };
}
