import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { KeyResultCreateBody, KeyResultPatchBody } from '../../../contract/objectives.js';
import { checkKeyResult, type Direction, impliedDirection } from '../../../domain/strategy/index.js';
import { deleteAtVersion } from '../../db/delete-version.js';
import type { Database, KeyResultRow } from '../../db/schema.js';
import { appendChange, diff } from '../../events/change-log.js';
import { AppError, invalid, notFound, versionConflict } from '../../http/errors.js';
import { newId, nowIso } from '../../lib/ids.js';
import type { Services } from '../../services.js';
import { type Access, authorize } from '../workspaces/service.js';
import { KEY_RESULT_TRACKED, loadObjective, toKeyResultDto } from './queries.js';

/** Enough for any real objective (three to five is the usual advice), small enough to read at a glance. */
export const MAX_KEY_RESULTS = 25;

async function loadKeyResult(db: Kysely<Database>, access: Access, objectiveId: string, id: string): Promise<KeyResultRow> {
  await loadObjective(db, access, objectiveId);
  const row = await db
    .selectFrom('key_results')
    .selectAll()
    .where('id', '=', id)
    .where('objective_id', '=', objectiveId)
    .where('workspace_id', '=', access.workspace.id)
    .executeTakeFirst();
  if (!row) throw notFound('This key result');
  return row;
}

/** The numbers must make sense together (domain rule): a 400 naming the fields that do not. */
function checkValues(values: { baseline: number; target: number; current: number | null; direction: Direction }) {
  const problems = checkKeyResult(values);
  if (problems.length > 0)
    throw invalid(
      problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
      problems.map((p) => p.message).join('; '),
    );
}

export async function listKeyResults(services: Services, access: Access, objectiveId: string) {
  authorize(access, 'strategy.read');
  await loadObjective(services.db, access, objectiveId);
  const rows = await services.db
    .selectFrom('key_results')
    .selectAll()
    .where('objective_id', '=', objectiveId)
    .where('workspace_id', '=', access.workspace.id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return { items: rows.map(toKeyResultDto) };
}

export async function createKeyResult(
  services: Services,
  access: Access,
  objectiveId: string,
  input: z.output<typeof KeyResultCreateBody>,
) {
  authorize(access, 'strategy.write');
  return services.db.transaction().execute(async (trx) => {
    await loadObjective(trx, access, objectiveId);
    const direction = input.direction ?? impliedDirection(input.baseline, input.target);
    const current = input.current ?? null;
    checkValues({ baseline: input.baseline, target: input.target, current, direction });
    const existing = await trx
      .selectFrom('key_results')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('position').as('last')])
      .where('objective_id', '=', objectiveId)
      .executeTakeFirstOrThrow();
    if (Number(existing.n) >= MAX_KEY_RESULTS)
      throw new AppError('rule_violated', `An objective has at most ${MAX_KEY_RESULTS} key results; remove one first.`);
    const now = nowIso();
    const row: KeyResultRow = {
      id: newId(),
      workspace_id: access.workspace.id,
      objective_id: objectiveId,
      title: input.title,
      metric: input.metric ?? '',
      baseline: input.baseline,
      target: input.target,
      current,
      unit: input.unit ?? '',
      direction,
      position: existing.last === null ? 0 : Number(existing.last) + 1,
      created_by: access.actorId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('key_results').values(row).execute();
    const dto = toKeyResultDto(row);
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'key_result',
      entityId: row.id,
      action: 'created',
      actorId: access.actorId,
      changes: { objectiveId: { from: null, to: objectiveId }, ...diff(null, dto, KEY_RESULT_TRACKED) },
    });
    return dto;
  });
}

export async function updateKeyResult(
  services: Services,
  access: Access,
  objectiveId: string,
  id: string,
  expectedVersion: number,
  patch: z.output<typeof KeyResultPatchBody>,
) {
  authorize(access, 'strategy.write');
  return services.db.transaction().execute(async (trx) => {
    const before = await loadKeyResult(trx, access, objectiveId, id);
    if (before.version !== expectedVersion) throw versionConflict(toKeyResultDto(before));
    const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    const after: KeyResultRow = {
      ...before,
      title: patch.title ?? before.title,
      metric: patch.metric ?? before.metric,
      baseline: patch.baseline ?? Number(before.baseline),
      target: patch.target ?? Number(before.target),
      current: pick(patch.current, before.current === null ? null : Number(before.current)),
      unit: patch.unit ?? before.unit,
      direction: patch.direction ?? before.direction,
      version: before.version + 1,
      updated_at: nowIso(),
    };
    const beforeDto = toKeyResultDto(before);
    const afterDto = toKeyResultDto(after);
    checkValues(afterDto);
    const changes = diff(beforeDto, afterDto, KEY_RESULT_TRACKED);
    if (Object.keys(changes).length === 0) return beforeDto;
    const result = await trx
      .updateTable('key_results')
      .set({
        title: after.title,
        metric: after.metric,
        baseline: after.baseline,
        target: after.target,
        current: after.current,
        unit: after.unit,
        direction: after.direction,
        version: after.version,
        updated_at: after.updated_at,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw versionConflict(toKeyResultDto(await loadKeyResult(trx, access, objectiveId, id)));
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'key_result',
      entityId: id,
      action: 'updated',
      actorId: access.actorId,
      // The objective and the title come along (unchanged, from = to) so the history can
      // say which key result moved and link to its objective.
      changes: {
        objectiveId: { from: objectiveId, to: objectiveId },
        ...(changes.title ? {} : { title: { from: after.title, to: after.title } }),
        ...changes,
      },
    });
    return afterDto;
  });
}

export async function deleteKeyResult(services: Services, access: Access, objectiveId: string, id: string, expectedVersion: number | null) {
  authorize(access, 'strategy.write');
  await services.db.transaction().execute(async (trx) => {
    const before = await loadKeyResult(trx, access, objectiveId, id);
    if (!(await deleteAtVersion(trx, 'key_results', id, expectedVersion)))
      throw versionConflict(toKeyResultDto(await loadKeyResult(trx, access, objectiveId, id)));
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'key_result',
      entityId: id,
      action: 'deleted',
      actorId: access.actorId,
      changes: { objectiveId: { from: objectiveId, to: null }, ...diff(toKeyResultDto(before), null, ['title']) },
    });
  });
}
