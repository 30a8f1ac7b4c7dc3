import { parseArgs } from 'node:util';
import { startCairn } from '../lib/cairn-process.js';
import { withCleanup } from '../lib/cleanup.js';
import { fail, UsageError } from '../lib/cli.js';
import { describeMachine, machine } from '../lib/machine.js';
import { createStore } from '../lib/store.js';
import { textTable } from '../lib/table.js';
import { type FuzzReport, runFuzz } from './fuzz.js';
import { knownIssueOf } from './known-issues.js';
import { databaseProbe } from './probe.js';
import { httpTarget } from './target.js';

/**
 * npm run test:fuzz [-- --requests N] [-- --seed S] [-- --pg] [-- --dist]
 * Sends generated hostile requests for every operation of the OpenAPI document to a real server.
 */
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    pg: { type: 'boolean', default: false },
    dist: { type: 'boolean', default: false },
  },
});

function operationTable(report: FuzzReport): string {
  const rows = Object.entries(report.operations).map(([op, s]) => [
    op,
    String(s.sent),
    String(s.ok),
    Object.entries(s.clientErrors)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', '),
    String(s.serverErrors),
    String(s.other),
    s.sent > 0 ? (s.ms / s.sent).toFixed(1) : '—',
  ]);
  return textTable(['operation', 'sent', '2xx', '4xx by code', '5xx', 'other', 'ms/req'], rows, [
    'left',
    'right',
    'right',
    'left',
    'right',
    'right',
    'right',
  ]);
}

async function main() {
  const requests = Number(values.requests);
  const seed = Number(values.seed);
  if (!Number.isInteger(requests) || requests < 1 || requests > 1_000_000)
    throw new UsageError('--requests must be a whole number from 1 to 1,000,000');
  const dialect = values.pg ? 'postgres' : 'sqlite';
  console.log(
    `Fuzzing ${requests} requests on ${dialect}, seed ${seed}, server from ${values.dist ? 'dist/' : 'the sources'} — ${describeMachine(machine())}`,
  );
  await withCleanup(async (defer) => {
    const store = await createStore(dialect, { durable: false });
    defer(() => store.dispose());
    const cairn = await startCairn({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, fromSource: !values.dist });
    defer(() => cairn.stop());
    const db = store.open();
    defer(() => db.close());
    const target = httpTarget(cairn.url);
    defer(() => target.close());
    const report = await runFuzz({ target, probe: await databaseProbe(db), requests, seed, log: (l) => console.log(l) });
    console.log(`\n${operationTable(report)}\n\n${report.sent} requests in ${report.seconds.toFixed(1)} s (seed ${seed}).`);
    if (cairn.exitStatus() !== null) console.error(`\nThe server exited (${cairn.exitStatus()}):\n${cairn.output()}`);
    if (report.findings.length > 0) {
      console.error(`\nFAIL: ${report.findings.length} kinds of finding\n`);
      for (const f of report.findings) {
        const known = knownIssueOf(f);
        console.error(
          `[${f.kind}] ${f.op}, ${f.count}×: ${f.message}${known ? ` (known issue: ${known.id})` : ''}\n${f.request}\n→ ${f.response}\n`,
        );
      }
      process.exitCode = 1;
    } else console.log('PASS: no 5xx, every 4xx is problem+json with a code, nothing written by a rejected request, nothing leaked.');
  });
}

main().catch(fail);
