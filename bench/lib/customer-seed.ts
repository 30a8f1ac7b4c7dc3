import type { Insertable } from 'kysely';
import type { Db } from '../../src/server/db/connection.js';
import type { ChangeLogTable } from '../../src/server/db/schema.js';
import { diff } from '../../src/server/events/change-log.js';
import { CUSTOMER_TRACKED, customerSearchDoc, newCustomerRow, toCustomerDto } from '../../src/server/modules/customers/service.js';
import { indexDocuments } from '../../src/server/modules/search/repo.js';

/**
 * Bulk seeding of customer accounts, as createCustomer writes them: the row (built by the
 * server's own newCustomerRow), its search document and a 'created' change-log entry with
 * the same diff. Names repeat their first word often, as real account lists do, so a `q=`
 * prefix matches many of them.
 */

const BATCH = 500;
const FIRST = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Vandelay'];
const KINDS = ['Labs', 'Studio', 'Retail', 'Health', 'Logistics', 'Bank', 'Media', 'Foods', 'Energy', 'Travel'];
const SEGMENTS = ['Freelancers', 'Small agencies', 'Enterprise IT', 'Retail shops', 'Public sector', 'Students'];
const PLANS = ['free', 'team', 'business', 'enterprise'];

export async function topUpCustomers(db: Db, workspaceId: string, actorId: string, target: number): Promise<number> {
  const { count } = await db.kysely
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  const have = Number(count);
  for (let start = have; start < target; start += BATCH) {
    const now = new Date().toISOString();
    const rows = Array.from({ length: Math.min(BATCH, target - start) }, (_, j) => {
      const k = start + j;
      const name = `${FIRST[k % FIRST.length]} ${KINDS[(k * 7) % KINDS.length]} ${String(k).padStart(6, '0')}`;
      return newCustomerRow(
        workspaceId,
        actorId,
        {
          name,
          domain: `${name.toLowerCase().replaceAll(' ', '-')}.example`,
          segment: SEGMENTS[k % SEGMENTS.length]!,
          plan: PLANS[k % PLANS.length]!,
          size: 1 + ((k * 13) % 5000),
          revenue: 50 * (1 + (k % 200)),
          currency: 'EUR',
          revenuePeriod: 'month',
        },
        now,
      );
    });
    const changes: Insertable<ChangeLogTable>[] = rows.map((r) => ({
      workspace_id: workspaceId,
      entity: 'customer',
      entity_id: r.id,
      action: 'created',
      actor_id: actorId,
      at: now,
      changes: JSON.stringify(diff(null, toCustomerDto({ ...r, insight_count: 0 }), CUSTOMER_TRACKED)),
      note: null,
    }));
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('customers').values(rows).execute();
      await indexDocuments(trx, db.dialect, rows.map(customerSearchDoc));
      await trx.insertInto('change_log').values(changes).execute();
    });
  }
  return Math.max(0, target - have);
}
