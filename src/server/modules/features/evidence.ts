import { type EvidenceLink, sameSegment, summarizeEvidence } from '../../../domain/discovery/index.js';
import type { Services } from '../../services.js';
import { toInsightDto } from '../insights/queries.js';
import { type Access, authorize } from '../workspaces/service.js';
import { loadFeature } from './queries.js';

/**
 * A feature's evidence: how many insights, from how many distinct customers, worth how much
 * (each customer's revenue counted once, per currency, never converted), and the quotes.
 * The arithmetic is the domain's (summarizeEvidence); this loads the links.
 */
export async function featureEvidence(services: Services, access: Access, featureId: string, segment?: string) {
  authorize(access, 'discovery.read');
  await loadFeature(services.db, access, featureId);
  const rows = await services.db
    .selectFrom('feature_insights')
    .innerJoin('insights', 'insights.id', 'feature_insights.insight_id')
    .leftJoin('customers', 'customers.id', 'insights.customer_id')
    .selectAll('insights')
    .select([
      'feature_insights.highlight as highlight',
      'feature_insights.importance as link_importance',
      'customers.name as customer_name',
      'customers.segment as customer_segment',
      'customers.revenue as customer_revenue',
      'customers.currency as customer_currency',
      'customers.revenue_period as customer_period',
    ])
    .where('feature_insights.feature_id', '=', featureId)
    .where('feature_insights.workspace_id', '=', access.workspace.id)
    .orderBy('insights.received_at', 'desc')
    .execute();

  const quotes = rows.map((r) => {
    const dto = toInsightDto({ ...r, feature_count: null });
    const importance = (['nice_to_have', 'important', 'critical'] as const).find((i) => i === r.link_importance) ?? dto.importance;
    return { row: r, dto, importance };
  });
  const links: EvidenceLink[] = quotes.map(({ row, dto, importance }) => ({
    insightId: row.id,
    importance,
    highlight: row.highlight,
    source: dto.source,
    receivedAt: row.received_at,
    customer: row.customer_id
      ? {
          id: row.customer_id,
          name: row.customer_name ?? '',
          segment: row.customer_segment,
          revenue:
            row.customer_revenue !== null && row.customer_currency
              ? { amount: row.customer_revenue, currency: row.customer_currency, period: row.customer_period === 'year' ? 'year' : 'month' }
              : null,
        }
      : null,
  }));
  const summary = summarizeEvidence(links, segment ? { segments: [segment] } : {});
  const bySource = Object.fromEntries(Object.entries(summary.bySource).filter(([, n]) => n > 0));
  const kept = segment ? quotes.filter((q) => sameSegment(q.row.customer_segment, segment)) : quotes;
  return {
    featureId,
    insightCount: summary.insightCount,
    customerCount: summary.customerCount,
    revenue: summary.revenue,
    importance: summary.importance,
    bySegment: summary.bySegment,
    bySource,
    quotes: kept.map(({ row, dto, importance }) => ({
      insightId: row.id,
      highlight: row.highlight,
      text: row.text,
      importance,
      source: dto.source,
      customer: dto.customer,
      receivedAt: row.received_at,
    })),
  };
}
