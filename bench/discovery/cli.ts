import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { requireBuild } from '../lib/cairn-process.js';
import { UsageError } from '../lib/cli.js';
import { textTable } from '../lib/table.js';
import { renderSections, reportHeader, writeReport } from '../report/markdown.js';
import { discoverySection, runDiscoveryBench } from './run.js';

/**
 * The discovery benchmark alone: `npx tsx bench/discovery/cli.ts [--pg] [--sizes 100000,1000000] [--seconds 5] [--seed direct|api]`.
 * `npm run bench` runs it too, after the product cases; this is for sizes too slow for every run.
 */
const { values } = parseArgs({
  options: {
    pg: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '5' },
    seed: { type: 'string', default: 'direct' },
  },
});

async function main() {
  requireBuild();
  const dialect = values.pg ? 'postgres' : 'sqlite';
  const sizes = (values.sizes ?? '').split(',').map(Number);
  const seconds = Number(values.seconds);
  const loadBefore = os.loadavg();
  if (values.seed !== 'direct' && values.seed !== 'api') throw new UsageError('--seed is direct or api');
  const report = await runDiscoveryBench({
    dialect,
    sizes,
    seconds,
    warmupSeconds: 1,
    seed: values.seed,
    log: (line) => console.log(line),
  });
  console.log(`\n${textTable(report.imports.headers, report.imports.rows, report.imports.align)}`);
  console.log(`\n${textTable(report.latency.headers, report.latency.rows, report.latency.align)}`);
  const file = writeReport(
    `discovery-${dialect}.md`,
    reportHeader(
      `Cairn discovery benchmark — ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
      `insights ${sizes.map((s) => s.toLocaleString('en-US')).join(' / ')}; per case: 1 s warm-up, ${seconds} s with 1 connection`,
      loadBefore,
    ) + renderSections([discoverySection(report)]),
  );
  console.log(`\nReport: ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
