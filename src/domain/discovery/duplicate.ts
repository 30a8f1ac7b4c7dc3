/**
 * Pairwise, corpus-free duplicate checks: two texts in, a verdict out, no index needed (e.g.
 * when a portal submission arrives and the server already holds the candidate's text).
 * The measure and threshold were chosen on the labelled sample; see README.md.
 */

import { estimateJaccard, jaccard, minhashSignature } from './minhash.js';
import { analyze, shingles } from './text.js';

export const PAIR_MEASURES = ['cosine', 'dice', 'jaccard', 'overlap', 'shingles'] as const;
export type PairMeasure = (typeof PAIR_MEASURES)[number];

/** The measure `isLikelyDuplicate` uses. */
export const DUPLICATE_MEASURE: PairMeasure = 'cosine';
/**
 * Score at or above which two texts are "likely the same need": the lowest 0.05 step with
 * 100% precision on the labelled sample (recall of near-verbatim copies 100%; of paraphrases
 * of the same need only ~4%, which is what a merge suggestion should be). See README.md.
 */
export const DUPLICATE_THRESHOLD = 0.55;

function counts(terms: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Cosine of raw term-frequency vectors. */
function cosine(a: readonly string[], b: readonly string[]): number {
  const ca = counts(a);
  const cb = counts(b);
  let dot = 0;
  for (const [t, n] of ca) dot += n * (cb.get(t) ?? 0);
  if (dot === 0) return 0;
  let na = 0;
  let nb = 0;
  for (const n of ca.values()) na += n * n;
  for (const n of cb.values()) nb += n * n;
  return dot / Math.sqrt(na * nb);
}

function setOverlap(a: readonly string[], b: readonly string[]): { inter: number; sa: number; sb: number } {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter += 1;
  return { inter, sa: sa.size, sb: sb.size };
}

/**
 * Similarity in [0, 1] of two analysed term lists under a measure: 'cosine' (term
 * frequencies), 'dice' and 'jaccard' (term sets), 'overlap' (shared terms ÷ the smaller
 * set: high when one text contains the other), 'shingles' (Jaccard of unigram + bigram
 * shingles, estimated with MinHash as an index would).
 */
export function termSimilarity(a: readonly string[], b: readonly string[], measure: PairMeasure = DUPLICATE_MEASURE): number {
  if (a.length === 0 || b.length === 0) return 0;
  switch (measure) {
    case 'cosine':
      return cosine(a, b);
    case 'jaccard':
      return jaccard(a, b);
    case 'dice': {
      const { inter, sa, sb } = setOverlap(a, b);
      return (2 * inter) / (sa + sb);
    }
    case 'overlap': {
      const { inter, sa, sb } = setOverlap(a, b);
      return inter / Math.min(sa, sb);
    }
    case 'shingles': {
      const sig = (t: readonly string[]) => minhashSignature(new Set([...t, ...shingles(t, 2)]), 128);
      return estimateJaccard(sig(a), sig(b));
    }
  }
}

/** Similarity of two texts (analysed with the shared tokenizer and stemmer). */
export function duplicateScore(a: string, b: string, measure: PairMeasure = DUPLICATE_MEASURE): number {
  return termSimilarity(analyze(a).terms, analyze(b).terms, measure);
}

/**
 * Whether two feedback texts likely express the same need, to suggest a merge (never to
 * merge on its own): `duplicateScore(a, b) >= DUPLICATE_THRESHOLD`.
 */
export function isLikelyDuplicate(a: string, b: string, threshold = DUPLICATE_THRESHOLD): boolean {
  return duplicateScore(a, b) >= threshold;
}
