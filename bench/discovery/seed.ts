import { loadConfig } from '../../src/server/config.js';
import type { Db } from '../../src/server/db/connection.js';
import { createImportJob } from '../../src/server/modules/imports/service.js';
import { resolveAccess } from '../../src/server/modules/workspaces/service.js';
import { createServices } from '../../src/server/services.js';
import { CSV_MAPPING, insightsCsv } from './csv.js';

/**
 * Bulk seeding for large insight collections: the CSV chunks go through Cairn's own import
 * code (createImportJob: the same parsing, validation, rows, search index and change-log
 * entries as POST /imports), run inside the benchmark process on its own connection to the
 * database instead of being uploaded to the server. Only the first chunk is measured through
 * the public endpoint; seeding up to 1,000,000 insights this way skips nine 20 MB uploads and
 * the polling, and does not depend on the server's request timeouts.
 */
export async function seedInsightsDirectly(
  db: Db,
  tenant: { userId: string; workspace: { id: string } },
  first: number,
  count: number,
): Promise<{ seconds: number; created: number }> {
  const services = createServices(db.kysely, db.dialect, loadConfig({}), 'bench');
  const access = await resolveAccess(db.kysely, tenant.userId, tenant.workspace.id);
  const started = performance.now();
  const bytes = Buffer.from(insightsCsv(first, count));
  const { job, done } = await createImportJob(services, access, {
    kind: 'insights',
    mapping: CSV_MAPPING,
    onError: 'skip',
    createCustomers: true,
    fileName: `seed-${first}.csv`,
    bytes,
  });
  await done;
  const row = await db.kysely.selectFrom('imports').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
  if (row.status !== 'done') throw new Error(`Seeding import ${job.id} ended ${row.status}: ${row.message}`);
  return { seconds: (performance.now() - started) / 1000, created: row.created_rows };
}
