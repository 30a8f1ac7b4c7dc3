import { isLikelyDuplicate } from '../../../domain/discovery/duplicate.js';
import { DEFAULT_METHOD } from '../../../domain/discovery/similarity.js';
import type { Services } from '../../services.js';
import { type Access, authorize } from '../workspaces/service.js';
import { loadInsight } from './service.js';

/** The insights and features most like this insight, so duplicates get linked, not counted twice. */
export async function similarInsights(services: Services, access: Access, id: string, limit = 10) {
  authorize(access, 'discovery.read');
  const insight = await loadInsight(services.db, access, id);
  const hits = await services.similarity.similar(access.workspace.id, id, insight.text, limit);
  const insightIds = hits.filter((h) => h.id.startsWith('i:')).map((h) => h.id.slice(2));
  const featureIds = hits.filter((h) => h.id.startsWith('f:')).map((h) => h.id.slice(2));
  const [insights, features] = await Promise.all([
    insightIds.length
      ? services.db
          .selectFrom('insights')
          .leftJoin('customers', 'customers.id', 'insights.customer_id')
          .select([
            'insights.id',
            'insights.text',
            'insights.customer_id',
            'customers.name as customer_name',
            'customers.segment as customer_segment',
          ])
          .where('insights.workspace_id', '=', access.workspace.id)
          .where('insights.id', 'in', insightIds)
          // A duplicate merged away (or any archived insight) is not offered again.
          .where('insights.status', '!=', 'archived')
          .execute()
      : [],
    featureIds.length
      ? services.db
          .selectFrom('features')
          .select(['id', 'title', 'description'])
          .where('workspace_id', '=', access.workspace.id)
          .where('id', 'in', featureIds)
          .execute()
      : [],
  ]);
  type Found = {
    kind: 'insight' | 'feature';
    title: string;
    text: string;
    customer: { id: string; name: string; segment: string | null } | null;
  };
  const texts = new Map<string, Found>();
  for (const r of insights) {
    const customer =
      r.customer_id && r.customer_name !== null ? { id: r.customer_id, name: r.customer_name, segment: r.customer_segment } : null;
    texts.set(`i:${r.id}`, { kind: 'insight', title: r.text.slice(0, 200), text: r.text, customer });
  }
  for (const r of features)
    texts.set(`f:${r.id}`, { kind: 'feature', title: r.title, text: `${r.title}\n${r.description}`, customer: null });
  const items = hits.flatMap((h) => {
    const found = texts.get(h.id);
    if (!found) return [];
    const score = Math.round(h.score * 1000) / 1000;
    return [
      {
        kind: found.kind,
        id: h.id.slice(2),
        title: found.title,
        score,
        likelyDuplicate: found.kind === 'insight' && isLikelyDuplicate(insight.text, found.text),
        customer: found.customer,
      },
    ];
  });
  return { items, method: DEFAULT_METHOD };
}
