/**
 * Measures similarity methods on a labelled sample, so the default is chosen by numbers and
 * regressions show up in tests.
 *
 * - precision@k: every snippet is a query against all the others; of its top k results, the
 *   share in the same group, dividing by min(k, number of other snippets in the group) so a
 *   group of 3 can still reach 1 at k = 3. Missing results count as misses. Averaged.
 * - duplicate detection: every unordered pair is a case, positive when both are in the same
 *   group; predicted positive when its score ≥ threshold. An index method's pair score is the
 *   larger of the two directions. We report precision/recall at a given threshold and at the
 *   threshold (0.05 steps) with the best F1, plus recall on the near-verbatim copies.
 */

import { type PairMeasure, termSimilarity } from './duplicate.js';
import type { LabelledFeedback } from './fixtures/labelled-feedback.js';
import { SimilarityIndex, type SimilarityIndexOptions, type SimilarityMethod } from './similarity.js';
import { analyze } from './text.js';

export interface DuplicateFigures {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  /** Recall on pairs marked as near-verbatim copies. */
  copyRecall: number;
}

export interface MethodEvaluation {
  name: string;
  precisionAt1: number;
  /** Standard error of precision@1, √(p(1−p)/queries): differences below it are noise. */
  precisionAt1Error: number;
  precisionAt3: number;
  queries: number;
  atThreshold: DuplicateFigures | null;
  bestF1: DuplicateFigures;
}

type PairScores = Map<string, number>;
const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function precisionAtK(
  sample: readonly LabelledFeedback[],
  ranked: (item: LabelledFeedback) => string[],
  k: number,
): { value: number; queries: number } {
  const groupOf = new Map(sample.map((s) => [s.id, s.group]));
  const sizes = new Map<string, number>();
  for (const s of sample) sizes.set(s.group, (sizes.get(s.group) ?? 0) + 1);
  let sum = 0;
  let queries = 0;
  for (const item of sample) {
    const relevant = sizes.get(item.group)! - 1;
    if (relevant === 0) continue;
    const top = ranked(item).slice(0, k);
    sum += top.filter((id) => groupOf.get(id) === item.group).length / Math.min(k, relevant);
    queries += 1;
  }
  return { value: queries === 0 ? 0 : sum / queries, queries };
}

const standardError = (p: number, n: number) => (n === 0 ? 0 : Math.sqrt((p * (1 - p)) / n));

