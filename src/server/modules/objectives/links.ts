import type { Kysely } from 'kysely';
import { FEATURE_STATUSES } from '../../../contract/discovery.js';
import type { Database } from '../../db/schema.js';
import { appendChange } from '../../events/change-log.js';
import { AppError, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { nowIso } from '../../lib/ids.js';
import type { Services } from '../../services.js';
import { type Access, authorize } from '../workspaces/service.js';
import { loadObjective, objectiveDtos } from './queries.js';

type FeatureStatus = (typeof FEATURE_STATUSES)[number];
const FEATURE_STATUS_SET = new Set<string>(FEATURE_STATUSES);

/** Features ↔ objectives: a feature serves the objectives it moves; one feature may serve several. */
async function loadFeatureRef(db: Kysely<Database>, access: Access, featureId: string) {
  const row = await db
    .selectFrom('features')
    .select(['id', 'title'])
    .where('id', '=', featureId)
    .where('workspace_id', '=', access.workspace.id)
    .executeTakeFirst();
  if (!row) throw notFound('This feature');
  return row;
}

export async function listFeatureObjectives(services: Services, access: Access, featureId: string) {
  authorize(access, 'strategy.read');
  await loadFeatureRef(services.db, access, featureId);
  const rows = await services.db
    .selectFrom('feature_objectives')
    .innerJoin('objectives', 'objectives.id', 'feature_objectives.objective_id')
    .selectAll('objectives')
    .where('feature_objectives.feature_id', '=', featureId)
    .where('feature_objectives.workspace_id', '=', access.workspace.id)
    .orderBy('feature_objectives.created_at')
    .orderBy('objectives.id')
    .execute();
  return { items: await objectiveDtos(services.db, rows) };
}

export async function listObjectiveFeatures(
  services: Services,
  access: Access,
  objectiveId: string,
  query: { cursor?: string | undefined; limit: number },
) {
  authorize(access, 'strategy.read');
  await loadObjective(services.db, access, objectiveId);
  const after = decodeCursor(query.cursor);
  let q = services.db
    .selectFrom('feature_objectives')
    .innerJoin('features', 'features.id', 'feature_objectives.feature_id')
    .select(['features.id', 'features.title', 'features.status', 'features.product_id', 'feature_objectives.created_at as linked_at'])
    .where('feature_objectives.objective_id', '=', objectiveId)
    .where('feature_objectives.workspace_id', '=', access.workspace.id);
  if (after) {
    const [linkedAt, id] = after;
    q = q.where((eb) =>
      eb.or([
        eb('feature_objectives.created_at', '>', String(linkedAt)),
        eb.and([eb('feature_objectives.created_at', '=', String(linkedAt)), eb('feature_objectives.feature_id', '>', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('feature_objectives.created_at')
    .orderBy('feature_objectives.feature_id')
    .limit(query.limit + 1)
    .execute();
  const p = toPage(rows, query.limit, (r) => [r.linked_at, r.id]);
  return {
    items: p.items.map((r) => ({
      id: r.id,
      title: r.title,
      status: (FEATURE_STATUS_SET.has(r.status) ? r.status : 'idea') as FeatureStatus,
      productId: r.product_id,
    })),
    nextCursor: p.nextCursor,
  };
}

export async function linkFeatureObjective(services: Services, access: Access, featureId: string, objectiveId: string) {
  authorize(access, 'feature.write');
  return services.db.transaction().execute(async (trx) => {
    const feature = await loadFeatureRef(trx, access, featureId);
    await loadObjective(trx, access, objectiveId);
    const existing = await trx
      .selectFrom('feature_objectives')
      .select('feature_id')
      .where('feature_id', '=', featureId)
      .where('objective_id', '=', objectiveId)
      .executeTakeFirst();
    if (existing) throw new AppError('conflict', 'This feature is already linked to this objective.');
    const now = nowIso();
    await trx
      .insertInto('feature_objectives')
      .values({
        feature_id: featureId,
        objective_id: objectiveId,
        workspace_id: access.workspace.id,
        created_by: access.actorId,
        created_at: now,
      })
      .execute();
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'objective',
      entityId: objectiveId,
      action: 'feature_linked',
      actorId: access.actorId,
      changes: { feature: { from: null, to: { id: feature.id, title: feature.title } } },
    });
    const actor = await trx.selectFrom('users').select(['id', 'name', 'email']).where('id', '=', access.actorId).executeTakeFirst();
    return { featureId, objectiveId, createdAt: now, createdBy: actor ?? null };
  });
}

export async function unlinkFeatureObjective(services: Services, access: Access, featureId: string, objectiveId: string) {
  authorize(access, 'feature.write');
  await services.db.transaction().execute(async (trx) => {
    const feature = await loadFeatureRef(trx, access, featureId);
    const result = await trx
      .deleteFrom('feature_objectives')
      .where('feature_id', '=', featureId)
      .where('objective_id', '=', objectiveId)
      .where('workspace_id', '=', access.workspace.id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound('This link');
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'objective',
      entityId: objectiveId,
      action: 'feature_unlinked',
      actorId: access.actorId,
      changes: { feature: { from: { id: feature.id, title: feature.title }, to: null } },
    });
  });
}
