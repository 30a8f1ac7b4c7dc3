import { describe, expect, it } from 'vitest';
import { runCrashTest } from './crash.js';

// Short version of `npm run test:crash`: real server processes killed with SIGKILL under load.
describe('crash safety', () => {
  it('keeps every acknowledged write through 3 kills on SQLite, and the file stays sound', async () => {
    const report = await runCrashTest({ dialect: 'sqlite', rounds: 3, fromSource: true });
    expect(report.problems).toEqual([]);
    expect(report.rounds.every((r) => r.stats.createsAcked + r.stats.updatesAcked > 0)).toBe(true);
  }, 60_000);

  it('keeps every acknowledged write through a kill on PostgreSQL', async () => {
    const report = await runCrashTest({ dialect: 'postgres', rounds: 1, fromSource: true });
    expect(report.problems).toEqual([]);
  }, 60_000);

  // A pooled client checked out while PostgreSQL restarts must not take Cairn down.
  it('carries on when PostgreSQL restarts under load', async () => {
    const report = await runCrashTest({ dialect: 'postgres', rounds: 0, fromSource: true, restartPostgres: true });
    expect(report.problems).toEqual([]);
  }, 60_000);
});
