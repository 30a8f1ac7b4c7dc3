import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { nowIso } from '../lib/ids.js';

export type Changes = Record<string, { from: unknown; to: unknown }>;

export interface ChangeEntry {
  workspaceId: string;
  entity: string;
  entityId: string;
  action: string;
  actorId: string | null;
  changes: Changes;
  note?: string | null;
}

/**
 * Appends to the change log inside the caller's transaction, so a change and its record
 * commit together or not at all. Activity, audit, realtime and webhooks all read from here.
 */
export async function appendChange(trx: Kysely<Database>, entry: ChangeEntry): Promise<void> {
  await trx
    .insertInto('change_log')
    .values({
      workspace_id: entry.workspaceId,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      actor_id: entry.actorId,
      at: nowIso(),
      changes: JSON.stringify(entry.changes),
      note: entry.note ?? null,
    })
    .execute();
}

/** The fields that differ between two snapshots, as { field: { from, to } }. */
export function diff<T extends Record<string, unknown>>(before: T | null, after: T | null, fields: (keyof T & string)[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    const from = before ? before[field] : null;
    const to = after ? after[field] : null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}
