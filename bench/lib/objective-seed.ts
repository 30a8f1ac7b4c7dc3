import type { Insertable } from 'kysely';
import type { OBJECTIVE_STATUSES } from '../../src/contract/objectives.js';
import { periodContaining, shiftPeriod } from '../../src/domain/strategy/index.js';
import type { Db } from '../../src/server/db/connection.js';
import type { ChangeLogTable, FeatureObjectivesTable, KeyResultRow, ObjectiveRow } from '../../src/server/db/schema.js';
import { diff } from '../../src/server/events/change-log.js';
import { newId } from '../../src/server/lib/ids.js';
import {
  KEY_RESULT_TRACKED,
  OBJECTIVE_TRACKED,
  searchKeyOf,
  toKeyResultDto,
  toObjectiveDto,
} from '../../src/server/modules/objectives/queries.js';

/**
 * Bulk seeding of OKRs, as the objectives API writes them: objectives over twelve quarters
 * around today (one in four a top-level goal, the others its children), three key results
 * each at some progress, two linked features each, and the change-log entries createObjective,
 * createKeyResult and linkFeatureObjective append. A workspace holds one objective per ten
 * items of the collection size: even 10,000 objectives is more than any portfolio tracks.
 */

const BATCH = 200;
const GOALS = ['Grow', 'Retain', 'Activate', 'Delight', 'Expand', 'Simplify', 'Secure', 'Speed up'];
const WHO = ['freelancers', 'agencies', 'enterprise teams', 'new sign-ups', 'mobile users', 'admins', 'partners'];
const METRICS = ['Weekly active users', 'Net revenue retention', 'Activation rate', 'NPS', 'Time to value (days)'];
const STATUSES = ['active', 'active', 'active', 'draft', 'achieved', 'missed', 'dropped'] satisfies (typeof OBJECTIVE_STATUSES)[number][];

export const objectivesFor = (size: number) => Math.max(10, Math.floor(size / 10));

export async function topUpObjectives(db: Db, workspaceId: string, actorId: string, target: number): Promise<number> {
  const { n } = await db.kysely
    .selectFrom('objectives')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  const have = Number(n);
  const features = await db.kysely
    .selectFrom('features')
    .select(['id', 'title'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .limit(20_000)
    .execute();
  const thisQuarter = periodContaining('quarter', new Date().toISOString().slice(0, 10));
  let root: string | null = null;
  for (let start = have; start < target; start += BATCH) {
    const now = new Date().toISOString();
    const objectives: ObjectiveRow[] = [];
    const keyResults: KeyResultRow[] = [];
    const links: FeatureObjectivesTable[] = [];
    const changes: Insertable<ChangeLogTable>[] = [];
    const log = (entity: string, entityId: string, action: string, change: object) =>
      changes.push({
        workspace_id: workspaceId,
        entity,
        entity_id: entityId,
        action,
        actor_id: actorId,
        at: now,
        changes: JSON.stringify(change),
        note: null,
      });
    for (let k = start; k < Math.min(start + BATCH, target); k++) {
      const title = `${GOALS[k % GOALS.length]} ${WHO[(k * 3) % WHO.length]} ${String(k).padStart(5, '0')}`;
      const description = `Seeded for the benchmark: objective ${k}.`;
      const period = shiftPeriod(thisQuarter, (k % 12) - 6);
      const isRoot = k % 4 === 0 || root === null;
      const row: ObjectiveRow = {
        id: newId(),
        workspace_id: workspaceId,
        parent_id: isRoot ? null : root,
        product_id: null,
        title,
        description,
        search_key: searchKeyOf(title, description),
        period_kind: period.kind,
        period_start: period.start,
        period_end: period.end,
        owner_id: actorId,
        status: STATUSES[k % STATUSES.length]!,
        created_by: actorId,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      if (isRoot) root = row.id;
      objectives.push(row);
      log('objective', row.id, 'created', diff(null, toObjectiveDto(row), OBJECTIVE_TRACKED));
      for (let j = 0; j < 3; j++) {
        const baseline = 10 * j;
        const kr: KeyResultRow = {
          id: newId(),
          workspace_id: workspaceId,
          objective_id: row.id,
          title: `${METRICS[(k + j) % METRICS.length]} target ${j + 1}`,
          metric: METRICS[(k + j) % METRICS.length]!,
          baseline,
          target: baseline + 100,
          current: (k + j) % 5 === 0 ? null : baseline + ((k * 17 + j * 29) % 120),
          unit: '',
          direction: 'increase',
          position: j,
          created_by: actorId,
          version: 1,
          created_at: now,
          updated_at: now,
        };
        keyResults.push(kr);
        log('key_result', kr.id, 'created', {
          objectiveId: { from: null, to: row.id },
          ...diff(null, toKeyResultDto(kr), KEY_RESULT_TRACKED),
        });
      }
      for (let j = 0; j < 2 && features.length > 0; j++) {
        const feature = features[(k * 2 + j) % features.length]!;
        links.push({ feature_id: feature.id, objective_id: row.id, workspace_id: workspaceId, created_by: actorId, created_at: now });
        log('objective', row.id, 'feature_linked', { feature: { from: null, to: { id: feature.id, title: feature.title } } });
      }
    }
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('objectives').values(objectives).execute();
      await trx.insertInto('key_results').values(keyResults).execute();
      if (links.length) await trx.insertInto('feature_objectives').values(links).execute();
      await trx.insertInto('change_log').values(changes).execute();
    });
  }
  return Math.max(0, target - have);
}
