import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { FeatureListQuery } from '../../../contract/discovery.js';
import {
  type FeatureEvidence,
  type FeatureScoreInputs,
  parseScoreInputs,
  type ScoringSettings,
  scoreFeature,
} from '../../../domain/scoring/feature-scores.js';
import { containsTextAnyCase } from '../../db/like.js';
import type { Database, FeatureRow } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { parseJsonArray } from '../../lib/text.js';
import type { Services } from '../../services.js';
import { matchingIds } from '../search/repo.js';
import { type Access, authorize } from '../workspaces/service.js';
import { featurePage } from './list.js';
import { refreshStaleReachWindows } from './scores.js';
import { loadScoringSettings } from './scoring-settings.js';

/** A feature row with its evidence: linked insights, distinct customers, their monthly revenue (and inside its reach window). */
export type FeatureView = FeatureRow & {
  insight_count: number | string | null;
  customer_count: number | string | null;
  evidence_revenue: number | string | null;
  window_insight_count: number | string | null;
  window_customer_count: number | string | null;
};

const STATUSES = new Set(['idea', 'discovery', 'planned', 'in_progress', 'released', 'measured', 'wont_do']);
type FeatureStatus = 'idea' | 'discovery' | 'planned' | 'in_progress' | 'released' | 'measured' | 'wont_do';

type EvidenceColumns = Pick<
  FeatureView,
  'insight_count' | 'customer_count' | 'evidence_revenue' | 'window_insight_count' | 'window_customer_count' | 'reach_since'
>;

/**
 * The evidence scoring reads, from a row of withEvidence. The window counts belong to the
 * window the row's reach_since was set for (syncReachWindows keeps it equal to the inputs'
 * reachWindowDays, in the transaction that changes them).
 */
export function evidenceOf(r: EvidenceColumns, inputs: FeatureScoreInputs): FeatureEvidence {
  const days = inputs.rice?.reachWindowDays;
  return {
    insights: Number(r.insight_count ?? 0),
    customers: Number(r.customer_count ?? 0),
    revenue: Number(r.evidence_revenue ?? 0),
    window:
      typeof days === 'number' && r.reach_since
        ? {
            days,
            since: r.reach_since,
            insights: Number(r.window_insight_count ?? 0),
            customers: Number(r.window_customer_count ?? 0),
          }
        : null,
  };
}

/** The API shape of a feature; `scores` is computed by the domain's scoreFeature, as in the browser. */
export function toFeatureDto(r: FeatureView, settings: ScoringSettings) {
  const inputs = parseScoreInputs(r.scores);
  const evidence = evidenceOf(r, inputs);
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    productId: r.product_id,
    title: r.title,
    description: r.description,
    status: (STATUSES.has(r.status) ? r.status : 'idea') as FeatureStatus,
    ownerId: r.owner_id,
    tags: parseJsonArray(r.tags),
    insightCount: evidence.insights,
    customerCount: evidence.customers,
    evidenceRevenue: evidence.revenue,
    scores: scoreFeature(inputs, evidence, settings),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
export type FeatureDto = ReturnType<typeof toFeatureDto>;

/**
 * Adds the evidence counts to a features query. Revenue counts each distinct customer once,
 * monthly (a yearly figure ÷ 12), and only in the workspace's scoring currency: amounts in
 * other currencies are never converted. A feature with a reach window (reach_since) also
 * gets the insights received since then and their distinct customers (the domain's
 * evidenceSince); the others skip those subqueries.
 */
export function withEvidence<O>(q: SelectQueryBuilder<Database, 'features', O>, currency: string) {
  return q.select((eb) => [
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
    eb
      .selectFrom('customers')
      .select(
        sql<number>`sum(case when customers.revenue_period = 'year' then customers.revenue / 12.0 else customers.revenue end)`.as('n'),
      )
      .where('customers.currency', '=', currency)
      .where(
        'customers.id',
        'in',
        eb
          .selectFrom('feature_insights')
          .innerJoin('insights', 'insights.id', 'feature_insights.insight_id')
          .select('insights.customer_id')
          .whereRef('feature_insights.feature_id', '=', 'features.id'),
      )
      .as('evidence_revenue'),
    sql<number | null>`case when ${sql.ref('features.reach_since')} is null then null else (${eb
      .selectFrom('feature_insights')
      .innerJoin('insights', 'insights.id', 'feature_insights.insight_id')
      .select(eb.fn.countAll<number>().as('n'))
      .whereRef('feature_insights.feature_id', '=', 'features.id')
      .whereRef('insights.received_at', '>=', 'features.reach_since')}) end`.as('window_insight_count'),
    sql<number | null>`case when ${sql.ref('features.reach_since')} is null then null else (${eb
      .selectFrom('feature_insights')
      .innerJoin('insights', 'insights.id', 'feature_insights.insight_id')
      .select((sub) => sub.fn.count<number>('insights.customer_id').distinct().as('n'))
      .whereRef('feature_insights.feature_id', '=', 'features.id')
      .whereRef('insights.received_at', '>=', 'features.reach_since')}) end`.as('window_customer_count'),
  ]);
}

export function featureView(db: Kysely<Database>, currency: string) {
  return withEvidence(db.selectFrom('features').selectAll('features'), currency);
}

export async function loadFeature(db: Kysely<Database>, access: Access, id: string, currency = 'EUR'): Promise<FeatureView> {
  const row = await featureView(db, currency)
    .where('features.id', '=', id)
    .where('features.workspace_id', '=', access.workspace.id)
    .executeTakeFirst();
  if (!row) throw notFound('This feature');
  return row;
}

export async function listFeatures(services: Services, access: Access, query: z.output<typeof FeatureListQuery>) {
  authorize(access, 'discovery.read');
  await refreshStaleReachWindows(services.db, access.workspace.id);
  const { settings } = await loadScoringSettings(services.db, access.workspace.id);
  let q = featureView(services.db, settings.revenueCurrency).where('features.workspace_id', '=', access.workspace.id);
  if (query.status?.length) q = q.where('features.status', 'in', query.status);
  if (query.productId) q = q.where('features.product_id', '=', query.productId);
  if (query.ownerId?.length) {
    const owners = query.ownerId.filter((o) => o !== 'none');
    const unowned = owners.length < query.ownerId.length;
    q = q.where((eb) =>
      eb.or([
        ...(owners.length > 0 ? [eb('features.owner_id', 'in', owners)] : []),
        ...(unowned ? [eb('features.owner_id', 'is', null)] : []),
      ]),
    );
  }
  // Tags keep the case they were typed in; a filter finds them in any case.
  if (query.tag) q = q.where((eb) => containsTextAnyCase(eb.ref('features.tags'), JSON.stringify(query.tag)));
  if (query.q) {
    const ids = matchingIds(services.dialect, 'feature', access.workspace.id, query.q);
    if (ids) q = q.where('features.id', 'in', ids);
  }
  const page = await featurePage(q, services.dialect, query.sort, query.cursor, query.limit);
  return { items: page.items.map((r) => toFeatureDto(r, settings)), nextCursor: page.nextCursor };
}

export async function getFeature(services: Services, access: Access, id: string) {
  authorize(access, 'discovery.read');
  await refreshStaleReachWindows(services.db, access.workspace.id);
  const { settings } = await loadScoringSettings(services.db, access.workspace.id);
  return toFeatureDto(await loadFeature(services.db, access, id, settings.revenueCurrency), settings);
}
