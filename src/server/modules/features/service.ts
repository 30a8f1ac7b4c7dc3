import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { FeatureCreateBody, FeaturePatchBody } from '../../../contract/discovery.js';
import {
  diffScoreInputs,
  type FeatureScoreInputs,
  mergeScoreInputs,
  parseScoreInputs,
  type ScoresPatch,
  type ScoringSettings,
  validateScoreInputs,
} from '../../../domain/scoring/feature-scores.js';
import { titleKey } from '../../../domain/text-key.js';
import { deleteAtVersion } from '../../db/delete-version.js';
import type { Database, FeatureRow } from '../../db/schema.js';
import { appendChange, diff } from '../../events/change-log.js';
import { AppError, invalid, versionConflict } from '../../http/errors.js';
import { newId, nowIso } from '../../lib/ids.js';
import { normaliseTags, parseJsonArray } from '../../lib/text.js';
import type { Services } from '../../services.js';
import { checkReferences } from '../insights/service.js';
import { indexDocument, removeDocument } from '../search/repo.js';
import { type Access, authorize } from '../workspaces/service.js';
import { relaxLinkedStatus } from './links.js';
import { type FeatureDto, loadFeature, toFeatureDto } from './queries.js';
import { refreshFeatureScores } from './scores.js';
import { loadScoringSettings } from './scoring-settings.js';

const TRACKED: (keyof FeatureDto & string)[] = ['title', 'description', 'productId', 'status', 'ownerId', 'tags'];

function searchDoc(r: FeatureRow) {
  return {
    entity: 'feature' as const,
    entityId: r.id,
    workspaceId: r.workspace_id,
    title: r.title,
    body: `${r.description}\n${parseJsonArray(r.tags).join(' ')}`,
  };
}

async function checkOwner(db: Kysely<Database>, workspaceId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const m = await db
    .selectFrom('memberships')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', ownerId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!m)
    throw new AppError('rule_violated', 'The owner must be a member of this workspace.', {
      errors: [{ path: 'body.ownerId', message: 'Not a member' }],
    });
}

/** Range checks of score inputs (the contract checks types): 400 with paths like body.scores.rice.effort. */
function checkScores(patch: ScoresPatch | undefined, settings: ScoringSettings, current: FeatureScoreInputs = {}) {
  const errors = validateScoreInputs(patch, settings, current);
  if (errors.length > 0) {
    throw invalid(
      errors.map((e) => ({ path: `body.${e.field}`, message: e.message })),
      `Check ${errors.map((e) => e.field).join(', ')}.`,
    );
  }
}

