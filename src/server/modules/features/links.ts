import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { FeatureLinkBody } from '../../../contract/discovery.js';
import { isQuoteOf } from '../../../domain/discovery/quote.js';
import type { Database } from '../../db/schema.js';
import { appendChange } from '../../events/change-log.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../lib/ids.js';
import type { Services } from '../../services.js';
import { loadInsight } from '../insights/service.js';
import { type Access, authorize } from '../workspaces/service.js';
import { loadFeature } from './queries.js';
import { refreshFeatureScores } from './scores.js';

/** An insight with no feature left goes back from "linked" to "triaged". */
export async function relaxLinkedStatus(trx: Kysely<Database>, insightId: string) {
  const still = await trx.selectFrom('feature_insights').select('feature_id').where('insight_id', '=', insightId).executeTakeFirst();
  if (!still) {
    await trx
      .updateTable('insights')
      .set((eb) => ({ status: 'triaged', version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('id', '=', insightId)
      .where('status', '=', 'linked')
      .execute();
  }
}

export async function linkInsight(services: Services, access: Access, featureId: string, body: z.output<typeof FeatureLinkBody>) {
  authorize(access, 'feature.write');
  return services.db.transaction().execute(async (trx) => {
    await loadFeature(trx, access, featureId);
    const insight = await loadInsight(trx, access, body.insightId);
    if (body.highlight && !isQuoteOf(insight.text, body.highlight)) {
      throw new AppError(
        'rule_violated',
        'The highlight must quote the insight: a passage of its text (line breaks and case may differ).',
        {
          errors: [{ path: 'body.highlight', message: 'Not found in the insight’s text' }],
        },
      );
    }
    const existing = await trx
      .selectFrom('feature_insights')
      .select('feature_id')
      .where('feature_id', '=', featureId)
      .where('insight_id', '=', body.insightId)
      .executeTakeFirst();
    if (existing) throw new AppError('conflict', 'This insight is already linked to this feature.');
    const now = nowIso();
    const link = {
      feature_id: featureId,
      insight_id: body.insightId,
      workspace_id: access.workspace.id,
      highlight: body.highlight || null,
      importance: body.importance ?? insight.importance,
      created_by: access.actorId,
      created_at: now,
    };
    await trx.insertInto('feature_insights').values(link).execute();
    if (insight.status === 'new' || insight.status === 'triaged') {
      await trx
        .updateTable('insights')
        .set({ status: 'linked', version: insight.version + 1, updated_at: now })
        .where('id', '=', insight.id)
        .execute();
    }
    // Evidence moved: derived reach and formulas reading insights/customers/revenue follow.
    await refreshFeatureScores(trx, access.workspace.id, [featureId]);
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'feature',
      entityId: featureId,
      action: 'insight_linked',
      actorId: access.actorId,
      changes: { insightId: { from: null, to: body.insightId }, highlight: { from: null, to: link.highlight } },
    });
    const actor = await trx.selectFrom('users').select(['id', 'name', 'email']).where('id', '=', access.actorId).executeTakeFirst();
    return {
      featureId,
      insightId: body.insightId,
      highlight: link.highlight,
      importance: link.importance as 'nice_to_have' | 'important' | 'critical',
      createdAt: now,
      createdBy: actor ?? null,
    };
  });
}

export async function unlinkInsight(services: Services, access: Access, featureId: string, insightId: string) {
  authorize(access, 'feature.write');
  await services.db.transaction().execute(async (trx) => {
    await loadFeature(trx, access, featureId);
    const result = await trx
      .deleteFrom('feature_insights')
      .where('feature_id', '=', featureId)
      .where('insight_id', '=', insightId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound('This link');
    await relaxLinkedStatus(trx, insightId);
    await refreshFeatureScores(trx, access.workspace.id, [featureId]);
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'feature',
      entityId: featureId,
      action: 'insight_unlinked',
      actorId: access.actorId,
      changes: { insightId: { from: insightId, to: null } },
    });
  });
}
