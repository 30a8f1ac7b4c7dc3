import type { Kysely } from 'kysely';
import { checkTransition, isStage, openGateItems, REFUSAL_MESSAGES, STAGE_GATES, type Stage } from '../../../domain/lifecycle.js';
import { FRAMEWORK_KEYS, type FrameworkKey } from '../../../domain/scoring/result.js';
import { deleteAtVersion } from '../../db/delete-version.js';
import { containsText } from '../../db/like.js';
import type { Database, ProductRow, ProductStageRow } from '../../db/schema.js';
import { appendChange, diff } from '../../events/change-log.js';
import { AppError, invalid, notFound, versionConflict } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId, nowIso } from '../../lib/ids.js';
import type { Services } from '../../services.js';
import { loadScoringSettings } from '../features/scoring-settings.js';
import { indexDocument, removeDocument } from '../search/repo.js';
import { type Access, authorize } from '../workspaces/service.js';

export interface Segment {
  name: string;
  description: string;
}

/** The frameworks a product uses; unreadable or empty means the default, RICE. */
function parseFrameworks(text: string | null | undefined): FrameworkKey[] {
  try {
    const list = JSON.parse(text ?? '[]') as unknown;
    const known = Array.isArray(list) ? list.filter((f): f is FrameworkKey => (FRAMEWORK_KEYS as readonly unknown[]).includes(f)) : [];
    return known.length > 0 ? known : ['rice'];
  } catch {
    return ['rice'];
  }
}

