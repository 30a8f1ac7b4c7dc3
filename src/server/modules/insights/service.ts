import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  INSIGHT_COUNT_LIMIT,
  type InsightBulkBody,
  type InsightCreateBody,
  type InsightFilter,
  type InsightListQuery,
  type InsightPatchBody,
} from '../../../contract/discovery.js';
import { deleteAtVersion } from '../../db/delete-version.js';
import { containsTextAnyCase } from '../../db/like.js';
import type { Database, InsightRow } from '../../db/schema.js';
import { appendChange, type Changes, diff } from '../../events/change-log.js';
import { AppError, invalid, notFound, versionConflict } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId, nowIso } from '../../lib/ids.js';
import { normaliseTags } from '../../lib/text.js';
import type { Services } from '../../services.js';
import { matchingSegments } from '../customers/segments.js';
import { featuresOfInsights, refreshFeatureScores } from '../features/scores.js';
import { indexDocument, matchingIds, removeDocument } from '../search/repo.js';
import { type Access, authorize } from '../workspaces/service.js';
import {
  INSIGHT_TRACKED,
  type InsightDto,
  type InsightView,
  insightSearchDoc,
  insightView,
  stripView,
  toInsightDto,
  toIsoTimestamp,
} from './queries.js';

type ListQuery = Omit<z.output<typeof InsightListQuery>, 'cursor' | 'limit'> & { cursor?: string | undefined; limit: number };

export async function loadInsight(db: Kysely<Database>, access: Access, id: string): Promise<InsightView> {
  const row = await insightView(db)
    .where('insights.id', '=', id)
    .where('insights.workspace_id', '=', access.workspace.id)
    .executeTakeFirst();
  if (!row) throw notFound('This insight');
  return row;
}

/** Customer and product ids must belong to the same workspace; anything else is "not found". */
export async function checkReferences(
  db: Kysely<Database>,
  workspaceId: string,
  refs: { customerId?: string | null | undefined; productId?: string | null | undefined },
) {
  const errors: { path: string; message: string }[] = [];
  if (refs.customerId) {
    const c = await db
      .selectFrom('customers')
      .select(['id', 'name'])
      .where('id', '=', refs.customerId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!c) errors.push({ path: 'body.customerId', message: 'No such customer in this workspace' });
  }
  if (refs.productId) {
    const p = await db
      .selectFrom('products')
      .select('id')
      .where('id', '=', refs.productId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!p) errors.push({ path: 'body.productId', message: 'No such product in this workspace' });
  }
  if (errors.length > 0) throw new AppError('rule_violated', errors.map((e) => e.message).join('; '), { errors });
}

/** The inbox's query for these filters (not yet ordered or paged), on `db` (a transaction, say). */
export async function filteredInsights(services: Services, access: Access, query: ListQuery, db: Kysely<Database> = services.db) {
  let q = insightView(db).where('insights.workspace_id', '=', access.workspace.id);
  if (query.status?.length) q = q.where('insights.status', 'in', query.status);
  else q = q.where('insights.status', '!=', 'archived');
  if (query.source?.length) q = q.where('insights.source', 'in', query.source);
  if (query.importance?.length) q = q.where('insights.importance', 'in', query.importance);
  if (query.customerId) q = q.where('insights.customer_id', '=', query.customerId);
  if (query.segment) q = q.where('customers.segment', 'in', await matchingSegments(db, access.workspace.id, query.segment));
  if (query.productId) q = q.where('insights.product_id', '=', query.productId);
  // Tags keep the case they were typed in; a filter finds them in any case.
  if (query.tag) q = q.where((eb) => containsTextAnyCase(eb.ref('insights.tags'), JSON.stringify(query.tag)));
  if (query.from) q = q.where('insights.received_at', '>=', toIsoTimestamp(query.from));
  if (query.to) q = q.where('insights.received_at', '<', toIsoTimestamp(query.to));
  if (query.featureId) {
    const featureId = query.featureId;
    q = q.where('insights.id', 'in', (eb) => eb.selectFrom('feature_insights').select('insight_id').where('feature_id', '=', featureId));
  }
  if (query.q) {
    const ids = matchingIds(services.dialect, 'insight', access.workspace.id, query.q);
    if (ids) q = q.where('insights.id', 'in', ids);
  }
  return q;
}

