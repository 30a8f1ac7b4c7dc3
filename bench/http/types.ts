import type { Dialect } from '../../src/server/db/connection.js';

/** What a case knows about the seeded data; plain JSON, because it crosses into the load process. */
export interface BenchContext {
  dialect: Dialect;
  /** Products in the workspace when the case starts. */
  size: number;
  /** Workspace slug of the measured collection. */
  workspace: string;
  /** Workspace for cases that add rows, so the measured collection keeps its size. */
  scratchWorkspace: string;
  /** A sample of product ids in the workspace (write cases use them). */
  productIds: string[];
  /** Current versions of the sampled products and key results, by id. */
  versions: Record<string, number>;
  /** A sample of objective ids, and key results as objective/key result pairs (strategy cases). */
  objectiveIds: string[];
  keyResults: { objectiveId: string; id: string }[];
  /** A sample of insight ids (discovery cases only). */
  insightIds?: string[];
}

export interface Target {
  /** 99th-percentile latency must stay below this. */
  p99Ms?: number;
  /** Requests/s must be at least this share of the limit (bare Fastify serving the same bytes). */
  minRatio?: number;
  /** Only judge the target on this database (e.g. write latency is promised on SQLite). */
  dialect?: Dialect;
}

/**
 * One HTTP benchmark. `i` counts requests within a run, so a case can vary what it sends.
 * The functions run inside the load process: keep them pure apart from `ctx`.
 */
export interface HttpCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path(ctx: BenchContext, i: number): string;
  body?(ctx: BenchContext, i: number): unknown;
  headers?(ctx: BenchContext, i: number): Record<string, string>;
  /** Sees every answer; write cases learn the version they just produced. */
  onResponse?(ctx: BenchContext, i: number, status: number, body: string): void;
  target: Target;
}
