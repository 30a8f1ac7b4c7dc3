import type { Insertable } from 'kysely';
import { diffScoreInputs } from '../../src/domain/scoring/feature-scores.js';
import { DEFAULT_SCORING_SETTINGS, type FeatureScoreInputs, FIBONACCI_SCALE, NO_EVIDENCE } from '../../src/domain/scoring/index.js';
import type { Db } from '../../src/server/db/connection.js';
import type { ChangeLogTable, FeatureRow } from '../../src/server/db/schema.js';
import { newId } from '../../src/server/lib/ids.js';
import { nameKey } from '../../src/server/lib/text.js';
import { ranksOf } from '../../src/server/modules/features/scores.js';

/**
 * Bulk seeding of scored features, as createFeature writes them: the row with its score
 * inputs and the stored rank columns (computed by the same ranksOf the server
 * uses, with the workspace's default settings and no evidence yet), and a 'created'
 * change-log entry. About one feature in eight leaves some inputs out, so every ranked list
 * has unscored features at its end, as real backlogs do.
 */

const BATCH = 500;
const VERBS = ['Export', 'Import', 'Share', 'Filter', 'Archive', 'Schedule', 'Compare', 'Tag', 'Comment on', 'Forecast'];
const THINGS = ['roadmaps', 'insights', 'releases', 'objectives', 'reports', 'dashboards', 'invoices', 'personas', 'segments'];
const IMPACTS = [3, 2, 1, 0.5, 0.25];
const CONFIDENCES = [1, 0.8, 0.5];
const MOSCOW = ['must', 'should', 'could', 'wont'] as const;
const KANO = ['must_be', 'one_dimensional', 'attractive', 'indifferent'] as const;

function inputsAt(k: number): FeatureScoreInputs {
  const fib = (n: number) => FIBONACCI_SCALE[n % FIBONACCI_SCALE.length]!;
  const partial = k % 8 === 7;
  return {
    rice: {
      ...(partial ? {} : { reach: (k * 37) % 5000 }),
      impact: IMPACTS[k % IMPACTS.length]!,
      confidence: CONFIDENCES[k % CONFIDENCES.length]!,
      effort: 0.5 + (k % 12),
    },
    ice: { impact: 1 + (k % 10), confidence: 1 + ((k * 3) % 10), ...(partial ? {} : { ease: 1 + ((k * 7) % 10) }) },
    wsjf: { businessValue: fib(k), timeCriticality: fib(k + 3), riskReduction: fib(k + 5), jobSize: fib(k + 1) },
    moscow: { category: MOSCOW[k % MOSCOW.length]!, effort: 1 + (k % 13) },
    kano: { category: KANO[k % KANO.length]! },
    valueEffort: { value: 1 + ((k * 5) % 10), effort: 1 + ((k * 3) % 10) },
  };
}

function featureAt(k: number, workspaceId: string, actorId: string, now: string): FeatureRow {
  const title = `${VERBS[k % VERBS.length]} ${THINGS[(k * 7) % THINGS.length]} ${String(k).padStart(6, '0')}`;
  const inputs = inputsAt(k);
  const [rice, ice, wsjf, custom, valueEffort, moscow, kano] = ranksOf(inputs, NO_EVIDENCE, DEFAULT_SCORING_SETTINGS);
  return {
    id: newId(),
    workspace_id: workspaceId,
    product_id: null,
    title,
    title_key: nameKey(title),
    description: 'Seeded for the benchmark.',
    status: 'idea',
    owner_id: null,
    tags: '[]',
    scores: JSON.stringify(inputs),
    score_rice: rice ?? null,
    score_ice: ice ?? null,
    score_wsjf: wsjf ?? null,
    score_custom: custom ?? null,
    score_value_effort: valueEffort ?? null,
    score_moscow: moscow ?? null,
    score_kano: kano ?? null,
    reach_since: null,
    reach_as_of: null,
    created_by: actorId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/** Inserts scored features until the workspace holds `target` of them; returns how many were added. */
export async function topUpFeatures(db: Db, workspaceId: string, actorId: string, target: number): Promise<number> {
  const { count } = await db.kysely
    .selectFrom('features')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  const have = Number(count);
  for (let start = have; start < target; start += BATCH) {
    const now = new Date().toISOString();
    const features = Array.from({ length: Math.min(BATCH, target - start) }, (_, k) => featureAt(start + k, workspaceId, actorId, now));
    const changes: Insertable<ChangeLogTable>[] = features.map((f) => ({
      workspace_id: workspaceId,
      entity: 'feature',
      entity_id: f.id,
      action: 'created',
      actor_id: actorId,
      at: now,
      changes: JSON.stringify({ title: { from: null, to: f.title }, ...diffScoreInputs({}, JSON.parse(f.scores)) }),
      note: null,
    }));
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('features').values(features).execute();
      await trx.insertInto('change_log').values(changes).execute();
    });
  }
  return Math.max(0, target - have);
}
