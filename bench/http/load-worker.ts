import autocannon from 'autocannon';
import { findCase } from '../cases/index.js';
import type { LoadJob, LoadMessage, LoadResult, Phase, PhaseResult, Sample } from './load-protocol.js';

/**
 * The load process: runs autocannon for one case at a time and reports back over IPC. It runs
 * apart from the server and from the orchestrator so neither competes with it for an event loop.
 * Latencies come from autocannon's per-response hrtime timings, not its histogram, which
 * truncates to whole milliseconds.
 */

/** autocannon's per-connection context: which request of the run is in flight on it. */
interface Slot {
  i: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function runPhase(job: LoadJob, phase: Phase, keep: (sample: Sample) => void): Promise<PhaseResult> {
  const c = findCase(job.caseName);
  const latencies: number[] = [];
  const failed: Record<string, number> = {};
  let next = 0;
  // Without a callback autocannon returns its tracker made thenable: events and a promise in one.
  const instance = autocannon({
    url: new URL(job.baseUrl).origin,
    connections: phase.connections,
    duration: phase.seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (req, context) => {
          const i = next++;
          (context as Slot).i = i;
          const body = c.body?.(job.ctx, i);
          return {
            ...req,
            method: c.method,
            path: c.path(job.ctx, i),
            headers: {
              authorization: `Bearer ${job.token}`,
              ...(body !== undefined && { 'content-type': 'application/json' }),
              ...c.headers?.(job.ctx, i),
            },
            ...(body !== undefined && { body: JSON.stringify(body) }),
          };
        },
        onResponse: (status, body, context, headers) => {
          c.onResponse?.(job.ctx, (context as Slot).i, status, body);
          if (status >= 200 && status < 300) keep({ status, contentType: String(headers?.['content-type'] ?? 'application/json'), body });
        },
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else failed[status] = (failed[status] ?? 0) + 1;
  });
  const result = await instance;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    ...phase,
    ok: sorted.length,
    failed,
    errors: result.errors + result.timeouts,
    rps: sorted.length / result.duration,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

async function runJob(job: LoadJob): Promise<LoadResult> {
  let sample: Sample | null = null;
  const keep = (s: Sample) => {
    sample ??= s;
  };
  const first = job.phases[0];
  if (first && job.warmupSeconds > 0) await runPhase(job, { connections: first.connections, seconds: job.warmupSeconds }, keep);
  const phases: PhaseResult[] = [];
  for (const phase of job.phases) phases.push(await runPhase(job, phase, keep));
  return { phases, sample };
}

process.on('message', (job: LoadJob) => {
  runJob(job).then(
    (result) => process.send?.({ result } satisfies LoadMessage),
    (error: unknown) =>
      process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies LoadMessage),
  );
});
