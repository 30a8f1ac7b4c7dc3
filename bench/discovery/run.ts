import type { Dialect } from '../../src/server/db/connection.js';
import { discoveryCases } from '../cases/discovery.js';
import { startLoadProcess } from '../http/load.js';
import type { PhaseResult } from '../http/load-protocol.js';
import { Api } from '../lib/api.js';
import { bootstrap, type Tenant } from '../lib/bootstrap.js';
import { startCairn } from '../lib/cairn-process.js';
import { sleep } from '../lib/proc.js';
import { createStore } from '../lib/store.js';
import { fmt, verdict } from '../lib/table.js';
import type { Table } from '../report/figures.js';
import type { Section } from '../report/markdown.js';
import { CSV_MAPPING, insightsCsv } from './csv.js';
import { seedInsightsDirectly } from './seed.js';

export interface DiscoveryOptions {
  dialect: Dialect;
  /** Insight collection sizes, growing; each is reached by importing CSV chunks. */
  sizes: number[];
  seconds: number;
  warmupSeconds: number;
  /**
   * How chunks after the first (measured) import are seeded: 'api' uploads each to POST
   * /imports like the first; 'direct' runs the same import code in this process (seed.ts).
   */
  seed?: 'api' | 'direct';
  log: (line: string) => void;
}

export interface DiscoveryReport {
  imports: Table;
  latency: Table;
}

/** Rows per uploaded CSV: the measured import, and the seeding step up to larger sizes. */
const CHUNK = 100_000;
const IMPORT_TARGET = 20_000;
const SAMPLE = 2_000;

interface ImportJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  createdRows: number;
  skippedRows: number;
  message: string | null;
}

/** Uploads a CSV through the public import endpoint and waits until the job is done; returns seconds, end to end. */
async function importCsv(tenant: Tenant, csv: string): Promise<{ seconds: number; job: ImportJob }> {
  const base = `${tenant.api.baseUrl}/api/v1/workspaces/${tenant.workspace.slug}/imports`;
  const headers = { authorization: `Bearer ${tenant.token}` };
  const form = new FormData();
  form.append('kind', 'insights');
  form.append('mapping', JSON.stringify(CSV_MAPPING));
  form.append('createCustomers', 'true');
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'insights.csv'); // the file part goes last
  const poller = new Api(tenant.api.baseUrl, tenant.api.credentials, 600_000);
  const started = performance.now();
  const res = await fetch(base, { method: 'POST', headers, body: form, signal: AbortSignal.timeout(600_000) });
  let job = (await res.json()) as ImportJob;
  if (!res.ok) throw new Error(`POST imports answered ${res.status}: ${JSON.stringify(job).slice(0, 500)}`);
  while (job.status === 'running') {
    await sleep(50);
    // A long timeout: the import's transactions can keep the server from answering for a while.
    job = await poller.ok<ImportJob>('GET', `/api/v1/workspaces/${tenant.workspace.slug}/imports/${job.id}`);
  }
  const seconds = (performance.now() - started) / 1000;
  if (job.status !== 'done') throw new Error(`Import ${job.id} ended ${job.status}: ${job.message}`);
  return { seconds, job };
}

/**
 * Starts Cairn (import limit raised for 100k-row files), grows the insight collection through the
 * import endpoint size by size, and measures the inbox, search and similar-insight requests.
 */
