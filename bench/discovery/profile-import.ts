import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../../src/server/db/connection.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { createUser } from '../../src/server/modules/auth/service.js';
import { createWorkspace } from '../../src/server/modules/workspaces/service.js';
import { seedInsightsDirectly } from './seed.js';

/**
 * Runs one insights import in this process, on a fresh SQLite file, for profiling the import
 * code without a server or an upload in the way:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/discovery/profile-import.ts 100000
 * (one .cpuprofile per thread: the main one writes, a worker parses and checks the file).
 * The CSV is generated inside the timed part, as when seeding.
 */
const rows = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(rows) || rows < 1) {
  console.error('Usage: profile-import.ts [rows, a whole number ≥ 1]');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-prof-'));
const db = connect({ dataDir: dir });
await migrateToLatest(db);
const user = await createUser(db.kysely, { email: 'p@example.com', name: 'P', password: 'correct horse battery' });
const ws = await createWorkspace(db.kysely, user, { name: 'Prof' });
const r = await seedInsightsDirectly(db, { userId: user.id, workspace: { id: ws.id } }, 0, rows);
console.log(`${r.created} rows in ${r.seconds.toFixed(2)} s = ${Math.round(r.created / r.seconds)} rows/s`);
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
