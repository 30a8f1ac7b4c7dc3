import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ObjectiveCreateBody, ObjectiveListQuery, ObjectivePatchBody } from '../../../contract/objectives.js';
import { checkMove, MOVE_REFUSALS } from '../../../domain/strategy/index.js';
import { deleteAtVersion } from '../../db/delete-version.js';
import { containsText } from '../../db/like.js';
import type { Database, ObjectiveRow } from '../../db/schema.js';
import { appendChange, diff } from '../../events/change-log.js';
import { AppError, type FieldError, versionConflict } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId, nowIso } from '../../lib/ids.js';
import { nameKey } from '../../lib/text.js';
import type { Services } from '../../services.js';
import { type Access, authorize } from '../workspaces/service.js';
import {
  loadObjective,
  lockTree,
  OBJECTIVE_TRACKED,
  objectiveDto,
  objectiveDtos,
  parentMap,
  searchKeyOf,
  toObjectiveDto,
} from './queries.js';

type ListQuery = z.output<typeof ObjectiveListQuery>;

/** Product and owner must belong to this workspace (the owner as an active member). */
async function checkReferences(
  db: Kysely<Database>,
  workspaceId: string,
  refs: { productId?: string | null | undefined; ownerId?: string | null | undefined },
) {
  const errors: FieldError[] = [];
  if (refs.productId) {
    const product = await db
      .selectFrom('products')
      .select('id')
      .where('id', '=', refs.productId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!product) errors.push({ path: 'body.productId', message: 'No such product in this workspace' });
  }
  if (refs.ownerId) {
    const member = await db
      .selectFrom('memberships')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', refs.ownerId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (!member) errors.push({ path: 'body.ownerId', message: 'Not a member of this workspace' });
  }
  if (errors.length > 0) throw new AppError('rule_violated', errors.map((e) => e.message).join('; '), { errors });
}

/** Refuses a parent that would loop the tree, make it too deep, or is not in this workspace. */
async function checkParent(db: Kysely<Database>, workspaceId: string, id: string | null, parentId: string | null) {
  const verdict = checkMove(await parentMap(db, workspaceId), id, parentId);
  if (!verdict.allowed) {
    const message = MOVE_REFUSALS[verdict.reason];
    throw new AppError('rule_violated', message, { errors: [{ path: 'body.parentId', message }] });
  }
}

