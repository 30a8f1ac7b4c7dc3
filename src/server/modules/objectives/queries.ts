import { type Kysely, sql } from 'kysely';
import { OBJECTIVE_STATUSES } from '../../../contract/objectives.js';
import {
  type Direction,
  isDirection,
  isPeriodKind,
  keyResultProgress,
  objectiveProgress,
  type PeriodKind,
} from '../../../domain/strategy/index.js';
import type { Dialect } from '../../db/connection.js';
import type { Database, KeyResultRow, ObjectiveRow } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { nameKey } from '../../lib/text.js';
import type { Access } from '../workspaces/service.js';

export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
const STATUSES = new Set<string>(OBJECTIVE_STATUSES);

export interface ObjectiveStats {
  progress: number | null;
  keyResultCount: number;
  featureCount: number;
}
const NO_STATS: ObjectiveStats = { progress: null, keyResultCount: 0, featureCount: 0 };

export function toObjectiveDto(r: ObjectiveRow, stats: ObjectiveStats = NO_STATS) {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    parentId: r.parent_id,
    productId: r.product_id,
    title: r.title,
    description: r.description,
    period: { kind: (isPeriodKind(r.period_kind) ? r.period_kind : 'custom') as PeriodKind, start: r.period_start, end: r.period_end },
    ownerId: r.owner_id,
    status: (STATUSES.has(r.status) ? r.status : 'active') as ObjectiveStatus,
    progress: stats.progress,
    keyResultCount: stats.keyResultCount,
    featureCount: stats.featureCount,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
export type ObjectiveDto = ReturnType<typeof toObjectiveDto>;

/** Fields whose changes the change log records. */
export const OBJECTIVE_TRACKED: (keyof ObjectiveDto & string)[] = [
  'title',
  'description',
  'parentId',
  'productId',
  'period',
  'ownerId',
  'status',
];

export function toKeyResultDto(r: KeyResultRow) {
  const direction: Direction = isDirection(r.direction) ? r.direction : 'increase';
  const baseline = Number(r.baseline);
  const target = Number(r.target);
  const current = r.current === null ? null : Number(r.current);
  return {
    id: r.id,
    objectiveId: r.objective_id,
    title: r.title,
    metric: r.metric,
    baseline,
    target,
    current,
    unit: r.unit,
    direction,
    progress: keyResultProgress({ baseline, target, current, direction }),
    position: r.position,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
export type KeyResultDto = ReturnType<typeof toKeyResultDto>;

export const KEY_RESULT_TRACKED: (keyof KeyResultDto & string)[] = [
  'title',
  'metric',
  'baseline',
  'target',
  'current',
  'unit',
  'direction',
];

/** What the `q` filter matches: title and description, lower-cased and without accents. */
export function searchKeyOf(title: string, description: string): string {
  return nameKey(`${title}\n${description}`);
}

export async function loadObjective(db: Kysely<Database>, access: Access, id: string): Promise<ObjectiveRow> {
  const row = await db
    .selectFrom('objectives')
    .selectAll()
    .where('id', '=', id)
    .where('workspace_id', '=', access.workspace.id)
    .executeTakeFirst();
  if (!row) throw notFound('This objective');
  return row;
}

const CHUNK = 500;

/** Progress and counts of many objectives in two queries (plus one per 500 objectives). */
export async function statsOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, ObjectiveStats>> {
  const out = new Map<string, { progresses: (number | null)[]; featureCount: number }>();
  for (const id of ids) out.set(id, { progresses: [], featureCount: 0 });
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const [krs, links] = await Promise.all([
      db
        .selectFrom('key_results')
        .select(['objective_id', 'baseline', 'target', 'current', 'direction'])
        .where('objective_id', 'in', chunk)
        .execute(),
      db
        .selectFrom('feature_objectives')
        .select((eb) => ['objective_id', eb.fn.countAll<number>().as('n')])
        .where('objective_id', 'in', chunk)
        .groupBy('objective_id')
        .execute(),
    ]);
    for (const kr of krs) {
      const direction: Direction = isDirection(kr.direction) ? kr.direction : 'increase';
      out.get(kr.objective_id)?.progresses.push(
        keyResultProgress({
          baseline: Number(kr.baseline),
          target: Number(kr.target),
          current: kr.current === null ? null : Number(kr.current),
          direction,
        }),
      );
    }
    for (const link of links) {
      const entry = out.get(link.objective_id);
      if (entry) entry.featureCount = Number(link.n);
    }
  }
  const stats = new Map<string, ObjectiveStats>();
  for (const [id, { progresses, featureCount }] of out) {
    stats.set(id, { progress: objectiveProgress(progresses), keyResultCount: progresses.length, featureCount });
  }
  return stats;
}

export async function objectiveDtos(db: Kysely<Database>, rows: readonly ObjectiveRow[]): Promise<ObjectiveDto[]> {
  const stats = await statsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toObjectiveDto(r, stats.get(r.id)));
}

export async function objectiveDto(db: Kysely<Database>, row: ObjectiveRow): Promise<ObjectiveDto> {
  return (await objectiveDtos(db, [row]))[0]!;
}

/**
 * Serialises changes to a workspace's tree on PostgreSQL, so two moves checked at the same
 * time cannot together create a cycle. SQLite runs one write transaction at a time already.
 */
export async function lockTree(db: Kysely<Database>, dialect: Dialect, workspaceId: string): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`cairn.objectives.${workspaceId}`}))`.execute(db);
}

/** Every objective of the workspace with its parent: what a move is checked against. */
export async function parentMap(db: Kysely<Database>, workspaceId: string): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('objectives').select(['id', 'parent_id']).where('workspace_id', '=', workspaceId).execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}
