import { parseArgs } from 'node:util';
import { fail, UsageError } from '../lib/cli.js';
import { describeMachine, machine } from '../lib/machine.js';
import { runCrashTest } from './crash.js';

/**
 * npm run test:crash [-- --rounds N] [-- --pg] [-- --dist]
 * Kills the server with SIGKILL under write load, N times, and checks nothing acknowledged was lost.
 */
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    pg: { type: 'boolean', default: false },
    dist: { type: 'boolean', default: false },
  },
});

async function main() {
  const dialect = values.pg ? 'postgres' : 'sqlite';
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1_000) throw new UsageError('--rounds must be a whole number from 1 to 1000');
  console.log(
    `Crash test on ${dialect}, ${rounds} rounds, server from ${values.dist ? 'dist/' : 'the sources'} — ${describeMachine(machine())}`,
  );
  const report = await runCrashTest({
    dialect,
    rounds,
    fromSource: !values.dist,
    restartPostgres: dialect === 'postgres',
    log: (line) => console.log(line),
  });
  const acked = report.rounds.reduce((sum, r) => sum + r.stats.createsAcked + r.stats.updatesAcked, 0);
  if (report.problems.length > 0) {
    console.error(`\nFAIL: ${report.problems.length} problems\n${report.problems.slice(0, 50).join('\n')}`);
    process.exit(1);
  }
  const restart = report.postgresRestart ? ' Cairn carried on through a PostgreSQL restart.' : '';
  console.log(
    `\nPASS: ${rounds} kill${rounds === 1 ? '' : 's'}, ${acked.toLocaleString('en-US')} acknowledged writes, none lost; database sound after every kill.${restart}`,
  );
}

main().catch(fail);
