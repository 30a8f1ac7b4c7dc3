import {
  DEFAULT_SCORING_SETTINGS,
  type FeatureScoreInputs,
  type FeatureScores,
  FIBONACCI_SCALE,
  frameworkValue,
  parseScoreInputs,
  rankBy,
  type ScoringSettings,
  scoreFeature,
} from '../../src/domain/scoring/index.js';
import type { MicroCase } from './types.js';

const COUNT = 100_000;
const TARGET_MS = 200;

interface Stored {
  id: string;
  title: string;
  /** Score inputs as the server stores them (JSON text). */
  scores: string;
  evidence: { insights: number; customers: number; revenue: number };
}

function stored(): Stored[] {
  const impacts = [3, 2, 1, 0.5, 0.25];
  const fib = (k: number) => FIBONACCI_SCALE[k % FIBONACCI_SCALE.length]!;
  return Array.from({ length: COUNT }, (_, k) => ({
    id: `f-${String(k).padStart(6, '0')}`,
    title: `Feature ${(k * 7919) % COUNT}`,
    scores: JSON.stringify({
      rice: { reach: (k * 37) % 5000, impact: impacts[k % 5], confidence: [1, 0.8, 0.5][k % 3], effort: 0.5 + (k % 12) },
      ice: { impact: 1 + (k % 10), confidence: 1 + ((k * 3) % 10), ease: 1 + ((k * 7) % 10) },
      wsjf: { businessValue: fib(k), timeCriticality: fib(k + 3), riskReduction: fib(k + 5), jobSize: fib(k + 1) },
      custom: { values: { fit: k % 6, urgency: (k * 7) % 11 } },
    }),
    evidence: { insights: k % 40, customers: k % 17, revenue: (k * 131) % 100_000 },
  }));
}

const custom: ScoringSettings = {
  ...DEFAULT_SCORING_SETTINGS,
  custom: {
    drivers: [
      { name: 'fit', min: 0, max: 5, weight: 2 },
      { name: 'urgency', min: 0, max: 10, weight: 1 },
    ],
    formula: 'fit * 2 + urgency + min(customers, 10) + revenue / 10000',
  },
};

/**
 * Ranking 100k features by one framework from their inputs, highest first, unscored last,
 * ties by title then id: each feature's number comes from frameworkValue (the shared
 * scoring, equal to what scoreFeature shows), then rankBy orders them.
 */
function rank(list: Stored[], inputs: FeatureScoreInputs[], settings: ScoringSettings, framework: 'rice' | 'custom') {
  const values = new Array<number | null>(list.length);
  for (let i = 0; i < list.length; i += 1) values[i] = frameworkValue(framework, inputs[i]!, list[i]!.evidence, settings);
  const indexes = Array.from({ length: list.length }, (_, i) => i);
  return rankBy(indexes, { score: (i) => values[i], secondary: (i) => [list[i]!.title, list[i]!.id] });
}

/**
 * What the server does for a whole workspace when the rules change (refreshFeatureScores):
 * read each feature's stored JSON and compute every framework's full scores.
 */
function rescoreAll(list: Stored[], settings: ScoringSettings): FeatureScores[] {
  return list.map((f) => scoreFeature(parseScoreInputs(f.scores), f.evidence, settings));
}

export function featureScoringCases(): MicroCase[] {
  const list = stored();
  const inputs = list.map((f) => parseScoreInputs(f.scores));
  return [
    {
      name: 'features: rank 100k by RICE from their inputs',
      fn: () => rank(list, inputs, DEFAULT_SCORING_SETTINGS, 'rice'),
      targetMs: TARGET_MS,
    },
    {
      name: 'features: rank 100k by a custom formula reading evidence',
      fn: () => rank(list, inputs, custom, 'custom'),
      targetMs: TARGET_MS,
    },
    {
      name: 'features: full scores of 100k from stored JSON (a rules change)',
      fn: () => rescoreAll(list, custom),
    },
  ];
}
