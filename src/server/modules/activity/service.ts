import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { type Access, authorize } from '../workspaces/service.js';

/** The change log of a workspace, newest first, optionally for one entity. */
export async function listActivity(
  db: Kysely<Database>,
  access: Access,
  query: { cursor?: string | undefined; limit: number; entity?: string | undefined; id?: string | undefined },
) {
  authorize(access, 'activity.read');
  const after = decodeCursor(query.cursor, 'number');
  let q = db
    .selectFrom('change_log')
    .leftJoin('users', 'users.id', 'change_log.actor_id')
    .selectAll('change_log')
    .select(['users.name as actor_name', 'users.email as actor_email'])
    .where('change_log.workspace_id', '=', access.workspace.id);
  if (query.entity) q = q.where('change_log.entity', '=', query.entity);
  if (query.id) q = q.where('change_log.entity_id', '=', query.id);
  if (after) q = q.where('change_log.seq', '<', Number(after[0]));
  const rows = await q
    .orderBy('change_log.seq', 'desc')
    .limit(query.limit + 1)
    .execute();
  const pageOf = toPage(rows, query.limit, (r) => [Number(r.seq), String(r.seq)]);
  return {
    items: pageOf.items.map((r) => ({
      seq: Number(r.seq),
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      actor: r.actor_id && r.actor_name !== null ? { id: r.actor_id, name: r.actor_name, email: r.actor_email ?? '' } : null,
      at: r.at,
      changes: JSON.parse(r.changes) as Record<string, { from: unknown; to: unknown }>,
      note: r.note,
    })),
    nextCursor: pageOf.nextCursor,
  };
}
