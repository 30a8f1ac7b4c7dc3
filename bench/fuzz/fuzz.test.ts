import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../src/server/testing/harness.js';
import { type FuzzReport, runFuzz } from './fuzz.js';
import { knownIssueOf } from './known-issues.js';
import { databaseProbe } from './probe.js';
import { injectTarget } from './target.js';

// Short, in-process version of `npm run test:fuzz`.
const describeFindings = (report: FuzzReport) =>
  report.findings
    .filter((f) => !knownIssueOf(f))
    .map((f) => `${f.kind} in ${f.op} (${f.count}×): ${f.message}\n${f.request}\n→ ${f.response}`);

describe('hostile input', () => {
  it('answers 1,000 generated requests without a 5xx, a leak or a write by a rejected request', async () => {
    const t = await startTestApp('sqlite');
    try {
      const report = await runFuzz({
        target: injectTarget(t.app),
        probe: await databaseProbe(t.db),
        requests: 1_000,
        seed: 20_261_122,
        maxSeconds: 45,
      });
      // Known, reported server bugs are tolerated here (see known-issues.ts); anything new fails.
      expect(describeFindings(report)).toEqual([]);
      expect(report.sent).toBe(1_000);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('answers 500 generated requests on PostgreSQL the same way', async () => {
    const t = await startTestApp('postgres');
    try {
      const report = await runFuzz({
        target: injectTarget(t.app),
        probe: await databaseProbe(t.db),
        requests: 500,
        seed: 20_261_123,
        maxSeconds: 45,
      });
      expect(describeFindings(report)).toEqual([]);
      expect(report.sent).toBe(500);
    } finally {
      await t.close();
    }
  }, 60_000);
});