export async function listObjectives(services: Services, access: Access, query: ListQuery) {
  authorize(access, 'strategy.read');
  const after = decodeCursor(query.cursor);
  let q = services.db.selectFrom('objectives').selectAll().where('workspace_id', '=', access.workspace.id);
  if (query.productId) q = q.where('product_id', '=', query.productId);
  if (query.parentId === 'root') q = q.where('parent_id', 'is', null);
  else if (query.parentId) q = q.where('parent_id', '=', query.parentId);
  if (query.status?.length) q = q.where('status', 'in', query.status);
  if (query.activeOn) q = q.where('period_start', '<=', query.activeOn).where('period_end', '>=', query.activeOn);
  if (query.q) {
    // Every word must appear somewhere in the title or description.
    for (const word of nameKey(query.q).split(' ').filter(Boolean).slice(0, 8)) {
      q = q.where((eb) => containsText(eb.ref('search_key'), word));
    }
  }
  if (after) {
    const [createdAt, id] = after;
    q = q.where((eb) =>
      eb.or([eb('created_at', '>', String(createdAt)), eb.and([eb('created_at', '=', String(createdAt)), eb('id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('created_at')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const p = toPage(rows, query.limit, (r) => [r.created_at, r.id]);
  return { items: await objectiveDtos(services.db, p.items), nextCursor: p.nextCursor };
}

export async function getObjective(services: Services, access: Access, id: string) {
  authorize(access, 'strategy.read');
  return objectiveDto(services.db, await loadObjective(services.db, access, id));
}

export async function createObjective(services: Services, access: Access, input: z.output<typeof ObjectiveCreateBody>) {
  authorize(access, 'strategy.write');
  return services.db.transaction().execute(async (trx) => {
    const ownerId = input.ownerId === undefined ? access.actorId : input.ownerId;
    await checkReferences(trx, access.workspace.id, { productId: input.productId, ownerId });
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      await lockTree(trx, services.dialect, access.workspace.id);
      await checkParent(trx, access.workspace.id, null, parentId);
    }
    const now = nowIso();
    const description = input.description ?? '';
    const row: ObjectiveRow = {
      id: newId(),
      workspace_id: access.workspace.id,
      parent_id: parentId,
      product_id: input.productId ?? null,
      title: input.title,
      description,
      search_key: searchKeyOf(input.title, description),
      period_kind: input.period.kind,
      period_start: input.period.start,
      period_end: input.period.end,
      owner_id: ownerId,
      status: input.status ?? 'active',
      created_by: access.actorId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('objectives').values(row).execute();
    const dto = toObjectiveDto(row);
    await appendChange(trx, {
      workspaceId: row.workspace_id,
      entity: 'objective',
      entityId: row.id,
      action: 'created',
      actorId: access.actorId,
      changes: diff(null, dto, OBJECTIVE_TRACKED),
    });
    return dto;
  });
}

export async function updateObjective(
  services: Services,
  access: Access,
  id: string,
  expectedVersion: number,
  patch: z.output<typeof ObjectivePatchBody>,
) {
  authorize(access, 'strategy.write');
  return services.db.transaction().execute(async (trx) => {
    const moving = patch.parentId !== undefined;
    // The lock comes first so the tree read below is the one the move is written against.
    if (moving) await lockTree(trx, services.dialect, access.workspace.id);
    const before = await loadObjective(trx, access, id);
    if (before.version !== expectedVersion) throw versionConflict(await objectiveDto(trx, before));
    await checkReferences(trx, access.workspace.id, { productId: patch.productId, ownerId: patch.ownerId });
    if (moving && patch.parentId !== before.parent_id) await checkParent(trx, access.workspace.id, id, patch.parentId ?? null);
    const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    const title = patch.title ?? before.title;
    const description = patch.description ?? before.description;
    const after: ObjectiveRow = {
      ...before,
      title,
      description,
      search_key: searchKeyOf(title, description),
      parent_id: pick(patch.parentId, before.parent_id),
      product_id: pick(patch.productId, before.product_id),
      owner_id: pick(patch.ownerId, before.owner_id),
      status: patch.status ?? before.status,
      period_kind: patch.period?.kind ?? before.period_kind,
      period_start: patch.period?.start ?? before.period_start,
      period_end: patch.period?.end ?? before.period_end,
      version: before.version + 1,
      updated_at: nowIso(),
    };
    const changes = diff(toObjectiveDto(before), toObjectiveDto(after), OBJECTIVE_TRACKED);
    if (Object.keys(changes).length === 0) return objectiveDto(trx, before);
    const { id: _id, workspace_id: _w, created_at: _c, created_by: _b, ...set } = after;
    const result = await trx
      .updateTable('objectives')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw versionConflict(await objectiveDto(trx, await loadObjective(trx, access, id)));
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'objective',
      entityId: id,
      action: 'updated',
      actorId: access.actorId,
      changes,
    });
    return objectiveDto(trx, after);
  });
}

/**
 * Deletes an objective with its key results and feature links. An objective with child
 * objectives is not deleted: its children would silently lose (or change) what they align
 * to, so they are moved or deleted first, on purpose.
 */
export async function deleteObjective(services: Services, access: Access, id: string, expectedVersion: number | null) {
  authorize(access, 'strategy.write');
  await services.db.transaction().execute(async (trx) => {
    await lockTree(trx, services.dialect, access.workspace.id);
    const before = await loadObjective(trx, access, id);
    const children = await trx
      .selectFrom('objectives')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', access.workspace.id)
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow();
    const count = Number(children.n);
    if (count > 0) {
      throw new AppError(
        'rule_violated',
        `This objective has ${count} child objective${count === 1 ? '' : 's'}: move ${count === 1 ? 'it' : 'them'} under another parent or delete ${count === 1 ? 'it' : 'them'} first.`,
        { errors: [{ path: 'params.id', message: `${count} child objective(s)` }] },
      );
    }
    // The objective first: if it changed meanwhile, nothing else is touched.
    if (!(await deleteAtVersion(trx, 'objectives', id, expectedVersion)))
      throw versionConflict(await objectiveDto(trx, await loadObjective(trx, access, id)));
    await trx.deleteFrom('key_results').where('objective_id', '=', id).execute();
    await trx.deleteFrom('feature_objectives').where('objective_id', '=', id).execute();
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'objective',
      entityId: id,
      action: 'deleted',
      actorId: access.actorId,
      changes: diff(toObjectiveDto(before), null, ['title']),
    });
  });
}