export function toProductDto(p: ProductRow) {
  return {
    id: p.id,
    workspaceId: p.workspace_id,
    name: p.name,
    vision: p.vision,
    stage: (isStage(p.stage) ? p.stage : 'conception') as Stage,
    segments: JSON.parse(p.segments) as Segment[],
    checklist: JSON.parse(p.checklist) as Record<string, boolean>,
    scoringFrameworks: parseFrameworks(p.scoring_frameworks),
    archivedAt: p.archived_at,
    version: p.version,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}
export type ProductDto = ReturnType<typeof toProductDto>;

/** Products are found by name, vision and segments. */
function productSearchDoc(p: ProductDto) {
  return {
    entity: 'product' as const,
    entityId: p.id,
    workspaceId: p.workspaceId,
    title: p.name,
    body: [p.vision, ...p.segments.map((s) => `${s.name} ${s.description}`)].join('\n'),
  };
}

const TRACKED: (keyof ProductDto & string)[] = ['name', 'vision', 'stage', 'segments', 'checklist', 'scoringFrameworks', 'archivedAt'];

async function loadProduct(db: Kysely<Database>, access: Access, id: string): Promise<ProductRow> {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .where('id', '=', id)
    .where('workspace_id', '=', access.workspace.id)
    .executeTakeFirst();
  if (!row) throw notFound('This product');
  return row;
}

export async function getProduct(db: Kysely<Database>, access: Access, id: string) {
  authorize(access, 'product.read');
  return toProductDto(await loadProduct(db, access, id));
}

export async function listProducts(
  db: Kysely<Database>,
  access: Access,
  query: {
    cursor?: string | undefined;
    limit: number;
    stage?: Stage | undefined;
    q?: string | undefined;
    archived: 'true' | 'false' | 'all';
  },
) {
  authorize(access, 'product.read');
  const after = decodeCursor(query.cursor);
  let q = db.selectFrom('products').selectAll().where('workspace_id', '=', access.workspace.id);
  if (query.stage) q = q.where('stage', '=', query.stage);
  if (query.archived === 'false') q = q.where('archived_at', 'is', null);
  if (query.archived === 'true') q = q.where('archived_at', 'is not', null);
  if (query.q) {
    const needle = query.q.toLowerCase();
    q = q.where((eb) => containsText(eb.fn('lower', ['name']), needle));
  }
  if (after) {
    const [name, id] = after;
    q = q.where((eb) => eb.or([eb('name', '>', String(name)), eb.and([eb('name', '=', String(name)), eb('id', '>', id)])]));
  }
  const rows = await q
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const pageOf = toPage(rows, query.limit, (r) => [r.name, r.id]);
  return { items: pageOf.items.map(toProductDto), nextCursor: pageOf.nextCursor };
}

export async function createProduct(
  services: Services,
  access: Access,
  input: {
    name: string;
    vision?: string | undefined;
    stage?: Stage | undefined;
    segments?: Segment[] | undefined;
    scoringFrameworks?: FrameworkKey[] | undefined;
  },
) {
  authorize(access, 'product.write');
  return services.db.transaction().execute(async (trx) => {
    const now = nowIso();
    // Without a choice, a new product scores with the workspace's default framework.
    const frameworks = input.scoringFrameworks ?? [(await loadScoringSettings(trx, access.workspace.id)).settings.defaultFramework];
    const row: ProductRow = {
      id: newId(),
      workspace_id: access.workspace.id,
      name: input.name,
      vision: input.vision ?? '',
      stage: input.stage ?? 'conception',
      segments: JSON.stringify(input.segments ?? []),
      checklist: '{}',
      scoring_frameworks: JSON.stringify(frameworks),
      archived_at: null,
      created_by: access.actorId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('products').values(row).execute();
    await trx
      .insertInto('product_stages')
      .values({
        id: newId(),
        workspace_id: row.workspace_id,
        product_id: row.id,
        from_stage: null,
        to_stage: row.stage,
        note: null,
        open_gate_items: '[]',
        actor_id: access.actorId,
        at: now,
      })
      .execute();
    const dto = toProductDto(row);
    await indexDocument(trx, services.dialect, productSearchDoc(dto));
    await appendChange(trx, {
      workspaceId: row.workspace_id,
      entity: 'product',
      entityId: row.id,
      action: 'created',
      actorId: access.actorId,
      changes: diff(null, dto, TRACKED),
    });
    return dto;
  });
}

function checkChecklistKeys(checklist: Record<string, boolean>): void {
  const errors = Object.keys(checklist)
    .filter((key) => {
      const [stage, item] = key.split('.');
      return !isStage(stage) || item === undefined || !STAGE_GATES[stage].includes(item);
    })
    .map((key) => ({ path: `checklist.${key}`, message: 'Unknown checklist item' }));
  if (errors.length > 0) throw invalid(errors);
}

export async function updateProduct(
  services: Services,
  access: Access,
  id: string,
  expectedVersion: number,
  patch: {
    name?: string | undefined;
    vision?: string | undefined;
    segments?: Segment[] | undefined;
    checklist?: Record<string, boolean> | undefined;
    scoringFrameworks?: FrameworkKey[] | undefined;
    archived?: boolean | undefined;
  },
) {
  authorize(access, 'product.write');
  if (patch.checklist) checkChecklistKeys(patch.checklist);
  return services.db.transaction().execute(async (trx) => {
    const beforeRow = await loadProduct(trx, access, id);
    const before = toProductDto(beforeRow);
    if (beforeRow.version !== expectedVersion) throw versionConflict(before);
    const now = nowIso();
    const after: ProductDto = {
      ...before,
      name: patch.name ?? before.name,
      vision: patch.vision ?? before.vision,
      segments: patch.segments ?? before.segments,
      checklist: patch.checklist ? { ...before.checklist, ...patch.checklist } : before.checklist,
      scoringFrameworks: patch.scoringFrameworks ?? before.scoringFrameworks,
      archivedAt: patch.archived === undefined ? before.archivedAt : patch.archived ? (before.archivedAt ?? now) : null,
      version: before.version + 1,
      updatedAt: now,
    };
    const changes = diff(before, after, TRACKED);
    if (Object.keys(changes).length === 0) return before;
    const result = await trx
      .updateTable('products')
      .set({
        name: after.name,
        vision: after.vision,
        segments: JSON.stringify(after.segments),
        checklist: JSON.stringify(after.checklist),
        scoring_frameworks: JSON.stringify(after.scoringFrameworks),
        archived_at: after.archivedAt,
        version: after.version,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw versionConflict(toProductDto(await loadProduct(trx, access, id)));
    await indexDocument(trx, services.dialect, productSearchDoc(after));
    const action = 'archivedAt' in changes ? (after.archivedAt ? 'archived' : 'restored') : 'updated';
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'product',
      entityId: id,
      action,
      actorId: access.actorId,
      changes,
    });
    return after;
  });
}

export async function deleteProduct(services: Services, access: Access, id: string, expectedVersion: number | null) {
  authorize(access, 'product.write');
  await services.db.transaction().execute(async (trx) => {
    const before = toProductDto(await loadProduct(trx, access, id));
    if (!(await deleteAtVersion(trx, 'products', id, expectedVersion)))
      throw versionConflict(toProductDto(await loadProduct(trx, access, id)));
    await removeDocument(trx, 'product', id);
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'product',
      entityId: id,
      action: 'deleted',
      actorId: access.actorId,
      changes: diff(before, null, ['name', 'stage']),
    });
  });
}

