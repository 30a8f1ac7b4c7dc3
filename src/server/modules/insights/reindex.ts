import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/connection.js';
import type { Database } from '../../db/schema.js';
import { indexDocuments } from '../search/repo.js';
import { insightSearchDoc } from './queries.js';

/** Insights read and re-indexed per round: a large customer never sits in memory whole. */
const CHUNK = 500;

/** The ids of a customer's insights (before deleting the customer, whose insights then lose it). */
export async function insightIdsOfCustomer(trx: Kysely<Database>, workspaceId: string, customerId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('insights')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Writes the search documents of these insights again with their customer's name as it is
 * now (an insight is found by who said it): after a customer is renamed or deleted, in the
 * same transaction. Rows are read CHUNK at a time by id and written with multi-row upserts.
 */
export async function reindexInsightsOfCustomer(
  trx: Kysely<Database>,
  dialect: Dialect,
  workspaceId: string,
  insightIds: readonly string[],
  customerName: string | null,
): Promise<void> {
  for (let start = 0; start < insightIds.length; start += CHUNK) {
    const rows = await trx
      .selectFrom('insights')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', insightIds.slice(start, start + CHUNK))
      .execute();
    await indexDocuments(
      trx,
      dialect,
      rows.map((r) => insightSearchDoc(r, customerName)),
    );
  }
}
