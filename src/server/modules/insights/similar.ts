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
          .select(['id', 'text'])
          .where('workspace_id', '=', access.workspace.id)
          .where('id', 'in', insightIds)
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
  const texts = new Map<string, { kind: 'insight' | 'feature'; title: string; text: string }>();
  for (const r of insights) texts.set(`i:${r.id}`, { kind: 'insight', title: r.text.slice(0, 200), text: r.text });
  for (const r of features) texts.set(`f:${r.id}`, { kind: 'feature', title: r.title, text: `${r.title}\n${r.description}` });
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
      },
    ];
  });
  return { items, method: DEFAULT_METHOD };
}
