import { type Kysely, sql } from 'kysely';
import { sameSegment } from '../../../domain/discovery/evidence.js';
import type { Database } from '../../db/schema.js';

/**
 * The segments stored in a workspace that a filter means ("enterprise" → "Enterprise",
 * "ENTERPRISE"), compared by the domain's sameSegment so SQLite and PostgreSQL agree; the
 * query then matches those values exactly. Never empty: with no match, the filter itself
 * (which then matches nothing).
 */
export async function matchingSegments(db: Kysely<Database>, workspaceId: string, segment: string): Promise<string[]> {
  const found = (await segmentsInUse(db, workspaceId)).filter((s) => sameSegment(s, segment));
  return found.length > 0 ? found : [segment];
}

/**
 * The distinct segments of a workspace's customers, smallest first. A plain DISTINCT reads
 * every customer on both databases; this walks the (workspace_id, segment) index instead,
 * jumping from one segment to the next (one probe per distinct value, a handful in practice).
 */
export async function segmentsInUse(db: Kysely<Database>, workspaceId: string): Promise<string[]> {
  const { rows } = await sql<{ segment: string | null }>`
    with recursive seen(segment) as (
      select min(segment) from customers where workspace_id = ${workspaceId} and segment is not null
      union all
      select (select min(c.segment) from customers c where c.workspace_id = ${workspaceId} and c.segment > seen.segment)
      from seen where seen.segment is not null
    )
    select segment from seen where segment is not null`.execute(db);
  return rows.flatMap((r) => (r.segment === null ? [] : [r.segment]));
}
