import { Bench } from 'tinybench';
import { featureScoringCases } from './features.js';
import { lifecycleCases } from './lifecycle.js';
import { scoringCases } from './scoring.js';
import { strategyCases } from './strategy.js';
import type { MicroCase } from './types.js';

export interface MicroResult {
  name: string;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  samples: number;
  targetMs: number | undefined;
}

/** Every micro-benchmark, area by area. Add an area in one line. */
function allMicroCases(): MicroCase[] {
  return [...lifecycleCases(), ...scoringCases(), ...featureScoringCases(), ...strategyCases()];
}

export async function runMicro(quick: boolean): Promise<MicroResult[]> {
  const cases = allMicroCases();
  const bench = new Bench({ time: quick ? 300 : 2000, iterations: quick ? 3 : 10, warmupTime: 100, warmupIterations: quick ? 1 : 2 });
  for (const c of cases) bench.add(c.name, c.fn);
  await bench.run();
  return cases.map((c) => {
    const result = bench.getTask(c.name)?.result;
    if (!result || !('latency' in result)) throw new Error(`Micro-benchmark "${c.name}" did not complete: ${JSON.stringify(result)}`);
    return {
      name: c.name,
      meanMs: result.latency.mean,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      samples: result.latency.samplesCount,
      targetMs: c.targetMs,
    };
  });
}
