import type { Kysely } from 'kysely';
import { sameSegment } from '../../../domain/discovery/evidence.js';
import type { Database } from '../../db/schema.js';

/**
 * The segments stored in a workspace that a filter means ("enterprise" → "Enterprise",
 * "ENTERPRISE"), compared by the domain's sameSegment so SQLite and PostgreSQL agree; the
 * query then matches those values exactly. Never empty: with no match, the filter itself
 * (which then matches nothing).
 */
export async function matchingSegments(db: Kysely<Database>, workspaceId: string, segment: string): Promise<string[]> {
  const rows = await db
    .selectFrom('customers')
    .select('segment')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('segment', 'is not', null)
    .execute();
  const found = rows.flatMap((r) => (r.segment !== null && sameSegment(r.segment, segment) ? [r.segment] : []));
  return found.length > 0 ? found : [segment];
}
