/** One in-process micro-benchmark of pure domain code. */
export interface MicroCase {
  name: string;
  fn: () => unknown;
  /** The 99th-percentile time of one call must stay below this. */
  targetMs?: number;
}
