import type { Dialect } from '../../src/server/db/connection.js';
import { Api } from '../lib/api.js';
import { bootstrap } from '../lib/bootstrap.js';
import { type CairnProcess, startCairn } from '../lib/cairn-process.js';
import { withCleanup } from '../lib/cleanup.js';
import { sleep, withTimeout } from '../lib/proc.js';
import { createStore, type Store, sqliteFile } from '../lib/store.js';
import { changeLogConsistency, postgresIntegrity, sqliteIntegrity } from './integrity.js';
import { compareWithLedger, type Ledger, resync } from './ledger.js';
import { readAllProducts } from './verify.js';
import { startWriters, type WriteStats } from './writers.js';

export interface CrashOptions {
  dialect: Dialect;
  rounds: number;
  /** Concurrent writers (default 8). */
  workers?: number;
  /** Run the server from the TypeScript sources rather than dist/. */
  fromSource?: boolean;
  /** Also restart PostgreSQL under load and check that Cairn carries on (PostgreSQL only). */
  restartPostgres?: boolean;
  log?: (line: string) => void;
}

export interface RoundResult {
  round: number;
  /** How long the writers ran before the kill. */
  loadMs: number;
  stats: WriteStats;
  /** Database checks on the files / server the killed process left. */
  integrity: string[];
  /** Acknowledged writes missing or older than acknowledged after the restart. */
  lost: string[];
  changeLog: string[];
  restartMs: number;
  /** Products the check read back. */
  products: number;
}

export interface PostgresRestartResult {
  stats: WriteStats;
  /** How long PostgreSQL was stopped and starting. */
  downMs: number;
  /** From PostgreSQL accepting connections again to Cairn's next successful write. */
  recoveredMs: number | null;
  problems: string[];
}

export interface CrashReport {
  dialect: Dialect;
  rounds: RoundResult[];
  postgresRestart: PostgresRestartResult | null;
  /** Every broken promise; empty means the run passed. */
  problems: string[];
}

const KILL_AFTER_MS = [300, 1_500] as const;

async function check(store: Store, api: Api, workspace: { id: string; slug: string }, ledger: Ledger) {
  const actual = await readAllProducts(api, workspace.slug);
  const lost = compareWithLedger(ledger, actual);
  resync(ledger, actual);
  const db = store.open();
  try {
    return { lost, changeLog: await changeLogConsistency(db, workspace.id), products: actual.size };
  } finally {
    await db.close();
  }
}

/**
 * Drives concurrent creates and updates, kills the server with SIGKILL at a random moment,
 * checks the database, restarts on the same data and checks that every acknowledged write is
 * there. Repeats; on PostgreSQL, finally restarts the database itself under load.
 */
export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => {});
  const workers = options.workers ?? 8;
  return withCleanup(async (defer) => {
    const store = await createStore(options.dialect, { durable: true });
    defer(() => store.dispose());
    const start = (port?: number) =>
      startCairn({
        dataDir: store.dataDir,
        databaseUrl: store.databaseUrl,
        fromSource: options.fromSource ?? false,
        ...(port && { port }),
      });
    let cairn: CairnProcess = await start();
    // Stops whichever process is current when the run ends: rounds replace it.
    defer(() => cairn.stop());
    const report: CrashReport = { dialect: options.dialect, rounds: [], postgresRestart: null, problems: [] };
    const tenant = await bootstrap(cairn.url, 'crash');
    const api = new Api(cairn.url, { token: tenant.token }, 10_000);
    const ledger: Ledger = new Map();
    for (let round = 1; round <= options.rounds; round += 1) {
      const killAfter = KILL_AFTER_MS[0] + Math.random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]);
      const writers = startWriters(api, tenant.workspace.slug, ledger, { workers, stopWhenUnreachable: true, maxMs: killAfter + 15_000 });
      await sleep(killAfter);
      await cairn.kill9();
      const stats = await writers.done;
      const integrity = options.dialect === 'sqlite' ? sqliteIntegrity(sqliteFile(store)) : await postgresIntegrity(store.databaseUrl!);
      const restartStarted = performance.now();
      cairn = await start(cairn.port);
      const restartMs = performance.now() - restartStarted;
      const result: RoundResult = {
        round,
        loadMs: killAfter,
        stats,
        integrity,
        restartMs,
        ...(await check(store, api, tenant.workspace, ledger)),
      };
      report.rounds.push(result);
      report.problems.push(...[...integrity, ...result.lost, ...result.changeLog].map((p) => `round ${round}: ${p}`));
      log(describeRound(result, options.rounds));
    }
    if (options.restartPostgres && store.postgres) {
      const restart = store.postgres.restart.bind(store.postgres);
      const outcome = await postgresRestart(cairn, api, tenant.workspace.slug, ledger, workers, restart);
      // If Cairn died, start it again so the acknowledged writes can still be checked.
      if (cairn.exitStatus() !== null) cairn = await start(cairn.port);
      const { lost, changeLog } = await check(store, api, tenant.workspace, ledger);
      outcome.problems.push(...lost, ...changeLog, ...(await postgresIntegrity(store.databaseUrl!)));
      report.postgresRestart = outcome;
      report.problems.push(...outcome.problems.map((p) => `PostgreSQL restart: ${p}`));
      log(describeRestart(outcome));
    }
    return report;
  });
}

