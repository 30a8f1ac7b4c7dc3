import type { BenchContext } from './types.js';

/** One measured run: how many connections keep a request in flight, for how long. */
export interface Phase {
  connections: number;
  seconds: number;
}

/** What the parent asks the load process to do. */
export interface LoadJob {
  caseName: string;
  ctx: BenchContext;
  /** Where to send the load: Cairn or the limit server. */
  baseUrl: string;
  token: string;
  /** Unmeasured run first, so the server's JIT and caches are warm (uses the first phase's connections). */
  warmupSeconds: number;
  phases: Phase[];
}

/** One answer seen during the run, kept so the limit server can replay the same bytes. */
export interface Sample {
  status: number;
  contentType: string;
  body: string;
}

export interface PhaseResult extends Phase {
  /** Answers with a 2xx status. */
  ok: number;
  /** Everything else, by status. */
  failed: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  /** 2xx answers per second. */
  rps: number;
  /** Latencies of 2xx answers, in ms. */
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  phases: PhaseResult[];
  /** The first 2xx answer, or null when there was none. */
  sample: Sample | null;
}

export type LoadMessage = { result: LoadResult } | { error: string };
