import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CustomerCreateBody, CustomerListQuery, CustomerPatchBody } from '../../../contract/discovery.js';
import { deleteAtVersion } from '../../db/delete-version.js';
import { containsText } from '../../db/like.js';
import type { CustomerRow, Database } from '../../db/schema.js';
import { appendChange, diff } from '../../events/change-log.js';
import { AppError, notFound, versionConflict } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId, nowIso } from '../../lib/ids.js';
import { nameKey } from '../../lib/text.js';
import type { Services } from '../../services.js';
import { featuresOfCustomer, refreshFeatureScores } from '../features/scores.js';
import { insightIdsOfCustomer, reindexInsightsOfCustomer } from '../insights/reindex.js';
import { indexDocument, removeDocument } from '../search/repo.js';
import { type Access, authorize } from '../workspaces/service.js';
import { matchingSegments } from './segments.js';

type Row = CustomerRow & { insight_count?: number | string | null };

export function toCustomerDto(c: Row) {
  return {
    id: c.id,
    workspaceId: c.workspace_id,
    name: c.name,
    domain: c.domain,
    segment: c.segment,
    plan: c.plan,
    size: c.size,
    revenue: c.revenue,
    currency: c.currency,
    revenuePeriod: c.revenue_period === 'year' ? ('year' as const) : ('month' as const),
    externalId: c.external_id,
    insightCount: Number(c.insight_count ?? 0),
    version: c.version,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}
export type CustomerDto = ReturnType<typeof toCustomerDto>;
/** Fields whose changes the change log records. */
export const CUSTOMER_TRACKED: (keyof CustomerDto & string)[] = [
  'name',
  'domain',
  'segment',
  'plan',
  'size',
  'revenue',
  'currency',
  'revenuePeriod',
  'externalId',
];

export function customerSearchDoc(c: CustomerRow) {
  return {
    entity: 'customer' as const,
    entityId: c.id,
    workspaceId: c.workspace_id,
    title: c.name,
    body: [c.domain, c.segment, c.plan].filter(Boolean).join(' '),
  };
}

function withCount(db: Kysely<Database>) {
  return db
    .selectFrom('customers')
    .selectAll('customers')
    .select((eb) =>
      eb
        .selectFrom('insights')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('insights.customer_id', '=', 'customers.id')
        .as('insight_count'),
    );
}

async function load(db: Kysely<Database>, access: Access, id: string): Promise<Row> {
  const row = await withCount(db)
    .where('customers.id', '=', id)
    .where('customers.workspace_id', '=', access.workspace.id)
    .executeTakeFirst();
  if (!row) throw notFound('This customer');
  return row;
}

export async function assertExternalIdFree(
  db: Kysely<Database>,
  workspaceId: string,
  externalId: string | null | undefined,
  exceptId?: string,
) {
  if (!externalId) return;
  let q = db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).where('external_id', '=', externalId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('conflict', `Another customer already has the external id "${externalId}".`);
}

export async function listCustomers(services: Services, access: Access, query: z.output<typeof CustomerListQuery>) {
  authorize(access, 'discovery.read');
  const after = decodeCursor(query.cursor);
  let q = withCount(services.db).where('customers.workspace_id', '=', access.workspace.id);
  if (query.segment) q = q.where('customers.segment', 'in', await matchingSegments(services.db, access.workspace.id, query.segment));
  if (query.q) {
    const key = nameKey(query.q);
    q = q.where((eb) => eb.or([containsText(eb.ref('customers.name_key'), key), containsText(eb.ref('customers.domain'), key)]));
  }
  if (after) {
    const [key, id] = after;
    q = q.where((eb) =>
      eb.or([
        eb('customers.name_key', '>', String(key)),
        eb.and([eb('customers.name_key', '=', String(key)), eb('customers.id', '>', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('customers.name_key')
    .orderBy('customers.id')
    .limit(query.limit + 1)
    .execute();
  const p = toPage(rows, query.limit, (r) => [r.name_key, r.id]);
  return { items: p.items.map(toCustomerDto), nextCursor: p.nextCursor };
}

export async function getCustomer(services: Services, access: Access, id: string) {
  authorize(access, 'discovery.read');
  return toCustomerDto(await load(services.db, access, id));
}

export function newCustomerRow(
  workspaceId: string,
  actorId: string | null,
  input: z.output<typeof CustomerCreateBody>,
  now = nowIso(),
): CustomerRow {
  return {
    id: newId(),
    workspace_id: workspaceId,
    name: input.name,
    name_key: nameKey(input.name),
    domain: input.domain ?? null,
    segment: input.segment ?? null,
    plan: input.plan ?? null,
    size: input.size ?? null,
    revenue: input.revenue ?? null,
    currency: input.currency ?? null,
    revenue_period: input.revenuePeriod ?? 'month',
    external_id: input.externalId ?? null,
    created_by: actorId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export async function createCustomer(services: Services, access: Access, input: z.output<typeof CustomerCreateBody>) {
  authorize(access, 'customer.write');
  return services.db.transaction().execute(async (trx) => {
    await assertExternalIdFree(trx, access.workspace.id, input.externalId);
    const row = newCustomerRow(access.workspace.id, access.actorId, input);
    await trx.insertInto('customers').values(row).execute();
    await indexDocument(trx, services.dialect, customerSearchDoc(row));
    const dto = toCustomerDto(row);
    await appendChange(trx, {
      workspaceId: row.workspace_id,
      entity: 'customer',
      entityId: row.id,
      action: 'created',
      actorId: access.actorId,
      changes: diff(null, dto, CUSTOMER_TRACKED),
    });
    return dto;
  });
}

export async function updateCustomer(
  services: Services,
  access: Access,
  id: string,
  expectedVersion: number,
  patch: z.output<typeof CustomerPatchBody>,
) {
  authorize(access, 'customer.write');
  return services.db.transaction().execute(async (trx) => {
    const before = await load(trx, access, id);
    if (before.version !== expectedVersion) throw versionConflict(toCustomerDto(before));
    if (patch.externalId !== undefined) await assertExternalIdFree(trx, access.workspace.id, patch.externalId, id);
    const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    const after: Row = {
      ...before,
      name: patch.name ?? before.name,
      name_key: nameKey(patch.name ?? before.name),
      domain: pick(patch.domain, before.domain),
      segment: pick(patch.segment, before.segment),
      plan: pick(patch.plan, before.plan),
      size: pick(patch.size, before.size),
      revenue: pick(patch.revenue, before.revenue),
      currency: pick(patch.currency, before.currency),
      revenue_period: patch.revenuePeriod ?? before.revenue_period,
      external_id: pick(patch.externalId, before.external_id),
      version: before.version + 1,
      updated_at: nowIso(),
    };
    const changes = diff(toCustomerDto(before), toCustomerDto(after), CUSTOMER_TRACKED);
    if (Object.keys(changes).length === 0) return toCustomerDto(before);
    const { insight_count: _n, id: _id, workspace_id: _w, created_at: _c, created_by: _b, ...set } = after;
    const result = await trx
      .updateTable('customers')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw versionConflict(toCustomerDto(await load(trx, access, id)));
    await indexDocument(trx, services.dialect, customerSearchDoc(after));
    // Their insights are found by the customer's name too.
    if (after.name !== before.name) {
      const ids = await insightIdsOfCustomer(trx, access.workspace.id, id);
      await reindexInsightsOfCustomer(trx, services.dialect, access.workspace.id, ids, after.name);
    }
    // Revenue feeds `revenue` in custom scoring formulas of the features this customer asked for.
    if (after.revenue !== before.revenue || after.currency !== before.currency || after.revenue_period !== before.revenue_period) {
      await refreshFeatureScores(trx, access.workspace.id, await featuresOfCustomer(trx, id));
    }
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'customer',
      entityId: id,
      action: 'updated',
      actorId: access.actorId,
      changes,
    });
    return toCustomerDto(after);
  });
}

export async function deleteCustomer(services: Services, access: Access, id: string, expectedVersion: number | null) {
  authorize(access, 'customer.write');
  await services.db.transaction().execute(async (trx) => {
    const before = await load(trx, access, id);
    const features = await featuresOfCustomer(trx, id);
    const insights = await insightIdsOfCustomer(trx, access.workspace.id, id);
    if (!(await deleteAtVersion(trx, 'customers', id, expectedVersion))) throw versionConflict(toCustomerDto(await load(trx, access, id)));
    await refreshFeatureScores(trx, access.workspace.id, features);
    await removeDocument(trx, 'customer', id);
    // The insights stay, without a customer: their name no longer finds them.
    await reindexInsightsOfCustomer(trx, services.dialect, access.workspace.id, insights, null);
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'customer',
      entityId: id,
      action: 'deleted',
      actorId: access.actorId,
      changes: diff(toCustomerDto(before), null, ['name']),
    });
  });
}
