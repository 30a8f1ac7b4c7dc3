import { type MergeableLink, mergeInsights } from '../../../domain/discovery/index.js';
import { AppError } from '../../http/errors.js';
import { nowIso } from '../../lib/ids.js';
import type { Services } from '../../services.js';
import { refreshFeatureScores } from '../features/scores.js';
import { type Access, authorize } from '../workspaces/service.js';
import { stripView, toInsightDto } from './queries.js';
import { loadInsight, saveInsight } from './service.js';

const REFUSALS = {
  same_insight: 'An insight cannot be merged into itself.',
  already_merged: 'That insight was already merged into another one.',
  target_merged: 'This insight was itself merged into another one; merge into that one instead.',
  target_archived: 'Restore this insight before merging duplicates into it.',
} as const;

/**
 * Merges a duplicate into a kept insight. The rules (text quoted, tags united, higher
 * importance, links moved one per feature, duplicate archived) are the domain's
 * mergeInsights; this applies its result in one transaction.
 */
export async function mergeInsight(services: Services, access: Access, keptId: string, duplicateId: string) {
  authorize(access, 'insight.write');
  return services.db.transaction().execute(async (trx) => {
    const keptView = await loadInsight(trx, access, keptId);
    const dupView = await loadInsight(trx, access, duplicateId);
    const links = await trx.selectFrom('feature_insights').selectAll().where('insight_id', 'in', [keptId, duplicateId]).execute();
    const asLink = (l: (typeof links)[number]): MergeableLink & { row: (typeof links)[number] } => ({
      featureId: l.feature_id,
      insightId: l.insight_id,
      highlight: l.highlight,
      importance: toInsightDto({ ...dupView, importance: l.importance }).importance,
      row: l,
    });
    const result = mergeInsights(toInsightDto(keptView), toInsightDto(dupView), links.map(asLink));
    if (!result.ok) throw new AppError('rule_violated', REFUSALS[result.reason]);

    await trx.deleteFrom('feature_insights').where('insight_id', 'in', [keptId, duplicateId]).execute();
    if (result.links.length > 0) {
      await trx
        .insertInto('feature_insights')
        .values(
          result.links.map((l) => ({
            feature_id: l.featureId,
            insight_id: keptId,
            workspace_id: access.workspace.id,
            highlight: l.highlight,
            importance: l.importance,
            created_by: l.row.created_by,
            created_at: l.row.created_at,
          })),
        )
        .execute();
    }
    const now = nowIso();
    const t = result.target;
    await saveInsight(
      trx,
      services,
      access,
      dupView,
      { ...stripView(dupView), status: 'archived', merged_into_id: keptId, version: dupView.version + 1, updated_at: now },
      'merged_away',
    );
    const kept = await saveInsight(
      trx,
      services,
      access,
      keptView,
      {
        ...stripView(keptView),
        text: t.text,
        tags: JSON.stringify(t.tags),
        importance: t.importance,
        customer_id: t.customer?.id ?? null,
        person_name: t.personName ?? null,
        person_email: t.personEmail ?? null,
        status: t.status,
        version: keptView.version + 1,
        updated_at: now,
      },
      'merged',
    );
    // The features' evidence moved (links combined, maybe another customer): rescore them.
    await refreshFeatureScores(trx, access.workspace.id, [...new Set(links.map((l) => l.feature_id))]);
    return kept;
  });
}