export async function createFeature(services: Services, access: Access, input: z.output<typeof FeatureCreateBody>) {
  authorize(access, 'feature.write');
  return services.db.transaction().execute(async (trx) => {
    const { settings } = await loadScoringSettings(trx, access.workspace.id);
    checkScores(input.scores, settings);
    await checkReferences(trx, access.workspace.id, { productId: input.productId });
    await checkOwner(trx, access.workspace.id, input.ownerId);
    const now = nowIso();
    const inputs: FeatureScoreInputs = mergeScoreInputs({}, input.scores);
    const row: FeatureRow = {
      id: newId(),
      workspace_id: access.workspace.id,
      product_id: input.productId ?? null,
      title: input.title,
      title_key: titleKey(input.title),
      description: input.description ?? '',
      status: input.status ?? 'idea',
      owner_id: input.ownerId ?? null,
      tags: JSON.stringify(normaliseTags(input.tags ?? [])),
      scores: JSON.stringify(inputs),
      score_rice: null,
      score_ice: null,
      score_wsjf: null,
      score_custom: null,
      score_value_effort: null,
      score_moscow: null,
      score_kano: null,
      reach_since: null,
      reach_as_of: null,
      created_by: access.actorId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('features').values(row).execute();
    await refreshFeatureScores(trx, row.workspace_id, [row.id], settings);
    await indexDocument(trx, services.dialect, searchDoc(row));
    // Read back: the stored ranks and the scores shown come from the same row (a reach window is set by the refresh).
    const dto = toFeatureDto(await loadFeature(trx, access, row.id, settings.revenueCurrency), settings);
    await appendChange(trx, {
      workspaceId: row.workspace_id,
      entity: 'feature',
      entityId: row.id,
      action: 'created',
      actorId: access.actorId,
      changes: { ...diff(null, dto, TRACKED), ...diffScoreInputs({}, inputs) },
    });
    services.similarity.upsertFeature(row.workspace_id, row.id, row.title, row.description);
    return dto;
  });
}

export async function updateFeature(
  services: Services,
  access: Access,
  id: string,
  expectedVersion: number,
  patch: z.output<typeof FeaturePatchBody>,
) {
  authorize(access, 'feature.write');
  return services.db.transaction().execute(async (trx) => {
    const { settings } = await loadScoringSettings(trx, access.workspace.id);
    const before = await loadFeature(trx, access, id, settings.revenueCurrency);
    if (before.version !== expectedVersion) throw versionConflict(toFeatureDto(before, settings));
    const inputsBefore = parseScoreInputs(before.scores);
    checkScores(patch.scores, settings, inputsBefore);
    await checkReferences(trx, access.workspace.id, { productId: patch.productId });
    await checkOwner(trx, access.workspace.id, patch.ownerId);
    const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    const inputsAfter = mergeScoreInputs(inputsBefore, patch.scores);
    const title = patch.title ?? before.title;
    const after: typeof before = {
      ...before,
      title,
      title_key: titleKey(title),
      description: patch.description ?? before.description,
      product_id: pick(patch.productId, before.product_id),
      status: patch.status ?? before.status,
      owner_id: pick(patch.ownerId, before.owner_id),
      tags: patch.tags ? JSON.stringify(normaliseTags(patch.tags)) : before.tags,
      scores: JSON.stringify(inputsAfter),
      version: before.version + 1,
      updated_at: nowIso(),
    };
    // Score changes are logged input by input (scores.rice.effort …): the explanation reads them.
    const changes = {
      ...diff(toFeatureDto(before, settings), toFeatureDto(after, settings), TRACKED),
      ...diffScoreInputs(inputsBefore, inputsAfter),
    };
    if (Object.keys(changes).length === 0) return toFeatureDto(before, settings);
    const result = await trx
      .updateTable('features')
      .set({
        title: after.title,
        title_key: after.title_key,
        description: after.description,
        product_id: after.product_id,
        status: after.status,
        owner_id: after.owner_id,
        tags: after.tags,
        scores: after.scores,
        version: after.version,
        updated_at: after.updated_at,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw versionConflict(toFeatureDto(await loadFeature(trx, access, id, settings.revenueCurrency), settings));
    }
    await refreshFeatureScores(trx, access.workspace.id, [id], settings);
    await indexDocument(trx, services.dialect, searchDoc(after));
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'feature',
      entityId: id,
      action: 'updated',
      actorId: access.actorId,
      changes,
    });
    services.similarity.upsertFeature(access.workspace.id, id, after.title, after.description);
    // Read back: a changed reach window counts other evidence than `after` was loaded with.
    return toFeatureDto(await loadFeature(trx, access, id, settings.revenueCurrency), settings);
  });
}

export async function deleteFeature(services: Services, access: Access, id: string, expectedVersion: number | null) {
  authorize(access, 'feature.write');
  await services.db.transaction().execute(async (trx) => {
    const before = await loadFeature(trx, access, id);
    const linked = await trx.selectFrom('feature_insights').select('insight_id').where('feature_id', '=', id).execute();
    if (!(await deleteAtVersion(trx, 'features', id, expectedVersion))) {
      const { settings } = await loadScoringSettings(trx, access.workspace.id);
      throw versionConflict(toFeatureDto(await loadFeature(trx, access, id, settings.revenueCurrency), settings));
    }
    await removeDocument(trx, 'feature', id);
    for (const { insight_id } of linked) await relaxLinkedStatus(trx, insight_id);
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'feature',
      entityId: id,
      action: 'deleted',
      actorId: access.actorId,
      changes: { title: { from: before.title, to: null } },
    });
  });
  services.similarity.removeFeature(access.workspace.id, id);
}