/** Restarts PostgreSQL under write load; Cairn should answer 503 meanwhile, then carry on by itself. */
async function postgresRestart(
  cairn: CairnProcess,
  api: Api,
  workspace: string,
  ledger: Ledger,
  workers: number,
  restart: () => Promise<void>,
): Promise<PostgresRestartResult> {
  const writers = startWriters(api, workspace, ledger, { workers, stopWhenUnreachable: false, maxMs: 60_000 });
  await sleep(500 + Math.random() * 500);
  const stopped = performance.now();
  await withTimeout(restart(), 60_000, 'Restarting PostgreSQL');
  const ready = performance.now();
  while (writers.stats.lastOkAt < ready && performance.now() < ready + 15_000 && cairn.exitStatus() === null) await sleep(50);
  const recoveredMs = writers.stats.lastOkAt >= ready ? writers.stats.lastOkAt - ready : null;
  await sleep(1_000);
  const stats = await writers.stop();

  const problems: string[] = [];
  const exit = cairn.exitStatus();
  if (exit !== null) problems.push(`Cairn exited (${exit}) while PostgreSQL restarted; its last output:\n${cairn.output()}`);
  else {
    const health = await fetch(`${cairn.url}/api/v1/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
    if (health?.status !== 200) problems.push(`Cairn is not healthy after the restart (${health?.status ?? 'no answer'})`);
  }
  if (stats.noAnswer > 0) problems.push(`${stats.noAnswer} requests got no HTTP answer (Cairn must answer 503, not drop the connection)`);
  for (const line of stats.notProblems) problems.push(`answer that is not problem+json with a code: ${line}`);
  for (const [key, n] of Object.entries(stats.failures)) {
    const status = Number(key.split(' ')[0]);
    // 409: an update whose answer was a 5xx had committed after all; the writer then learns the version.
    if (status < 500 && key !== '409 version_conflict') problems.push(`${n} unexpected ${key} answers`);
  }
  if (recoveredMs === null) problems.push('no successful write within 15 s of PostgreSQL accepting connections again');
  return { stats, downMs: ready - stopped, recoveredMs, problems };
}

function describeFailures(stats: WriteStats): string {
  const entries = Object.entries(stats.failures);
  return entries.length === 0 ? 'none' : entries.map(([key, n]) => `${n}×${key}`).join(', ');
}

function describeRound(r: RoundResult, of: number): string {
  const ok = r.integrity.length === 0 && r.lost.length === 0 && r.changeLog.length === 0;
  return (
    `round ${r.round}/${of}: killed after ${(r.loadMs / 1000).toFixed(2)} s with ${r.stats.createsAcked} creates + ${r.stats.updatesAcked} updates acknowledged, ` +
    `${r.stats.uncertain} updates in flight; integrity ${r.integrity.length === 0 ? 'ok' : 'FAILED'}; ` +
    `${r.products} products read back after a ${(r.restartMs / 1000).toFixed(1)} s restart: ${ok ? 'all acknowledged writes present' : `${r.lost.length + r.changeLog.length} problems`}`
  );
}

function describeRestart(r: PostgresRestartResult): string {
  return (
    `PostgreSQL restart under load: down ${(r.downMs / 1000).toFixed(1)} s, Cairn writing again ${r.recoveredMs === null ? 'never' : `${(r.recoveredMs / 1000).toFixed(2)} s`} after; ` +
    `${r.stats.createsAcked} creates + ${r.stats.updatesAcked} updates acknowledged; failures: ${describeFailures(r.stats)}; ` +
    `${r.problems.length === 0 ? 'PASS' : `${r.problems.length} problems`}`
  );
}
