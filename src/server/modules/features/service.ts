import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { FeatureCreateBody, FeatureLinkBody, FeatureListQuery, FeaturePatchBody } from '../../../contract/discovery.js';
import type { Database, FeatureRow } from '../../db/schema.js';
import { appendChange, diff } from '../../events/change-log.js';
import { AppError, notFound, versionConflict } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId, nowIso } from '../../lib/ids.js';
import { normaliseTags, parseJsonArray } from '../../lib/text.js';
import type { Services } from '../../services.js';
import { checkReferences, loadInsight } from '../insights/service.js';
import { indexDocument, matchingIds, removeDocument } from '../search/repo.js';
import { type Access, authorize } from '../workspaces/service.js';

type FeatureView = FeatureRow & { insight_count: number | string | null; customer_count: number | string | null };

const STATUSES = new Set(['idea', 'discovery', 'planned', 'in_progress', 'released', 'measured', 'wont_do']);
type FeatureStatus = 'idea' | 'discovery' | 'planned' | 'in_progress' | 'released' | 'measured' | 'wont_do';

export function toFeatureDto(r: FeatureView) {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    productId: r.product_id,
    title: r.title,
    description: r.description,
    status: (STATUSES.has(r.status) ? r.status : 'idea') as FeatureStatus,
    ownerId: r.owner_id,
    tags: parseJsonArray(r.tags),
    insightCount: Number(r.insight_count ?? 0),
    customerCount: Number(r.customer_count ?? 0),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
export type FeatureDto = ReturnType<typeof toFeatureDto>;
const TRACKED: (keyof FeatureDto & string)[] = ['title', 'description', 'productId', 'status', 'ownerId', 'tags'];

function featureView(db: Kysely<Database>) {
  return db
    .selectFrom('features')
    .selectAll('features')
    .select((eb) => [
      eb
        .selectFrom('feature_insights')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('feature_insights.feature_id', '=', 'features.id')
        .as('insight_count'),
      eb
        .selectFrom('feature_insights')
        .innerJoin('insights', 'insights.id', 'feature_insights.insight_id')
        .select((sub) => sub.fn.count<number>('insights.customer_id').distinct().as('n'))
        .whereRef('feature_insights.feature_id', '=', 'features.id')
        .as('customer_count'),
    ]);
}

function searchDoc(r: FeatureRow) {
  return {
    entity: 'feature' as const,
    entityId: r.id,
    workspaceId: r.workspace_id,
    title: r.title,
    body: `${r.description}\n${parseJsonArray(r.tags).join(' ')}`,
  };
}

export async function loadFeature(db: Kysely<Database>, access: Access, id: string): Promise<FeatureView> {
  const row = await featureView(db)
    .where('features.id', '=', id)
    .where('features.workspace_id', '=', access.workspace.id)
    .executeTakeFirst();
  if (!row) throw notFound('This feature');
  return row;
}

async function checkOwner(db: Kysely<Database>, workspaceId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const m = await db
    .selectFrom('memberships')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', ownerId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!m)
    throw new AppError('rule_violated', 'The owner must be a member of this workspace.', {
      errors: [{ path: 'body.ownerId', message: 'Not a member' }],
    });
}

export async function listFeatures(services: Services, access: Access, query: z.output<typeof FeatureListQuery>) {
  authorize(access, 'discovery.read');
  const after = decodeCursor(query.cursor);
  let q = featureView(services.db).where('features.workspace_id', '=', access.workspace.id);
  if (query.status?.length) q = q.where('features.status', 'in', query.status);
  if (query.productId) q = q.where('features.product_id', '=', query.productId);
  if (query.tag) q = q.where('features.tags', 'like', `%${JSON.stringify(query.tag).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (query.q) {
    const ids = matchingIds(services.dialect, 'feature', access.workspace.id, query.q);
    if (ids) q = q.where('features.id', 'in', ids);
  }
  if (after) {
    const [createdAt, id] = after;
    q = q.where((eb) =>
      eb.or([
        eb('features.created_at', '<', String(createdAt)),
        eb.and([eb('features.created_at', '=', String(createdAt)), eb('features.id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('features.created_at', 'desc')
    .orderBy('features.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const p = toPage(rows, query.limit, (r) => [r.created_at, r.id]);
  return { items: p.items.map(toFeatureDto), nextCursor: p.nextCursor };
}

export async function getFeature(services: Services, access: Access, id: string) {
  authorize(access, 'discovery.read');
  return toFeatureDto(await loadFeature(services.db, access, id));
}

export async function createFeature(services: Services, access: Access, input: z.output<typeof FeatureCreateBody>) {
  authorize(access, 'feature.write');
  return services.db.transaction().execute(async (trx) => {
    await checkReferences(trx, access.workspace.id, { productId: input.productId });
    await checkOwner(trx, access.workspace.id, input.ownerId);
    const now = nowIso();
    const row: FeatureRow = {
      id: newId(),
      workspace_id: access.workspace.id,
      product_id: input.productId ?? null,
      title: input.title,
      description: input.description ?? '',
      status: input.status ?? 'idea',
      owner_id: input.ownerId ?? null,
      tags: JSON.stringify(normaliseTags(input.tags ?? [])),
      scores: '{}',
      created_by: access.actorId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('features').values(row).execute();
    await indexDocument(trx, services.dialect, searchDoc(row));
    const dto = toFeatureDto({ ...row, insight_count: 0, customer_count: 0 });
    await appendChange(trx, {
      workspaceId: row.workspace_id,
      entity: 'feature',
      entityId: row.id,
      action: 'created',
      actorId: access.actorId,
      changes: diff(null, dto, TRACKED),
    });
    services.similarity.upsertFeature(row.workspace_id, row.id, row.title, row.description);
    return dto;
  });
}

export async function updateFeature(
  services: Services,
  access: Access,
  id: string,
  expectedVersion: number,
  patch: z.output<typeof FeaturePatchBody>,
) {
  authorize(access, 'feature.write');
  return services.db.transaction().execute(async (trx) => {
    const before = await loadFeature(trx, access, id);
    if (before.version !== expectedVersion) throw versionConflict(toFeatureDto(before));
    await checkReferences(trx, access.workspace.id, { productId: patch.productId });
    await checkOwner(trx, access.workspace.id, patch.ownerId);
    const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    const after: FeatureView = {
      ...before,
      title: patch.title ?? before.title,
      description: patch.description ?? before.description,
      product_id: pick(patch.productId, before.product_id),
      status: patch.status ?? before.status,
      owner_id: pick(patch.ownerId, before.owner_id),
      tags: patch.tags ? JSON.stringify(normaliseTags(patch.tags)) : before.tags,
      version: before.version + 1,
      updated_at: nowIso(),
    };
    const changes = diff(toFeatureDto(before), toFeatureDto(after), TRACKED);
    if (Object.keys(changes).length === 0) return toFeatureDto(before);
    const result = await trx
      .updateTable('features')
      .set({
        title: after.title,
        description: after.description,
        product_id: after.product_id,
        status: after.status,
        owner_id: after.owner_id,
        tags: after.tags,
        version: after.version,
        updated_at: after.updated_at,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw versionConflict(toFeatureDto(await loadFeature(trx, access, id)));
    await indexDocument(trx, services.dialect, searchDoc(after));
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'feature',
      entityId: id,
      action: 'updated',
      actorId: access.actorId,
      changes,
    });
    services.similarity.upsertFeature(access.workspace.id, id, after.title, after.description);
    return toFeatureDto(after);
  });
}

export async function deleteFeature(services: Services, access: Access, id: string) {
  authorize(access, 'feature.write');
  await services.db.transaction().execute(async (trx) => {
    const before = await loadFeature(trx, access, id);
    const linked = await trx.selectFrom('feature_insights').select('insight_id').where('feature_id', '=', id).execute();
    await trx.deleteFrom('features').where('id', '=', id).execute();
    await removeDocument(trx, 'feature', id);
    for (const { insight_id } of linked) await relaxLinkedStatus(trx, insight_id);
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'feature',
      entityId: id,
      action: 'deleted',
      actorId: access.actorId,
      changes: diff(toFeatureDto(before), null, ['title']),
    });
  });
  services.similarity.removeFeature(access.workspace.id, id);
}

/** An insight with no feature left goes back from "linked" to "triaged". */
async function relaxLinkedStatus(trx: Kysely<Database>, insightId: string) {
  const still = await trx.selectFrom('feature_insights').select('feature_id').where('insight_id', '=', insightId).executeTakeFirst();
  if (!still) {
    await trx
      .updateTable('insights')
      .set((eb) => ({ status: 'triaged', version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('id', '=', insightId)
      .where('status', '=', 'linked')
      .execute();
  }
}

export async function linkInsight(services: Services, access: Access, featureId: string, body: z.output<typeof FeatureLinkBody>) {
  authorize(access, 'feature.write');
  return services.db.transaction().execute(async (trx) => {
    await loadFeature(trx, access, featureId);
    const insight = await loadInsight(trx, access, body.insightId);
    const existing = await trx
      .selectFrom('feature_insights')
      .select('feature_id')
      .where('feature_id', '=', featureId)
      .where('insight_id', '=', body.insightId)
      .executeTakeFirst();
    if (existing) throw new AppError('conflict', 'This insight is already linked to this feature.');
    const now = nowIso();
    const link = {
      feature_id: featureId,
      insight_id: body.insightId,
      workspace_id: access.workspace.id,
      highlight: body.highlight ?? null,
      importance: body.importance ?? insight.importance,
      created_by: access.actorId,
      created_at: now,
    };
    await trx.insertInto('feature_insights').values(link).execute();
    if (insight.status === 'new' || insight.status === 'triaged') {
      await trx
        .updateTable('insights')
        .set({ status: 'linked', version: insight.version + 1, updated_at: now })
        .where('id', '=', insight.id)
        .execute();
    }
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'feature',
      entityId: featureId,
      action: 'insight_linked',
      actorId: access.actorId,
      changes: { insightId: { from: null, to: body.insightId }, highlight: { from: null, to: link.highlight } },
    });
    const actor = await trx.selectFrom('users').select(['id', 'name', 'email']).where('id', '=', access.actorId).executeTakeFirst();
    return {
      featureId,
      insightId: body.insightId,
      highlight: link.highlight,
      importance: link.importance as 'nice_to_have' | 'important' | 'critical',
      createdAt: now,
      createdBy: actor ?? null,
    };
  });
}

export async function unlinkInsight(services: Services, access: Access, featureId: string, insightId: string) {
  authorize(access, 'feature.write');
  await services.db.transaction().execute(async (trx) => {
    await loadFeature(trx, access, featureId);
    const result = await trx
      .deleteFrom('feature_insights')
      .where('feature_id', '=', featureId)
      .where('insight_id', '=', insightId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound('This link');
    await relaxLinkedStatus(trx, insightId);
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'feature',
      entityId: featureId,
      action: 'insight_unlinked',
      actorId: access.actorId,
      changes: { insightId: { from: insightId, to: null } },
    });
  });
}