function duplicateFigures(sample: readonly LabelledFeedback[], scores: PairScores, threshold: number): DuplicateFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let copies = 0;
  let copiesFound = 0;
  for (let i = 0; i < sample.length; i += 1) {
    for (let j = i + 1; j < sample.length; j += 1) {
      const a = sample[i]!;
      const b = sample[j]!;
      const predicted = (scores.get(pairKey(a.id, b.id)) ?? 0) >= threshold;
      const same = a.group === b.group;
      if (predicted && same) tp += 1;
      else if (predicted) fp += 1;
      else if (same) fn += 1;
      if (a.duplicateOf === b.id || b.duplicateOf === a.id) {
        copies += 1;
        if (predicted) copiesFound += 1;
      }
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { threshold, precision, recall, f1, copyRecall: copies === 0 ? 1 : copiesFound / copies };
}

function bestF1(sample: readonly LabelledFeedback[], scores: PairScores): DuplicateFigures {
  let best = duplicateFigures(sample, scores, 1);
  for (let t = 0.05; t < 1; t += 0.05) {
    const figures = duplicateFigures(sample, scores, Math.round(t * 100) / 100);
    if (figures.f1 > best.f1) best = figures;
  }
  return best;
}

/** Evaluates one index configuration: ranking (precision@1, @3) and duplicate detection. */
export function evaluateIndex(
  sample: readonly LabelledFeedback[],
  name: string,
  options: SimilarityIndexOptions,
  threshold?: number,
): MethodEvaluation {
  const index = SimilarityIndex.fromRows(sample, options);
  const results = new Map(sample.map((s) => [s.id, index.similar({ id: s.id }, { limit: sample.length })]));
  const ranked = (item: LabelledFeedback) => results.get(item.id)!.map((h) => h.id);
  const scores: PairScores = new Map();
  for (const [id, hits] of results) {
    for (const h of hits) {
      const key = pairKey(id, h.id);
      scores.set(key, Math.max(scores.get(key) ?? 0, h.score));
    }
  }
  const p1 = precisionAtK(sample, ranked, 1);
  return {
    name,
    precisionAt1: p1.value,
    precisionAt1Error: standardError(p1.value, p1.queries),
    precisionAt3: precisionAtK(sample, ranked, 3).value,
    queries: p1.queries,
    atThreshold: threshold === undefined ? null : duplicateFigures(sample, scores, threshold),
    bestF1: bestF1(sample, scores),
  };
}

/** Evaluates a corpus-free pairwise measure (the candidates for `isLikelyDuplicate`). */
export function evaluatePairMeasure(sample: readonly LabelledFeedback[], measure: PairMeasure, threshold?: number): MethodEvaluation {
  const terms = new Map(sample.map((s) => [s.id, analyze(s.text).terms]));
  const scores: PairScores = new Map();
  for (let i = 0; i < sample.length; i += 1) {
    for (let j = i + 1; j < sample.length; j += 1) {
      const a = sample[i]!;
      const b = sample[j]!;
      scores.set(pairKey(a.id, b.id), termSimilarity(terms.get(a.id)!, terms.get(b.id)!, measure));
    }
  }
  const ranked = (item: LabelledFeedback) =>
    sample
      .filter((s) => s.id !== item.id)
      .map((s) => ({ id: s.id, score: scores.get(pairKey(item.id, s.id)) ?? 0 }))
      .filter((h) => h.score > 0)
      .sort((x, y) => y.score - x.score)
      .map((h) => h.id);
  const p1 = precisionAtK(sample, ranked, 1);
  return {
    name: `pair:${measure}`,
    precisionAt1: p1.value,
    precisionAt1Error: standardError(p1.value, p1.queries),
    precisionAt3: precisionAtK(sample, ranked, 3).value,
    queries: p1.queries,
    atThreshold: threshold === undefined ? null : duplicateFigures(sample, scores, threshold),
    bestF1: bestF1(sample, scores),
  };
}

/** The index configurations compared in README.md. */
export const INDEX_CANDIDATES: { name: string; method: SimilarityMethod; options: SimilarityIndexOptions }[] = [
  { name: 'tfidf', method: 'tfidf', options: { method: 'tfidf' } },
  { name: 'bm25', method: 'bm25', options: { method: 'bm25' } },
  {
    name: 'minhash(1-gram,32x2)',
    method: 'minhash',
    options: { method: 'minhash', minhash: { shingleSize: 1, numHashes: 64, bands: 32 } },
  },
  {
    name: 'minhash(2-gram,32x2)',
    method: 'minhash',
    options: { method: 'minhash', minhash: { shingleSize: 2, numHashes: 64, bands: 32 } },
  },
];

const pct = (v: number) => `${(v * 100).toFixed(1).padStart(5)}`;

/** A fixed-width table of evaluations, for test output and README.md. */
export function formatEvaluations(rows: readonly MethodEvaluation[]): string {
  const header = 'method                  P@1 (±SE)     P@3  | best-F1 thr   P      R     F1   copies | at thr   P      R    copies';
  const lines = rows.map((r) => {
    const b = r.bestF1;
    const t = r.atThreshold;
    const at = t ? `${t.threshold.toFixed(2)} ${pct(t.precision)}  ${pct(t.recall)}  ${pct(t.copyRecall)}` : '';
    const p1 = `${pct(r.precisionAt1)} (±${(r.precisionAt1Error * 100).toFixed(1)})`;
    return `${r.name.padEnd(22)} ${p1}  ${pct(r.precisionAt3)} |     ${b.threshold.toFixed(2)} ${pct(b.precision)}  ${pct(b.recall)}  ${pct(b.f1)}  ${pct(b.copyRecall)} | ${at}`;
  });
  return [header, ...lines].join('\n');
}
