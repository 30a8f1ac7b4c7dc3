import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { discoverySection, runDiscoveryBench } from './discovery/run.js';
import { runHttpBench } from './http/run-http.js';
import { requireBuild } from './lib/cairn-process.js';
import { fail, UsageError } from './lib/cli.js';
import { describeMachine, machine } from './lib/machine.js';
import { waitForQuiet } from './lib/proc.js';
import { textTable } from './lib/table.js';
import { runMicro } from './micro/run.js';
import { httpTable, memoryTable, microTable, type Table } from './report/figures.js';
import { renderSections, reportHeader, writeReport } from './report/markdown.js';

/**
 * npm run bench [-- --quick] [-- --pg] [-- --sizes 1000,100000] [-- --connections N] [-- --wait-quiet MINUTES]
 * Measures the production build: in-process micro-benchmarks of domain code, then HTTP load
 * against a real Cairn process at growing collection sizes, compared with bare Fastify.
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    pg: { type: 'boolean', default: false },
    connections: { type: 'string', default: '10' },
    'wait-quiet': { type: 'string', default: '0' },
    sizes: { type: 'string' },
  },
});

/** "1000,100000" → [1000, 100000]; growing sizes only, since each size tops up the last. */
function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((s) => Number(s.trim().replaceAll('_', '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 10) || sizes.some((n, i) => i > 0 && n <= sizes[i - 1]!))
    fail(new UsageError(`--sizes takes growing whole numbers of at least 10, separated by commas (got "${text}").`));
  return sizes;
}

const dialect = values.pg ? 'postgres' : 'sqlite';
const quick = values.quick ?? false;
const settings = {
  // --quick: one size and one-second phases, to stay under two minutes with every case.
  sizes: values.sizes ? parseSizes(values.sizes) : quick ? [10_000] : [1_000, 10_000, 100_000],
  seconds: quick ? 1 : 5,
  warmupSeconds: quick ? 0.3 : 1,
  connections: Number(values.connections),
  /** Insights imported for the discovery cases (1M: `npx tsx bench/discovery/cli.ts --sizes 100000,1000000`). */
  discoverySizes: quick ? [10_000] : [100_000],
};

const describe = `per case: ${settings.warmupSeconds} s warm-up, ${settings.seconds} s with 1 connection (latency), ${settings.seconds} s with ${settings.connections} connections (throughput), ${settings.seconds} s on the limit server`;

const print = (title: string, t: Table) => console.log(`\n${title}\n${textTable(t.headers, t.rows, t.align)}`);

async function main() {
  requireBuild();
  const waitMinutes = Number(values['wait-quiet']);
  if (waitMinutes > 0 && !(await waitForQuiet(waitMinutes, (line) => console.log(line)))) {
    console.log(`Still busy after ${waitMinutes} min: measuring anyway (the report shows the load).`);
  }
  const loadBefore = os.loadavg();
  console.log(
    `Cairn benchmark on ${dialect}${quick ? ' (quick)' : ''} — ${describeMachine(machine())}, load average ${loadBefore[0]!.toFixed(2)}`,
  );

  console.log('\nmicro-benchmarks (in process)…');
  const micro = microTable(await runMicro(quick));
  print('Domain code', micro);

  console.log(`\nHTTP: ${describe}`);
  const report = await runHttpBench({ dialect, ...settings, log: (line) => console.log(line) });
  const http = httpTable(report, dialect, settings.connections);
  const memory = memoryTable(report);
  print('HTTP', http);
  print('Server memory', memory);

  console.log(`\nDiscovery: ${settings.discoverySizes.map((s) => s.toLocaleString('en-US')).join(' / ')} insights`);
  const discovery = await runDiscoveryBench({ dialect, ...settings, sizes: settings.discoverySizes, log: (line) => console.log(line) });
  print('Discovery: CSV import', discovery.imports);
  print('Discovery: reads', discovery.latency);

  const file = writeReport(
    dialect === 'sqlite' ? 'latest.md' : 'latest-postgres.md',
    reportHeader(
      `Cairn benchmark — ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}${quick ? ' (quick)' : ''}`,
      `sizes ${settings.sizes.map((s) => s.toLocaleString('en-US')).join(' / ')}; ${describe}`,
      loadBefore,
    ) +
      renderSections([
        {
          title: 'HTTP',
          notes: [
            'Measured from a separate process with autocannon over loopback; latencies are of 2xx answers. ' +
              'p50/p90/p99 and the p99 target: one connection, one request at a time (what one user waits). ' +
              `req/s and p99 under load: ${settings.connections} connections. ` +
              '"limit" is a bare Fastify process serving the same response bytes from memory under the same load; ratio = Cairn req/s ÷ limit req/s.',
          ],
          tables: [http],
        },
        {
          title: 'Server memory',
          notes: ['Read from /proc/<pid>/status (VmRSS now, VmHWM peak) of the server process.'],
          tables: [memory],
        },
        discoverySection(discovery),
        { title: 'Domain code (tinybench, in process)', tables: [micro] },
      ]),
  );
  console.log(`\nReport: ${path.relative(process.cwd(), file)}`);
}

main().catch(fail);