export async function listInsights(services: Services, access: Access, query: ListQuery) {
  authorize(access, 'discovery.read');
  const after = decodeCursor(query.cursor);
  let q = await filteredInsights(services, access, query);
  if (after) {
    const [receivedAt, id] = after;
    q = q.where((eb) =>
      eb.or([
        eb('insights.received_at', '<', String(receivedAt)),
        eb.and([eb('insights.received_at', '=', String(receivedAt)), eb('insights.id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('insights.received_at', 'desc')
    .orderBy('insights.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const p = toPage(rows, query.limit, (r) => [r.received_at, r.id]);
  return { items: p.items.map(toInsightDto), nextCursor: p.nextCursor };
}

/**
 * How many insights the inbox lists with these filters, counted up to INSIGHT_COUNT_LIMIT:
 * the count reads at most that many index entries, so it stays fast however large the
 * workspace (beyond, `exact` is false and the screen says "10,000+").
 */
export async function countInsights(services: Services, access: Access, query: z.output<typeof InsightFilter>) {
  authorize(access, 'discovery.read');
  const matching = (await filteredInsights(services, access, { ...query, limit: 0 }))
    .clearSelect()
    .select('insights.id')
    .limit(INSIGHT_COUNT_LIMIT + 1);
  const row = await services.db
    .selectFrom(matching.as('matching'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return { count: Math.min(n, INSIGHT_COUNT_LIMIT), exact: n <= INSIGHT_COUNT_LIMIT };
}

export async function getInsight(services: Services, access: Access, id: string) {
  authorize(access, 'discovery.read');
  return toInsightDto(await loadInsight(services.db, access, id));
}

export function newInsightRow(
  workspaceId: string,
  actorId: string | null,
  input: z.output<typeof InsightCreateBody>,
  now = nowIso(),
): InsightRow {
  return {
    id: newId(),
    workspace_id: workspaceId,
    product_id: input.productId ?? null,
    text: input.text,
    source: input.source,
    customer_id: input.customerId ?? null,
    person_name: input.personName ?? null,
    person_email: input.personEmail ?? null,
    tags: JSON.stringify(normaliseTags(input.tags ?? [])),
    importance: input.importance ?? 'important',
    external_id: input.externalId ?? null,
    received_at: input.receivedAt ? toIsoTimestamp(input.receivedAt) : now,
    status: 'new',
    merged_into_id: null,
    created_by: actorId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

async function assertInsightExternalIdFree(
  db: Kysely<Database>,
  workspaceId: string,
  externalId: string | null | undefined,
  exceptId?: string,
) {
  if (!externalId) return;
  let q = db.selectFrom('insights').select('id').where('workspace_id', '=', workspaceId).where('external_id', '=', externalId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('conflict', `Another insight already has the external id "${externalId}".`);
}

export async function createInsight(services: Services, access: Access, input: z.output<typeof InsightCreateBody>) {
  authorize(access, 'insight.write');
  return services.db.transaction().execute(async (trx) => {
    await checkReferences(trx, access.workspace.id, input);
    await assertInsightExternalIdFree(trx, access.workspace.id, input.externalId);
    const row = newInsightRow(access.workspace.id, access.actorId, input);
    await trx.insertInto('insights').values(row).execute();
    const view = await loadInsight(trx, access, row.id);
    await indexDocument(trx, services.dialect, insightSearchDoc(row, view.customer_name));
    const dto = toInsightDto(view);
    await appendChange(trx, {
      workspaceId: row.workspace_id,
      entity: 'insight',
      entityId: row.id,
      action: 'created',
      actorId: access.actorId,
      changes: diff(null, dto, INSIGHT_TRACKED),
    });
    services.similarity.upsert(access.workspace.id, row.id, row.text);
    return dto;
  });
}

function applyPatch(view: InsightView, patch: Omit<z.output<typeof InsightPatchBody>, 'version'>, now: string): InsightRow {
  const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
  const before = stripView(view);
  return {
    ...before,
    text: patch.text ?? before.text,
    source: patch.source ?? before.source,
    status: patch.status ?? before.status,
    product_id: pick(patch.productId, before.product_id),
    customer_id: pick(patch.customerId, before.customer_id),
    person_name: pick(patch.personName, before.person_name),
    person_email: pick(patch.personEmail, before.person_email),
    tags: patch.tags ? JSON.stringify(normaliseTags(patch.tags)) : before.tags,
    importance: patch.importance ?? before.importance,
    external_id: pick(patch.externalId, before.external_id),
    received_at: patch.receivedAt ? toIsoTimestamp(patch.receivedAt) : before.received_at,
    version: before.version + 1,
    updated_at: now,
  };
}

/**
 * Writes a changed insight row (version-checked), reindexes it and records the change;
 * `extra` adds what the row does not show to the record (a merge logs the links it replaced).
 */
export async function saveInsight(
  trx: Kysely<Database>,
  services: Services,
  access: Access,
  before: InsightView,
  after: InsightRow,
  action = 'updated',
  extra: Changes = {},
): Promise<InsightDto> {
  const { id, workspace_id: _w, created_at: _c, created_by: _b, ...set } = after;
  const result = await trx.updateTable('insights').set(set).where('id', '=', id).where('version', '=', before.version).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw versionConflict(toInsightDto(await loadInsight(trx, access, id)));
  const view = await loadInsight(trx, access, id);
  await indexDocument(trx, services.dialect, insightSearchDoc(after, view.customer_name));
  const dto = toInsightDto(view);
  const changes = { ...diff(toInsightDto(before), dto, [...INSIGHT_TRACKED, 'customer']), ...extra };
  await appendChange(trx, { workspaceId: access.workspace.id, entity: 'insight', entityId: id, action, actorId: access.actorId, changes });
  if (after.text !== before.text) services.similarity.upsert(access.workspace.id, id, after.text);
  return dto;
}

export async function updateInsight(
  services: Services,
  access: Access,
  id: string,
  expectedVersion: number,
  patch: z.output<typeof InsightPatchBody>,
) {
  authorize(access, 'insight.write');
  return services.db.transaction().execute(async (trx) => {
    const before = await loadInsight(trx, access, id);
    if (before.version !== expectedVersion) throw versionConflict(toInsightDto(before));
    await checkReferences(trx, access.workspace.id, patch);
    if (patch.externalId !== undefined) await assertInsightExternalIdFree(trx, access.workspace.id, patch.externalId, id);
    const after = applyPatch(before, patch, nowIso());
    if (JSON.stringify({ ...stripView(before), version: 0, updated_at: '' }) === JSON.stringify({ ...after, version: 0, updated_at: '' }))
      return toInsightDto(before);
    const dto = await saveInsight(
      trx,
      services,
      access,
      before,
      after,
      patch.status && patch.status !== before.status ? `status_${patch.status}` : 'updated',
    );
    // Another customer changes the distinct customers and revenue behind the linked features;
    // another date, what falls in their reach windows.
    if (after.customer_id !== before.customer_id || after.received_at !== before.received_at) {
      await refreshFeatureScores(trx, access.workspace.id, await featuresOfInsights(trx, [id]));
    }
    return dto;
  });
}

export async function deleteInsight(services: Services, access: Access, id: string, expectedVersion: number | null) {
  authorize(access, 'insight.write');
  await services.db.transaction().execute(async (trx) => {
    const before = await loadInsight(trx, access, id);
    const features = await featuresOfInsights(trx, [id]);
    if (!(await deleteAtVersion(trx, 'insights', id, expectedVersion)))
      throw versionConflict(toInsightDto(await loadInsight(trx, access, id)));
    await refreshFeatureScores(trx, access.workspace.id, features);
    await removeDocument(trx, 'insight', id);
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'insight',
      entityId: id,
      action: 'deleted',
      actorId: access.actorId,
      changes: diff(toInsightDto(before), null, ['text', 'source']),
    });
  });
  services.similarity.remove(access.workspace.id, id);
}

/**
 * One action over a selection, in one transaction: all of it happens, or none. The
 * selection is a list of ids, or every insight the inbox lists with a filter (at most
 * INSIGHT_COUNT_LIMIT; with `expectedCount`, only if exactly that many match, so feedback
 * that arrived since the person looked is not changed unseen).
 */
export async function bulkUpdateInsights(services: Services, access: Access, body: z.output<typeof InsightBulkBody>) {
  authorize(access, 'insight.write');
  if ((body.ids === undefined) === (body.filter === undefined)) {
    throw invalid([{ path: 'body.ids', message: 'Send either ids or filter' }], 'Choose the insights by ids or by filter (one of them).');
  }
  if (body.expectedCount !== undefined && body.filter === undefined) {
    throw invalid([{ path: 'body.expectedCount', message: 'Only with filter' }]);
  }
  const needed: Record<typeof body.action, keyof typeof body> = {
    set_status: 'status',
    add_tags: 'tags',
    remove_tags: 'tags',
    set_importance: 'importance',
    set_product: 'productId',
  };
  const field = needed[body.action];
  if (body[field] === undefined) throw invalid([{ path: `body.${field}`, message: `Required for ${body.action}` }]);
  return services.db.transaction().execute(async (trx) => {
    if (body.action === 'set_product') await checkReferences(trx, access.workspace.id, { productId: body.productId });
    let rows: InsightView[];
    if (body.filter) {
      rows = await (await filteredInsights(services, access, { ...body.filter, limit: 0 }, trx))
        .orderBy('insights.received_at', 'desc')
        .orderBy('insights.id', 'desc')
        .limit(INSIGHT_COUNT_LIMIT + 1)
        .execute();
      if (rows.length > INSIGHT_COUNT_LIMIT) {
        throw new AppError(
          'rule_violated',
          `More than ${INSIGHT_COUNT_LIMIT} insights match these filters; narrow them to change all at once.`,
          { errors: [{ path: 'body.filter', message: 'Too many insights match' }] },
        );
      }
      if (body.expectedCount !== undefined && rows.length !== body.expectedCount) {
        throw new AppError(
          'conflict',
          `${rows.length} insights match these filters now, not ${body.expectedCount}, so nothing was changed. Look at the list again.`,
        );
      }
    } else {
      const ids = [...new Set(body.ids)];
      rows = await insightView(trx).where('insights.workspace_id', '=', access.workspace.id).where('insights.id', 'in', ids).execute();
      if (rows.length !== ids.length) throw notFound(`${ids.length - rows.length} of the selected insights`);
    }
    const previous = rows.map((r) => ({ id: r.id, status: toInsightDto(r).status }));
    const now = nowIso();
    const items: InsightDto[] = [];
    for (const before of rows) {
      const tags = JSON.parse(before.tags) as string[];
      const patch =
        body.action === 'set_status'
          ? { status: body.status }
          : body.action === 'add_tags'
            ? { tags: [...tags, ...(body.tags ?? [])] }
            : body.action === 'remove_tags'
              ? { tags: tags.filter((t) => !(body.tags ?? []).some((r) => r.toLowerCase() === t.toLowerCase())) }
              : body.action === 'set_importance'
                ? { importance: body.importance }
                : { productId: body.productId };
      items.push(await saveInsight(trx, services, access, before, applyPatch(before, patch, now), `bulk_${body.action}`));
    }
    // By filter the selection can be thousands: the list is read again rather than sent back.
    return { updated: items.length, items: body.filter ? [] : items, previous };
  });
}
