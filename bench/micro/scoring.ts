import {
  computeIce,
  computeRice,
  computeWsjf,
  FIBONACCI_SCALE,
  rankBy,
  scoreWithConfig,
  validateCustomConfig,
} from '../../src/domain/scoring/index.js';
import type { MicroCase } from './types.js';

const COUNT = 100_000;
const TARGET_MS = 200;

interface Feature {
  id: string;
  title: string;
  reach: number;
  impact: number;
  confidence: number;
  effort: number;
  ease: number;
  businessValue: number;
  timeCriticality: number;
  riskReduction: number;
  jobSize: number;
  insights: number;
  customers: number;
  revenue: number;
  iceScore: number;
}

function features(): Feature[] {
  const impacts = [3, 2, 1, 0.5, 0.25];
  const fib = (k: number) => FIBONACCI_SCALE[k % FIBONACCI_SCALE.length]!;
  return Array.from({ length: COUNT }, (_, k) => ({
    id: `f-${String(k).padStart(6, '0')}`,
    title: `Feature ${(k * 7919) % COUNT}`,
    reach: (k * 37) % 5000,
    impact: impacts[k % impacts.length]!,
    confidence: [1, 0.8, 0.5][k % 3]!,
    effort: 0.5 + (k % 12),
    ease: 1 + (k % 10),
    businessValue: fib(k),
    timeCriticality: fib(k + 3),
    riskReduction: fib(k + 5),
    jobSize: fib(k + 1),
    insights: k % 40,
    customers: k % 17,
    revenue: (k * 131) % 100_000,
    iceScore: (1 + (k % 10)) * (1 + ((k * 3) % 10)) * (1 + ((k * 7) % 10)),
  }));
}

/** Scores every feature, then ranks them (ties by title, then id) — what a ranked list does on each change. */
function scoreAndRank(list: Feature[], score: (f: Feature) => number | null) {
  return rankBy(list, { score, secondary: (f) => [f.title, f.id] });
}

const value = (r: { ok: boolean; value?: number }) => (r.ok ? (r.value ?? null) : null);

export function scoringCases(): MicroCase[] {
  const list = features();
  const custom = validateCustomConfig({
    drivers: [
      { name: 'value', min: 1, max: 10, weight: 2 },
      { name: 'urgency', min: 1, max: 10, weight: 1 },
      { name: 'effort', min: 0.5, max: 20, weight: 1 },
    ],
    formula: '(2 * value + urgency) / max(effort, 1) + round(customers / 10, 1)',
  });
  if (!custom.ok) throw new Error(`Benchmark formula is invalid: ${JSON.stringify(custom.errors)}`);
  const config = custom.config;
  return [
    { name: 'RICE: score + rank 100k', targetMs: TARGET_MS, fn: () => scoreAndRank(list, (f) => value(computeRice(f))) },
    { name: 'ICE: score + rank 100k', targetMs: TARGET_MS, fn: () => scoreAndRank(list, (f) => value(computeIce(f))) },
    { name: 'WSJF: score + rank 100k', targetMs: TARGET_MS, fn: () => scoreAndRank(list, (f) => value(computeWsjf(f))) },
    // Ranking alone, on pre-computed ICE scores (many ties, so the title/id tie-break does real work).
    { name: 'rank only: 100k tied ICE scores', fn: () => scoreAndRank(list, (f) => f.iceScore) },
    {
      name: 'custom formula: score + rank 100k',
      targetMs: TARGET_MS,
      fn: () =>
        scoreAndRank(list, (f) =>
          value(scoreWithConfig(config, { value: f.ease, urgency: 1 + (f.reach % 10), effort: f.effort, customers: f.customers })),
        ),
    },
  ];
}