export async function runDiscoveryBench(options: DiscoveryOptions): Promise<DiscoveryReport> {
  const { log, dialect } = options;
  const store = await createStore(dialect, { durable: true });
  const previousLimit = process.env.CAIRN_IMPORT_MAX_MB;
  process.env.CAIRN_IMPORT_MAX_MB = '256';
  const cairn = await startCairn({ dataDir: store.dataDir, databaseUrl: store.databaseUrl }).finally(() => {
    if (previousLimit === undefined) delete process.env.CAIRN_IMPORT_MAX_MB;
    else process.env.CAIRN_IMPORT_MAX_MB = previousLimit;
  });
  const load = startLoadProcess();
  const db = store.open();
  const imports: string[][] = [];
  const latency: string[][] = [];
  try {
    const tenant = await bootstrap(cairn.url, 'discovery');
    let count = 0;
    for (const size of options.sizes) {
      while (count < size) {
        const rows = Math.min(CHUNK, size - count);
        if (count > 0 && options.seed === 'direct') {
          const seeded = await seedInsightsDirectly(db, tenant, count, rows);
          log(`  seeded ${fmt.int(rows)} insights into ${fmt.int(count)} in ${seeded.seconds.toFixed(1)} s (import code, in process)`);
          count += seeded.created;
          continue;
        }
        const csv = insightsCsv(count, rows);
        const { seconds, job } = await importCsv(tenant, csv);
        const rate = rows / seconds;
        const judged = dialect === 'sqlite';
        imports.push([
          fmt.int(count),
          fmt.int(rows),
          `${(csv.length / 1024 / 1024).toFixed(1)} MB`,
          `${seconds.toFixed(2)} s`,
          fmt.int(rate),
          judged ? `≥ ${fmt.int(IMPORT_TARGET)} ${verdict(rate >= IMPORT_TARGET)}` : '',
          fmt.mb(cairn.memory().peakMb),
          job.skippedRows === 0 ? '0' : fmt.int(job.skippedRows),
        ]);
        log(`  imported ${fmt.int(rows)} insights into ${fmt.int(count)} in ${seconds.toFixed(1)} s: ${fmt.int(rate)} rows/s`);
        count += job.createdRows;
      }

      const rows = await db.kysely
        .selectFrom('insights')
        .select('id')
        .where('workspace_id', '=', tenant.workspace.id)
        .orderBy('id')
        .limit(SAMPLE * 10)
        .execute();
      const insightIds = rows.filter((_, i) => i % 10 === 0).map((r) => r.id);
      const first = performance.now();
      await tenant.api.ok('GET', `/api/v1/workspaces/${tenant.workspace.slug}/insights/${insightIds[0]}/similar`);
      const buildMs = performance.now() - first;
      latency.push([fmt.int(count), 'insights: similar, first call (builds the index)', fmt.ms(buildMs), '', '', '', '', '']);
      log(`  similar: first call ${fmt.ms(buildMs)}`);

      const ctx = {
        dialect,
        size: count,
        workspace: tenant.workspace.slug,
        scratchWorkspace: tenant.workspace.slug,
        productIds: [],
        objectiveIds: [],
        keyResults: [],
        versions: {},
        insightIds,
      };
      for (const c of discoveryCases) {
        const result = await load.run({
          caseName: c.name,
          ctx,
          baseUrl: cairn.url,
          token: tenant.token,
          warmupSeconds: options.warmupSeconds,
          phases: [{ connections: 1, seconds: options.seconds }],
        });
        const r = result.phases[0] as PhaseResult;
        const failed = Object.entries(r.failed).map(([status, n]) => `${n}×${status}`);
        if (r.errors > 0) failed.push(`${r.errors} errors`);
        const figure = r[c.judge.percentile];
        latency.push([
          fmt.int(count),
          c.name,
          fmt.ms(r.p50),
          fmt.ms(r.p95),
          fmt.ms(r.p99),
          `${c.judge.percentile} < ${c.judge.ms} ms ${verdict(r.ok > 0 && figure < c.judge.ms)}`,
          fmt.int(r.rps),
          failed.join(' ') || '0',
        ]);
        log(`  ${c.name}: p50 ${fmt.ms(r.p50)}, p95 ${fmt.ms(r.p95)}, p99 ${fmt.ms(r.p99)}`);
      }
    }
    return {
      imports: {
        headers: ['insights before', 'rows imported', 'CSV', 'upload → done', 'rows/s', 'target', 'server peak RSS', 'skipped'],
        rows: imports,
        align: ['right', 'right', 'right', 'right', 'right', 'left', 'right', 'right'],
      },
      latency: {
        headers: ['insights', 'case', 'p50', 'p95', 'p99', 'target', 'req/s 1 conn', 'non-2xx'],
        rows: latency,
        align: ['right', 'left', 'right', 'right', 'right', 'left', 'right', 'right'],
      },
    };
  } finally {
    await db.close();
    await load.stop();
    await cairn.stop();
    await store.dispose();
  }
}

/** The "Discovery" section of a report. */
export function discoverySection(report: DiscoveryReport): Section {
  return {
    title: 'Discovery',
    notes: [
      `CSV import: 100,000-row insights files (English and French feedback of 10–40 words, ~500 customers created on the fly, source, date, tags, external id) uploaded to POST /imports as multipart and polled until done; rows/s is end to end (upload, parsing, rows, search index and change log). Larger sizes are seeded chunk by chunk, through the endpoint too (--seed api) or by the same import code run in the benchmark process (--seed direct, the default: bench/discovery/seed.ts). Target judged on SQLite.`,
      'Reads: one connection, one request at a time, measured from a separate process with autocannon; search cases cycle through common and rare words (English and French). The first similar call builds the in-memory index and is timed on its own.',
    ],
    tables: [report.imports, report.latency],
  };
}
