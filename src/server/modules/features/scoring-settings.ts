import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ScoringSettingsPatch } from '../../../contract/scoring.js';
import { validateCustomConfig } from '../../../domain/scoring/custom.js';
import { normalizeScoringSettings, type ScoringSettings } from '../../../domain/scoring/feature-scores.js';
import type { Database } from '../../db/schema.js';
import { appendChange, type Changes } from '../../events/change-log.js';
import { invalid, versionConflict } from '../../http/errors.js';
import { nowIso } from '../../lib/ids.js';
import type { Services } from '../../services.js';
import { type Access, authorize } from '../workspaces/service.js';
import { refreshFeatureScores } from './scores.js';

export interface StoredScoringSettings {
  settings: ScoringSettings;
  /** 1 while the workspace still uses the defaults (no row yet). */
  version: number;
}

/** The workspace's scoring rules; the defaults (RICE, ICE product, 60 % Must, EUR) until someone changes them. */
export async function loadScoringSettings(db: Kysely<Database>, workspaceId: string): Promise<StoredScoringSettings> {
  const row = await db
    .selectFrom('workspace_scoring')
    .select(['settings', 'version'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) return { settings: normalizeScoringSettings(null), version: 1 };
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(row.settings);
  } catch {
    parsed = null;
  }
  return { settings: normalizeScoringSettings(parsed), version: row.version };
}

const toDto = ({ settings, version }: StoredScoringSettings) => ({ ...settings, version });

export async function getScoring(services: Services, access: Access) {
  authorize(access, 'strategy.read');
  return toDto(await loadScoringSettings(services.db, access.workspace.id));
}

/** Keys whose change moves stored scores (the others only change how things are shown or checked). */
const RESCORING: readonly (keyof ScoringSettings)[] = ['iceVariant', 'valueEffortMidpoint', 'revenueCurrency', 'custom'];

/**
 * Changes the scoring rules. Drivers and formula are checked by the domain
 * (validateCustomConfig) and refused with the position of the problem; every feature's
 * stored scores are recomputed in the same transaction, so ranked lists never mix rules.
 */
export async function updateScoring(
  services: Services,
  access: Access,
  expectedVersion: number,
  patch: z.output<typeof ScoringSettingsPatch>,
) {
  authorize(access, 'strategy.write');
  const workspaceId = access.workspace.id;
  return services.db.transaction().execute(async (trx) => {
    const current = await loadScoringSettings(trx, workspaceId);
    if (current.version !== expectedVersion) throw versionConflict(toDto(current));
    const before = current.settings;
    const after: ScoringSettings = {
      iceVariant: patch.iceVariant ?? before.iceVariant,
      moscowLimit: patch.moscowLimit ?? before.moscowLimit,
      valueEffortMidpoint: patch.valueEffortMidpoint ?? before.valueEffortMidpoint,
      defaultFramework: patch.defaultFramework ?? before.defaultFramework,
      revenueCurrency: patch.revenueCurrency ?? before.revenueCurrency,
      custom: patch.custom
        ? {
            drivers: patch.custom.drivers.map((d) => ({
              name: d.name,
              min: d.min,
              max: d.max,
              weight: d.weight,
              ...(d.label !== undefined && d.label !== '' && { label: d.label }),
              ...(d.description !== undefined && d.description !== '' && { description: d.description }),
            })),
            formula:
              patch.custom.formula === undefined
                ? before.custom.formula
                : patch.custom.formula === null || patch.custom.formula.trim() === ''
                  ? null
                  : patch.custom.formula,
          }
        : before.custom,
    };
    // No drivers and no formula means "no custom score": allowed, features show it as not set up.
    if (after.custom.drivers.length > 0 || after.custom.formula !== null) {
      const check = validateCustomConfig(after.custom);
      if (!check.ok) {
        throw invalid(
          check.errors.map((e) => ({
            path: `body.custom.${e.field}`,
            message: e.position === undefined ? e.message : `${e.message} (at character ${e.position + 1})\n${e.pointer ?? ''}`.trimEnd(),
            ...(e.position !== undefined && { position: e.position }),
            ...(e.pointer !== undefined && { pointer: e.pointer }),
          })),
          'The custom score cannot be saved; see the errors.',
        );
      }
    }

    const changes: Changes = {};
    for (const key of Object.keys(after) as (keyof ScoringSettings)[]) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[`scoring.${key}`] = { from: before[key], to: after[key] };
    }
    if (Object.keys(changes).length === 0) return toDto(current);

    const version = current.version + 1;
    const now = nowIso();
    if (current.version === 1) {
      // Still on the defaults: the first save creates the row; a concurrent first save loses.
      const inserted = await trx
        .insertInto('workspace_scoring')
        .values({ workspace_id: workspaceId, settings: JSON.stringify(after), version, updated_by: access.actorId, updated_at: now })
        .onConflict((oc) => oc.column('workspace_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw versionConflict(toDto(await loadScoringSettings(trx, workspaceId)));
    } else {
      const updated = await trx
        .updateTable('workspace_scoring')
        .set({ settings: JSON.stringify(after), version, updated_by: access.actorId, updated_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw versionConflict(toDto(await loadScoringSettings(trx, workspaceId)));
    }
    await appendChange(trx, {
      workspaceId,
      entity: 'workspace',
      entityId: workspaceId,
      action: 'scoring_updated',
      actorId: access.actorId,
      changes,
    });
    if (RESCORING.some((key) => `scoring.${key}` in changes)) await refreshFeatureScores(trx, workspaceId, 'all', after);
    return { ...after, version };
  });
}
