import { type Kysely, sql } from 'kysely';
import {
  type FeatureEvidence,
  type FeatureScoreInputs,
  frameworkValue,
  parseScoreInputs,
  type ScoringSettings,
} from '../../../domain/scoring/feature-scores.js';
import { isReachWindow, reachWindowSince, utcDay } from '../../../domain/scoring/reach-window.js';
import { SCORE_COLUMNS } from '../../db/migrations/20261122_0004_scoring.js';
import type { Database } from '../../db/schema.js';
import { evidenceOf, withEvidence } from './queries.js';
import { loadScoringSettings } from './scoring-settings.js';

const FRAMEWORKS = Object.keys(SCORE_COLUMNS) as (keyof typeof SCORE_COLUMNS)[];
const COLUMNS = FRAMEWORKS.map((f) => SCORE_COLUMNS[f]);
const BATCH = 500;

type Ranks = (number | null)[];

/**
 * The stored rank per framework (in SCORE_COLUMNS order): frameworkValue, which equals
 * sortValue(scoreFeature(…)) — the number the API shows — without building the DTO.
 */
export function ranksOf(inputs: FeatureScoreInputs, evidence: FeatureEvidence, settings: ScoringSettings): Ranks {
  return FRAMEWORKS.map((f) => {
    const v = frameworkValue(f, inputs, evidence, settings);
    return v !== null && Number.isFinite(v) ? v : null;
  });
}

/**
 * Recomputes the stored score columns of some features (or all of a workspace's, in
 * batches) from their inputs, their current evidence and the workspace settings, with the
 * domain's scoring (frameworkValue = what scoreFeature shows). Call it in the transaction
 * that changed any of those; rows whose ranks did not move are not written. Reach windows
 * are counted as of `day` (today, UTC).
 */
export async function refreshFeatureScores(
  trx: Kysely<Database>,
  workspaceId: string,
  featureIds: readonly string[] | 'all',
  settings?: ScoringSettings,
  day: string = utcDay(new Date()),
): Promise<number> {
  if (featureIds !== 'all' && featureIds.length === 0) return 0;
  const rules = settings ?? (await loadScoringSettings(trx, workspaceId)).settings;
  // Reach windows first: the evidence below is counted in the window ending on `day` (today).
  await syncReachWindows(trx, workspaceId, featureIds, day);
  let changed = 0;
  const load = (ids: readonly string[] | null, afterId: string | null) => {
    let q = withEvidence(
      trx
        .selectFrom('features')
        .select(['features.id', 'features.scores', 'features.reach_since', ...COLUMNS.map((c) => `features.${c}` as const)]),
      rules.revenueCurrency,
    ).where('features.workspace_id', '=', workspaceId);
    if (ids) q = q.where('features.id', 'in', ids);
    if (afterId !== null) q = q.where('features.id', '>', afterId);
    return q.orderBy('features.id').limit(BATCH).execute();
  };
  const apply = async (rows: Awaited<ReturnType<typeof load>>) => {
    const updates: { id: string; ranks: Ranks }[] = [];
    const moved = new Set<number>();
    for (const r of rows) {
      const inputs = parseScoreInputs(r.scores);
      const ranks = ranksOf(inputs, evidenceOf(r, inputs), rules);
      let changedHere = false;
      for (let i = 0; i < COLUMNS.length; i += 1) {
        const stored = r[COLUMNS[i]!];
        if (ranks[i] !== (stored === null || stored === undefined ? null : Number(stored))) {
          moved.add(i);
          changedHere = true;
        }
      }
      if (changedHere) updates.push({ id: r.id, ranks });
    }
    await writeRanks(
      trx,
      updates,
      [...moved].sort((a, b) => a - b),
    );
    changed += updates.length;
  };

  if (featureIds === 'all') {
    let afterId: string | null = null;
    for (;;) {
      const rows = await load(null, afterId);
      if (rows.length === 0) break;
      await apply(rows);
      afterId = rows[rows.length - 1]!.id;
      if (rows.length < BATCH) break;
    }
  } else {
    const unique = [...new Set(featureIds)];
    for (let i = 0; i < unique.length; i += BATCH) await apply(await load(unique.slice(i, i + BATCH), null));
  }
  return changed;
}

/**
 * One UPDATE per batch, from a VALUES list (works the same on SQLite ≥ 3.33 and PostgreSQL).
 * Only the columns that moved in the batch are assigned, so an ICE-variant change rewrites
 * one index per feature rather than seven.
 */
async function writeRanks(trx: Kysely<Database>, updates: { id: string; ranks: Ranks }[], columns: number[]) {
  if (updates.length === 0 || columns.length === 0) return;
  const names = ['id', ...columns.map((i) => `r${i}`)];
  const rows = updates.map(
    (u) => sql`(cast(${u.id} as text), ${sql.join(columns.map((i) => sql`cast(${u.ranks[i]} as double precision)`))})`,
  );
  const sets = columns.map((i) => sql`${sql.id(COLUMNS[i]!)} = v.${sql.id(`r${i}`)}`);
  await sql`with v(${sql.join(names.map((n) => sql.id(n)))}) as (values ${sql.join(rows)})
    update features set ${sql.join(sets)} from v where features.id = v.id`.execute(trx);
}

