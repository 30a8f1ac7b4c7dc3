import type { Services } from '../../services.js';
import { toInsightDto } from '../insights/queries.js';
import { type Access, authorize } from '../workspaces/service.js';
import { loadFeature } from './service.js';

type Importance = 'nice_to_have' | 'important' | 'critical';

interface EvidenceRow {
  insightId: string;
  importance: Importance;
  customer: { id: string; segment: string | null; revenue: number | null; currency: string | null; period: string } | null;
}

function monthlyRevenue(rows: EvidenceRow[]): { currency: string; monthly: number }[] {
  const seen = new Set<string>();
  const totals = new Map<string, number>();
  for (const r of rows) {
    const c = r.customer;
    if (!c || seen.has(c.id) || c.revenue === null) continue;
    seen.add(c.id);
    const currency = c.currency ?? 'XXX';
    totals.set(currency, (totals.get(currency) ?? 0) + (c.period === 'year' ? c.revenue / 12 : c.revenue));
  }
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, monthly]) => ({ currency, monthly: Math.round(monthly * 100) / 100 }));
}

/**
 * A feature's evidence: how many insights, from how many distinct customers, worth how much
 * (each customer's revenue counted once, per currency, never converted), and the quotes.
 */
export async function featureEvidence(services: Services, access: Access, featureId: string, segment?: string) {
  authorize(access, 'discovery.read');
  await loadFeature(services.db, access, featureId);
  let q = services.db
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
    .where('feature_insights.workspace_id', '=', access.workspace.id);
  if (segment) q = q.where('customers.segment', '=', segment);
  const rows = await q.orderBy('insights.received_at', 'desc').execute();

  const evidence: EvidenceRow[] = rows.map((r) => ({
    insightId: r.id,
    importance: (r.link_importance as Importance) ?? 'important',
    customer: r.customer_id
      ? {
          id: r.customer_id,
          segment: r.customer_segment,
          revenue: r.customer_revenue,
          currency: r.customer_currency,
          period: r.customer_period ?? 'month',
        }
      : null,
  }));
  const importance: Record<Importance, number> = { nice_to_have: 0, important: 0, critical: 0 };
  for (const e of evidence) importance[e.importance] += 1;
  const bySource: Record<string, number> = {};
  for (const r of rows) bySource[r.source] = (bySource[r.source] ?? 0) + 1;
  const segments = new Map<string | null, EvidenceRow[]>();
  for (const e of evidence) {
    const key = e.customer?.segment ?? null;
    segments.set(key, [...(segments.get(key) ?? []), e]);
  }
  const distinct = (list: EvidenceRow[]) => new Set(list.flatMap((e) => (e.customer ? [e.customer.id] : []))).size;
  return {
    featureId,
    insightCount: evidence.length,
    customerCount: distinct(evidence),
    revenue: monthlyRevenue(evidence),
    importance,
    bySegment: [...segments].map(([seg, list]) => ({
      segment: seg,
      insightCount: list.length,
      customerCount: distinct(list),
      revenue: monthlyRevenue(list),
    })),
    bySource,
    quotes: rows.map((r) => {
      const dto = toInsightDto({ ...r, customer_name: r.customer_name, customer_segment: r.customer_segment, feature_count: null });
      return {
        insightId: r.id,
        highlight: r.highlight,
        text: r.text,
        importance: (r.link_importance as Importance) ?? dto.importance,
        source: dto.source,
        customer: dto.customer,
        receivedAt: r.received_at,
      };
    }),
  };
}
