import type { Db, Dialect } from '../../src/server/db/connection.js';
import { allCases } from '../cases/index.js';
import { bootstrap, createWorkspace } from '../lib/bootstrap.js';
import { topUpProducts } from '../lib/bulk-seed.js';
import { startCairn } from '../lib/cairn-process.js';
import { withCleanup } from '../lib/cleanup.js';
import { topUpCustomers } from '../lib/customer-seed.js';
import { topUpFeatures } from '../lib/feature-seed.js';
import { objectivesFor, topUpObjectives } from '../lib/objective-seed.js';
import type { Memory } from '../lib/proc.js';
import { createStore } from '../lib/store.js';
import { startLimitServer } from './limit.js';
import { startLoadProcess } from './load.js';
import type { PhaseResult } from './load-protocol.js';
import type { BenchContext, HttpCase } from './types.js';

export interface HttpOptions {
  dialect: Dialect;
  sizes: number[];
  /** Length of each measured phase. */
  seconds: number;
  warmupSeconds: number;
  /** Connections of the load phase (the latency phase uses one). */
  connections: number;
  log: (line: string) => void;
}

export interface CaseResult {
  size: number;
  case: HttpCase;
  /** One connection, one request at a time: what a single user waits. */
  latency: PhaseResult;
  /** Many connections: what the server sustains. */
  load: PhaseResult;
  /** The same bytes served by bare Fastify under the same load; null when Cairn never answered 2xx. */
  limit: PhaseResult | null;
}

export interface SizeResult {
  size: number;
  /** Products inserted by the bulk seeder for this size, and how long it took. */
  inserted: number;
  seedSeconds: number;
  /** Server memory after this size's cases ran. */
  memory: Memory;
}

export interface HttpReport {
  cases: CaseResult[];
  sizes: SizeResult[];
  /** Server memory right after start, before any data. */
  idle: Memory;
}

const SAMPLE = 2_000;

async function contextFor(
  db: Db,
  dialect: Dialect,
  size: number,
  workspace: { id: string; slug: string },
  scratch: string,
): Promise<BenchContext> {
  const rows = await db.kysely
    .selectFrom('products')
    .select(['id', 'version'])
    .where('workspace_id', '=', workspace.id)
    .orderBy('id')
    .limit(SAMPLE)
    .execute();
  const objectives = await db.kysely
    .selectFrom('objectives')
    .select('id')
    .where('workspace_id', '=', workspace.id)
    .orderBy('id')
    .limit(SAMPLE)
    .execute();
  const keyResults = await db.kysely
    .selectFrom('key_results')
    .select(['id', 'objective_id', 'version'])
    .where('workspace_id', '=', workspace.id)
    .orderBy('id')
    .limit(SAMPLE)
    .execute();
  return {
    dialect,
    size,
    workspace: workspace.slug,
    scratchWorkspace: scratch,
    productIds: rows.map((r) => r.id),
    versions: Object.fromEntries([...rows, ...keyResults].map((r) => [r.id, r.version])),
    objectiveIds: objectives.map((r) => r.id),
    keyResults: keyResults.map((r) => ({ objectiveId: r.objective_id, id: r.id })),
  };
}

/**
 * Starts Cairn and the limit server as separate processes, grows the product collection size
 * by size, and runs every case against both from a third process.
 */
export async function runHttpBench(options: HttpOptions): Promise<HttpReport> {
  const { log } = options;
  return withCleanup(async (defer) => {
    const store = await createStore(options.dialect, { durable: true });
    defer(() => store.dispose());
    const cairn = await startCairn({ dataDir: store.dataDir, databaseUrl: store.databaseUrl });
    defer(() => cairn.stop());
    const limit = await startLimitServer();
    defer(() => limit.stop());
    const load = startLoadProcess();
    defer(() => load.stop());
    const db = store.open();
    defer(() => db.close());
    const idle = cairn.memory();
    const tenant = await bootstrap(cairn.url);
    const scratch = await createWorkspace(tenant.api, 'bench-scratch');
    const report: HttpReport = { cases: [], sizes: [], idle };
    for (const size of options.sizes) {
      const started = performance.now();
      const inserted = await topUpProducts(db, tenant.workspace.id, tenant.userId, size);
      const seedSeconds = (performance.now() - started) / 1000;
      log(
        `seeded ${inserted.toLocaleString('en-US')} products in ${seedSeconds.toFixed(1)} s (collection: ${size.toLocaleString('en-US')})`,
      );
      const featuresStarted = performance.now();
      const features = await topUpFeatures(db, tenant.workspace.id, tenant.userId, size);
      log(`seeded ${features.toLocaleString('en-US')} scored features in ${((performance.now() - featuresStarted) / 1000).toFixed(1)} s`);
      const othersStarted = performance.now();
      const customers = await topUpCustomers(db, tenant.workspace.id, tenant.userId, size);
      const objectives = await topUpObjectives(db, tenant.workspace.id, tenant.userId, objectivesFor(size));
      log(
        `seeded ${customers.toLocaleString('en-US')} customers and ${objectives.toLocaleString('en-US')} objectives (3 key results, 2 linked features each) in ${((performance.now() - othersStarted) / 1000).toFixed(1)} s`,
      );
      for (const c of allCases) {
        const job = {
          caseName: c.name,
          ctx: await contextFor(db, options.dialect, size, tenant.workspace, scratch.slug),
          token: tenant.token,
          warmupSeconds: options.warmupSeconds,
        };
        const loaded = { connections: options.connections, seconds: options.seconds };
        const measured = await load.run({ ...job, baseUrl: cairn.url, phases: [{ connections: 1, seconds: options.seconds }, loaded] });
        const [latency, underLoad] = measured.phases as [PhaseResult, PhaseResult];
        let limitResult: PhaseResult | null = null;
        if (measured.sample) {
          await limit.serve(measured.sample);
          limitResult = (await load.run({ ...job, baseUrl: limit.url, phases: [loaded] })).phases[0] ?? null;
        }
        log(
          `  ${c.name}: p99 ${latency.p99.toFixed(2)} ms alone, ${Math.round(underLoad.rps)} req/s loaded` +
            (limitResult ? ` (limit ${Math.round(limitResult.rps)} req/s)` : ''),
        );
        report.cases.push({ size, case: c, latency, load: underLoad, limit: limitResult });
      }
      report.sizes.push({ size, inserted, seedSeconds, memory: cairn.memory() });
    }
    return report;
  });
}
