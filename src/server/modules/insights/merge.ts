import { AppError } from '../../http/errors.js';
import { nowIso } from '../../lib/ids.js';
import { normaliseTags } from '../../lib/text.js';
import type { Services } from '../../services.js';
import { type Access, authorize } from '../workspaces/service.js';
import { stripView, toInsightDto } from './queries.js';
import { loadInsight, saveInsight } from './service.js';

const RANK = { nice_to_have: 0, important: 1, critical: 2 } as const;

/**
 * Merges a duplicate into a kept insight: the kept text gains the duplicate's text as a
 * quote, tags are united, the higher importance wins, every feature link moves over (one
 * per feature), and the duplicate is archived pointing at the kept one. Nothing is lost.
 */
export async function mergeInsight(services: Services, access: Access, keptId: string, duplicateId: string) {
  authorize(access, 'insight.write');
  if (keptId === duplicateId) throw new AppError('rule_violated', 'An insight cannot be merged into itself.');
  return services.db.transaction().execute(async (trx) => {
    const kept = await loadInsight(trx, access, keptId);
    const dup = await loadInsight(trx, access, duplicateId);
    if (dup.merged_into_id) throw new AppError('rule_violated', 'That insight was already merged into another one.');
    const who = [dup.person_name, dup.customer_name].filter(Boolean).join(', ');
    const quote = dup.text
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n');
    const now = nowIso();
    const keptImportance = kept.importance as keyof typeof RANK;
    const dupImportance = dup.importance as keyof typeof RANK;
    const keptTags = JSON.parse(kept.tags) as string[];
    const dupTags = JSON.parse(dup.tags) as string[];

    const links = await trx.selectFrom('feature_insights').selectAll().where('insight_id', '=', duplicateId).execute();
    for (const link of links) {
      const existing = await trx
        .selectFrom('feature_insights')
        .selectAll()
        .where('feature_id', '=', link.feature_id)
        .where('insight_id', '=', keptId)
        .executeTakeFirst();
      if (existing) {
        const highlight = [existing.highlight, link.highlight].filter(Boolean).join(' … ') || null;
        const importance =
          RANK[link.importance as keyof typeof RANK] > RANK[existing.importance as keyof typeof RANK]
            ? link.importance
            : existing.importance;
        await trx
          .updateTable('feature_insights')
          .set({ highlight, importance })
          .where('feature_id', '=', link.feature_id)
          .where('insight_id', '=', keptId)
          .execute();
        await trx.deleteFrom('feature_insights').where('feature_id', '=', link.feature_id).where('insight_id', '=', duplicateId).execute();
      } else {
        await trx
          .updateTable('feature_insights')
          .set({ insight_id: keptId })
          .where('feature_id', '=', link.feature_id)
          .where('insight_id', '=', duplicateId)
          .execute();
      }
    }
    const hasLinks = links.length > 0 || Number(kept.feature_count ?? 0) > 0;
    await saveInsight(
      trx,
      services,
      access,
      dup,
      { ...stripView(dup), status: 'archived', merged_into_id: keptId, version: dup.version + 1, updated_at: now },
      'merged_away',
    );
    const result = await saveInsight(
      trx,
      services,
      access,
      kept,
      {
        ...stripView(kept),
        text: `${kept.text}\n\n${quote}\n> — merged from a ${dup.source} insight${who ? ` (${who})` : ''}, ${dup.received_at.slice(0, 10)}`.slice(
          0,
          20_000,
        ),
        tags: JSON.stringify(normaliseTags([...keptTags, ...dupTags])),
        importance: RANK[dupImportance] > RANK[keptImportance] ? dupImportance : keptImportance,
        status: hasLinks && (kept.status === 'new' || kept.status === 'triaged') ? 'linked' : kept.status,
        version: kept.version + 1,
        updated_at: now,
      },
      'merged',
    );
    return result;
  });
}
