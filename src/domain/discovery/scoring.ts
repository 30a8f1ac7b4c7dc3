/**
 * Ranking functions over the inverted index: BM25 and TF-IDF cosine. Both walk only the
 * posting lists of the query's terms into a reusable accumulator, then keep the top k with a
 * small heap, so a lookup costs O(postings touched + touched · log k), not O(documents).
 *
 * Scores are normalised to [0, 1] so one `minScore` means the same for every query:
 *   - BM25: raw score ÷ the score the query would get against itself as a document (1 for an
 *     identical text, capped at 1). Asymmetric: a long text containing the whole query also
 *     scores near 1.
 *   - TF-IDF: cosine of (1 + ln tf) · idf vectors, idf = ln((N + 1) / (df + 1)) + 1.
 */

import type { InvertedIndex } from './inverted-index.js';

export interface Bm25Params {
  /** Term-frequency saturation (default 1.2). */
  k1: number;
  /** Length normalisation, 0 = none, 1 = full (default 0.75). */
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** A query as term ids with their frequency; terms unknown to the index still count in its norm. */
export interface Query {
  termIds: number[];
  tfs: number[];
  /** Frequencies of the query's terms that no document holds. */
  unknownTfs: number[];
  length: number;
}

/** Builds a query from analysed terms, without interning new terms. */
export function queryOf(index: InvertedIndex, terms: readonly string[]): Query {
  const known = new Map<number, number>();
  const unknown = new Map<string, number>();
  for (const term of terms) {
    const id = index.termId(term);
    if (id >= 0 && index.docFreq(id) > 0) known.set(id, (known.get(id) ?? 0) + 1);
    else unknown.set(term, (unknown.get(term) ?? 0) + 1);
  }
  return { termIds: [...known.keys()], tfs: [...known.values()], unknownTfs: [...unknown.values()], length: terms.length };
}

/** Scores per slot, reused across queries; only touched slots are reset. */
export class Accumulator {
  scores = new Float64Array(0);
  touched = new Int32Array(0);
  count = 0;

  prepare(capacity: number): void {
    if (this.scores.length < capacity) {
      const size = Math.max(capacity, this.scores.length * 2, 1024);
      this.scores = new Float64Array(size);
      this.touched = new Int32Array(size);
    }
    for (let i = 0; i < this.count; i += 1) this.scores[this.touched[i]!] = 0;
    this.count = 0;
  }

  add(slot: number, value: number): void {
    if (this.scores[slot] === 0) this.touched[this.count++] = slot;
    this.scores[slot]! += value;
  }
}

const bm25Idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** Accumulates raw BM25 scores and returns the query's self-score (the normaliser). */
export function bm25(index: InvertedIndex, query: Query, acc: Accumulator, params: Bm25Params = DEFAULT_BM25): number {
  const { k1, b } = params;
  const n = index.size;
  const avg = index.averageLength || 1;
  const lengths = index.lengths;
  const selfNorm = k1 * (1 - b + (b * query.length) / avg);
  let self = 0;
  for (let q = 0; q < query.termIds.length; q += 1) {
    const posting = index.postings[query.termIds[q]!]!;
    const qtf = query.tfs[q]!;
    const idf = bm25Idf(n, posting.slots.length);
    self += (qtf * idf * (qtf * (k1 + 1))) / (qtf + selfNorm);
    const weight = qtf * idf * (k1 + 1);
    const { slots, tfs } = posting;
    for (let i = 0; i < slots.length; i += 1) {
      const slot = slots[i]!;
      const tf = tfs[i]!;
      acc.add(slot, (weight * tf) / (tf + k1 * (1 - b + (b * lengths[slot]!) / avg)));
    }
  }
  for (const qtf of query.unknownTfs) self += (qtf * bm25Idf(n, 0) * (qtf * (k1 + 1))) / (qtf + selfNorm);
  return self;
}

/** Smoothed IDF (as scikit-learn's): never 0, so a term every document holds still counts a little. */
export const tfidfIdf = (n: number, df: number) => Math.log((n + 1) / (df + 1)) + 1;

/** 1 + ln(tf) for the small term frequencies short texts have, to keep logs out of the hot loop. */
const TF_WEIGHT = Float64Array.from({ length: 256 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));
const tfWeight = (tf: number) => (tf < 256 ? TF_WEIGHT[tf]! : 1 + Math.log(tf));

/** Accumulates TF-IDF dot products and returns the query vector's norm. */
export function tfidf(index: InvertedIndex, query: Query, acc: Accumulator): number {
  const n = index.size;
  let norm2 = 0;
  for (let q = 0; q < query.termIds.length; q += 1) {
    const posting = index.postings[query.termIds[q]!]!;
    const idf = tfidfIdf(n, posting.slots.length);
    const wq = tfWeight(query.tfs[q]!) * idf;
    norm2 += wq * wq;
    const { slots, tfs } = posting;
    const w = wq * idf;
    for (let i = 0; i < slots.length; i += 1) acc.add(slots[i]!, w * tfWeight(tfs[i]!));
  }
  for (const qtf of query.unknownTfs) norm2 += (tfWeight(qtf) * tfidfIdf(n, 0)) ** 2;
  return Math.sqrt(norm2);
}

/** TF-IDF norm of one stored document under the current document frequencies. */
export function tfidfNorm(index: InvertedIndex, slot: number, idfs?: Float64Array): number {
  const unique = index.uniqueTerms[slot];
  const freqs = index.termFreqs[slot];
  if (!unique || !freqs) return 0;
  const n = index.size;
  let sum = 0;
  for (let i = 0; i < unique.length; i += 1) {
    const t = unique[i]!;
    const w = tfWeight(freqs[i]!) * (idfs ? idfs[t]! : tfidfIdf(n, index.docFreq(t)));
    sum += w * w;
  }
  return Math.sqrt(sum);
}

export interface Hit {
  slot: number;
  score: number;
}

/**
 * The k best touched slots by `final(raw, slot)`, best first (ties: lower slot first), skipping
 * scores under `minScore` and slots `keep` rejects. A binary min-heap of size k.
 */
export function topK(
  acc: Accumulator,
  k: number,
  minScore: number,
  final: (raw: number, slot: number) => number,
  keep: (slot: number) => boolean,
): Hit[] {
  const heap: Hit[] = [];
  const worse = (a: Hit, b: Hit) => a.score < b.score || (a.score === b.score && a.slot > b.slot);
  for (let i = 0; i < acc.count; i += 1) {
    const slot = acc.touched[i]!;
    const score = final(acc.scores[slot]!, slot);
    if (!(score >= minScore) || score <= 0) continue;
    const hit = { slot, score };
    if (heap.length === k && !worse(heap[0]!, hit)) continue;
    if (!keep(slot)) continue;
    if (heap.length < k) {
      heap.push(hit);
      let c = heap.length - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(heap[c]!, heap[p]!)) break;
        [heap[c], heap[p]] = [heap[p]!, heap[c]!];
        c = p;
      }
    } else {
      heap[0] = hit;
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
        if (m === p) break;
        [heap[m], heap[p]] = [heap[p]!, heap[m]!];
        p = m;
      }
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