/** Where a feature's reach window starts on `day` (null: it has none — no window, or a typed reach). */
export function windowOf(inputs: FeatureScoreInputs, day: string): { since: string; asOf: string } | null {
  const rice = inputs.rice;
  const days = rice?.reachWindowDays;
  if (!rice || (rice.reachSource ?? 'manual') === 'manual' || !isReachWindow(days)) return null;
  return { since: reachWindowSince(day, days), asOf: day };
}

/**
 * Sets reach_since / reach_as_of of these features (or every windowed feature of the
 * workspace) to their window as of `day` (today, UTC) — or clears them without one — so
 * the evidence counted next is the window's. refreshFeatureScores calls it first.
 */
export async function syncReachWindows(
  trx: Kysely<Database>,
  workspaceId: string,
  featureIds: readonly string[] | 'all',
  day: string = utcDay(new Date()),
): Promise<void> {
  const load = (ids: readonly string[] | null, afterId: string | null) => {
    let q = trx.selectFrom('features').select(['id', 'scores', 'reach_since', 'reach_as_of']).where('workspace_id', '=', workspaceId);
    if (ids) q = q.where('id', 'in', ids);
    // The whole workspace: only the features that have, or had, a window.
    else q = q.where((eb) => eb.or([eb('reach_as_of', 'is not', null), eb('scores', 'like', '%"reachWindowDays"%')]));
    if (afterId !== null) q = q.where('id', '>', afterId);
    return q.orderBy('id').limit(BATCH).execute();
  };
  const apply = async (rows: Awaited<ReturnType<typeof load>>) => {
    const updates: { id: string; since: string | null; asOf: string | null }[] = [];
    for (const r of rows) {
      const w = windowOf(parseScoreInputs(r.scores), day);
      const since = w?.since ?? null;
      const asOf = w?.asOf ?? null;
      if (since !== r.reach_since || asOf !== r.reach_as_of) updates.push({ id: r.id, since, asOf });
    }
    if (updates.length === 0) return;
    const values = updates.map((u) => sql`(cast(${u.id} as text), cast(${u.since} as text), cast(${u.asOf} as text))`);
    await sql`with v(id, since, as_of) as (values ${sql.join(values)})
      update features set reach_since = v.since, reach_as_of = v.as_of from v where features.id = v.id`.execute(trx);
  };
  if (featureIds === 'all') {
    let afterId: string | null = null;
    for (;;) {
      const rows = await load(null, afterId);
      if (rows.length === 0) break;
      await apply(rows);
      afterId = rows[rows.length - 1]!.id;
      if (rows.length < BATCH) break;
    }
  } else {
    const unique = [...new Set(featureIds)];
    for (let i = 0; i < unique.length; i += BATCH) await apply(await load(unique.slice(i, i + BATCH), null));
  }
}

/**
 * A read on a later day first recounts the features whose reach window was counted for an
 * earlier day (found through an index; usually there are none), so every stored rank and
 * every score shown is the window ending today. Returns how many were recounted.
 */
export async function refreshStaleReachWindows(
  db: Kysely<Database>,
  workspaceId: string,
  day: string = utcDay(new Date()),
): Promise<number> {
  let done = 0;
  for (;;) {
    const stale = await db
      .selectFrom('features')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('reach_as_of', 'is not', null)
      .where('reach_as_of', '<', day)
      .limit(BATCH)
      .execute();
    if (stale.length === 0) return done;
    await db.transaction().execute((trx) =>
      refreshFeatureScores(
        trx,
        workspaceId,
        stale.map((r) => r.id),
        undefined,
        day,
      ),
    );
    done += stale.length;
    if (stale.length < BATCH) return done;
  }
}

/** Features whose evidence includes these insights (their counts or revenue change with them). */
export async function featuresOfInsights(trx: Kysely<Database>, insightIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 0; i < insightIds.length; i += BATCH) {
    const chunk = insightIds.slice(i, i + BATCH);
    const rows = await trx.selectFrom('feature_insights').select('feature_id').distinct().where('insight_id', 'in', chunk).execute();
    for (const r of rows) out.add(r.feature_id);
  }
  return [...out];
}

/** Features with evidence from this customer (their revenue, currency or existence changed). */
export async function featuresOfCustomer(trx: Kysely<Database>, customerId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('feature_insights')
    .innerJoin('insights', 'insights.id', 'feature_insights.insight_id')
    .select('feature_insights.feature_id')
    .distinct()
    .where('insights.customer_id', '=', customerId)
    .execute();
  return rows.map((r) => r.feature_id);
}