type StageEntryRow = ProductStageRow & { actor_name: string | null; actor_email: string | null };

function toStageEntryDto(r: StageEntryRow) {
  return {
    id: r.id,
    fromStage: r.from_stage !== null && isStage(r.from_stage) ? r.from_stage : null,
    toStage: (isStage(r.to_stage) ? r.to_stage : 'conception') as Stage,
    note: r.note,
    openGateItems: JSON.parse(r.open_gate_items) as string[],
    actor: r.actor_id && r.actor_name !== null ? { id: r.actor_id, name: r.actor_name, email: r.actor_email ?? '' } : null,
    at: r.at,
  };
}

/** Moves the lifecycle stage; the domain decides if the move is allowed and why not. */
export async function moveStage(db: Kysely<Database>, access: Access, id: string, input: { stage: Stage; note?: string | undefined }) {
  authorize(access, 'product.stage');
  return db.transaction().execute(async (trx) => {
    const beforeRow = await loadProduct(trx, access, id);
    const before = toProductDto(beforeRow);
    const verdict = checkTransition(before.stage, input.stage, input.note);
    if (!verdict.allowed) {
      throw new AppError('stage_transition_not_allowed', REFUSAL_MESSAGES[verdict.reason], {
        errors: [{ path: 'stage', message: verdict.reason }],
      });
    }
    const now = nowIso();
    const open = verdict.kind === 'forward' ? openGateItems(before.stage, before.checklist) : [];
    const after: ProductDto = { ...before, stage: input.stage, version: before.version + 1, updatedAt: now };
    const result = await trx
      .updateTable('products')
      .set({ stage: after.stage, version: after.version, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw versionConflict(toProductDto(await loadProduct(trx, access, id)));
    const entry: ProductStageRow = {
      id: newId(),
      workspace_id: access.workspace.id,
      product_id: id,
      from_stage: before.stage,
      to_stage: input.stage,
      note: input.note?.trim() || null,
      open_gate_items: JSON.stringify(open),
      actor_id: access.actorId,
      at: now,
    };
    await trx.insertInto('product_stages').values(entry).execute();
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'product',
      entityId: id,
      action: 'stage_changed',
      actorId: access.actorId,
      changes: diff(before, after, ['stage']),
      note: entry.note,
    });
    const actor = await trx.selectFrom('users').select(['name', 'email']).where('id', '=', access.actorId).executeTakeFirst();
    return { product: after, entry: toStageEntryDto({ ...entry, actor_name: actor?.name ?? null, actor_email: actor?.email ?? null }) };
  });
}

export async function listStageHistory(db: Kysely<Database>, access: Access, id: string) {
  authorize(access, 'product.read');
  await loadProduct(db, access, id);
  const rows = await db
    .selectFrom('product_stages')
    .leftJoin('users', 'users.id', 'product_stages.actor_id')
    .selectAll('product_stages')
    .select(['users.name as actor_name', 'users.email as actor_email'])
    .where('product_stages.product_id', '=', id)
    .where('product_stages.workspace_id', '=', access.workspace.id)
    .orderBy('product_stages.at', 'desc')
    .orderBy('product_stages.id', 'desc')
    .execute();
  return rows.map(toStageEntryDto);
}
