/**
 * An incremental, in-memory similar-text index for insights (and feature titles): the server
 * keeps one per workspace, feeds it on create/update/delete, and asks "what is this like?".
 *
 * One inverted index serves BM25 and TF-IDF cosine; MinHash signatures with LSH buckets are
 * kept too when enabled (they cost ~1 KB per document). Measured on the hand-labelled sample
 * (see README.md), TF-IDF cosine ranks best, so it is the default method.
 */

import { InvertedIndex } from './inverted-index.js';
import { DEFAULT_MINHASH, estimateJaccard, LshIndex, type MinHashParams, minhashSignature } from './minhash.js';
import { Accumulator, type Bm25Params, bm25, DEFAULT_BM25, type Query, queryOf, tfidf, tfidfIdf, tfidfNorm, topK } from './scoring.js';
import { analyze, shingles } from './text.js';

export const SIMILARITY_METHODS = ['tfidf', 'bm25', 'minhash'] as const;
export type SimilarityMethod = (typeof SIMILARITY_METHODS)[number];
export const DEFAULT_METHOD: SimilarityMethod = 'tfidf';

export interface SimilarityIndexOptions {
  /** Method `similar` uses when the call does not say (default 'tfidf'). */
  method?: SimilarityMethod;
  bm25?: Partial<Bm25Params>;
  /** Keep MinHash signatures and LSH buckets (default: only when method is 'minhash'). */
  minhash?: boolean | Partial<MinHashParams>;
}

export interface SimilarOptions {
  /** Maximum results (default 10). */
  limit?: number;
  /** Lowest score kept, in [0, 1] (default: anything above 0). */
  minScore?: number;
  method?: SimilarityMethod;
  /** Keep only ids this accepts (e.g. same product, not archived). */
  filter?: (id: string) => boolean;
}

/**
 * Score from which a hit is flagged `likelyDuplicate`, per method: the lowest 0.05 step whose
 * precision on the labelled sample's "same need" pairs is ≥ 85% (see README.md).
 */
export const LIKELY_DUPLICATE_SCORE: Record<SimilarityMethod, number> = { tfidf: 0.4, bm25: 0.45, minhash: 0.4 };

export interface SimilarHit {
  id: string;
  /** In [0, 1]; see scoring.ts for what 1 means per method. */
  score: number;
  /** score ≥ LIKELY_DUPLICATE_SCORE[method]: worth suggesting a merge. */
  likelyDuplicate: boolean;
}

/** A stored id, or free text. A bare string is an id when the index holds it, otherwise text. */
export type SimilarQuery = string | { id: string } | { text: string };

export interface SerializedSimilarityIndex {
  format: 'cairn.similarity';
  version: 1;
  options: { method: SimilarityMethod; bm25: Bm25Params; minhash: MinHashParams | false };
  terms: string[];
  ids: string[];
  /** Term count of each document; their term ids follow one another in `sequence`. */
  lengths: number[];
  sequence: number[];
}

/**
 * The similar-insight index: add/update/remove documents as they change, ask `similar` for
 * the closest ones, `serialize` to persist and `deserialize`/`fromRows` to restore.
 * Not thread-safe (one scratch accumulator is reused across lookups), which is fine in Node.
 */
export class SimilarityIndex {
  readonly method: SimilarityMethod;
  readonly bm25Params: Bm25Params;
  readonly minhashParams: MinHashParams | false;
  private readonly index = new InvertedIndex();
  private readonly acc = new Accumulator();
  private readonly norms: number[] = [];
  private mutationsSinceNorms = 0;
  private readonly signatures: (Uint32Array | undefined)[] = [];
  private readonly lsh: LshIndex | undefined;

  constructor(options: SimilarityIndexOptions = {}) {
    this.method = options.method ?? DEFAULT_METHOD;
    this.bm25Params = { ...DEFAULT_BM25, ...options.bm25 };
    const mh = options.minhash ?? this.method === 'minhash';
    this.minhashParams = mh === false ? false : { ...DEFAULT_MINHASH, ...(mh === true ? {} : mh) };
    if (this.minhashParams) this.lsh = new LshIndex(this.minhashParams.numHashes, this.minhashParams.bands);
  }

  /** Builds an index from rows, e.g. all insights of a workspace at server start. */
  static fromRows(rows: Iterable<{ id: string; text: string }>, options?: SimilarityIndexOptions): SimilarityIndex {
    const index = new SimilarityIndex(options);
    for (const row of rows) index.add(row.id, row.text);
    index.refreshNorms();
    return index;
  }

  /** Restores an index from `serialize()` output without re-analysing any text. */
  static deserialize(data: SerializedSimilarityIndex): SimilarityIndex {
    if (data?.format !== 'cairn.similarity' || data.version !== 1) throw new TypeError('not a serialised similarity index (v1)');
    const total = data.lengths.reduce((a, b) => a + b, 0);
    const termCount = data.terms.length;
    if (
      data.ids.length !== data.lengths.length ||
      total !== data.sequence.length ||
      data.sequence.some((t) => !(Number.isInteger(t) && t >= 0 && t < termCount))
    ) {
      throw new TypeError('corrupt serialised similarity index');
    }
    const index = new SimilarityIndex({ method: data.options.method, bm25: data.options.bm25, minhash: data.options.minhash });
    const termIds = data.terms.map((t) => index.index.intern(t));
    let at = 0;
    for (let d = 0; d < data.ids.length; d += 1) {
      const length = data.lengths[d]!;
      const sequence = new Int32Array(length);
      for (let i = 0; i < length; i += 1) sequence[i] = termIds[data.sequence[at + i]!]!;
      at += length;
      index.store(data.ids[d]!, sequence);
    }
    index.refreshNorms();
    return index;
  }

  get size(): number {
    return this.index.size;
  }

  has(id: string): boolean {
    return this.index.slotOf(id) !== undefined;
  }

  /** Adds a document, replacing any previous text under the same id. */
  add(id: string, text: string): void {
    const terms = analyze(text).terms;
    const sequence = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i += 1) sequence[i] = this.index.intern(terms[i]!);
    this.store(id, sequence);
  }

  /** Same as add: the old text's terms are removed first. */
  update(id: string, text: string): void {
    this.add(id, text);
  }

  /** Removes a document; false when it was not indexed. */
  remove(id: string): boolean {
    const slot = this.index.slotOf(id);
    if (slot === undefined) return false;
    const sig = this.signatures[slot];
    if (this.lsh && sig) this.lsh.remove(slot, sig);
    this.signatures[slot] = undefined;
    this.index.remove(id);
    this.mutationsSinceNorms += 1;
    return true;
  }

  private store(id: string, sequence: Int32Array): void {
    this.remove(id);
    const slot = this.index.addSequence(id, sequence);
    this.norms[slot] = tfidfNorm(this.index, slot);
    this.mutationsSinceNorms += 1;
    if (this.lsh && this.minhashParams) {
      const sig = minhashSignature(
        new Set(shingles(this.index.termsOf(slot), this.minhashParams.shingleSize)),
        this.minhashParams.numHashes,
      );
      this.signatures[slot] = sig;
      this.lsh.add(slot, sig);
    }
  }

  /**
   * Recomputes every TF-IDF norm under the current document frequencies (~20 ms per 100k docs).
   * Done lazily by a TF-IDF lookup once more than 2% of the documents changed since the last
   * refresh; in between, older norms drift slightly as document frequencies move.
   */
  refreshNorms(): void {
    const n = this.index.size;
    const idfs = new Float64Array(this.index.terms.length);
    for (let t = 0; t < idfs.length; t += 1) idfs[t] = tfidfIdf(n, this.index.docFreq(t));
    for (let slot = 0; slot < this.index.capacity; slot += 1) this.norms[slot] = tfidfNorm(this.index, slot, idfs);
    this.mutationsSinceNorms = 0;
  }

  /** The indexed documents most similar to a stored document or to a text, best first. */
  similar(query: SimilarQuery, options: SimilarOptions = {}): SimilarHit[] {
    const requested = options.limit ?? 10;
    const limit = Number.isFinite(requested)
      ? Math.max(0, Math.floor(requested))
      : requested === Number.POSITIVE_INFINITY
        ? this.index.size
        : 10;
    const minScore = options.minScore ?? 0;
    const method = options.method ?? this.method;
    if (limit === 0 || this.index.size === 0) return [];
    const { self, terms } = this.resolve(query);
    const filter = options.filter;
    const keep = (slot: number) => slot !== self && (!filter || filter(this.index.ids[slot]!));
    const hits =
      method === 'minhash' ? this.minhashHits(self, terms, limit, minScore, keep) : this.rankedHits(method, terms, limit, minScore, keep);
    const flag = LIKELY_DUPLICATE_SCORE[method];
    return hits.map((h) => ({ id: this.index.ids[h.slot]!, score: h.score, likelyDuplicate: h.score >= flag }));
  }

  private resolve(query: SimilarQuery): { self: number; terms: string[] } {
    const id = typeof query === 'string' ? query : 'id' in query ? query.id : undefined;
    const slot = id === undefined ? undefined : this.index.slotOf(id);
    if (slot !== undefined) return { self: slot, terms: this.index.termsOf(slot) };
    if (typeof query === 'object' && 'id' in query) throw new RangeError(`unknown document id: ${query.id}`);
    return { self: -1, terms: analyze(typeof query === 'string' ? query : query.text).terms };
  }

  private rankedHits(method: 'bm25' | 'tfidf', terms: string[], limit: number, minScore: number, keep: (slot: number) => boolean) {
    const q: Query = queryOf(this.index, terms);
    this.acc.prepare(this.index.capacity);
    if (method === 'bm25') {
      const norm = bm25(this.index, q, this.acc, this.bm25Params);
      return topK(this.acc, limit, minScore, (raw) => Math.min(1, raw / norm), keep);
    }
    if (this.mutationsSinceNorms > this.index.size * 0.02) this.refreshNorms();
    const qNorm = tfidf(this.index, q, this.acc);
    const norms = this.norms;
    return topK(this.acc, limit, minScore, (raw, slot) => Math.min(1, raw / (qNorm * norms[slot]!)), keep);
  }

  private minhashHits(self: number, terms: string[], limit: number, minScore: number, keep: (slot: number) => boolean) {
    if (!this.lsh || !this.minhashParams) throw new RangeError('MinHash is not enabled on this index (option minhash)');
    const sig =
      self >= 0
        ? this.signatures[self]!
        : minhashSignature(new Set(shingles(terms, this.minhashParams.shingleSize)), this.minhashParams.numHashes);
    const hits: { slot: number; score: number }[] = [];
    for (const slot of this.lsh.candidates(sig)) {
      const score = estimateJaccard(sig, this.signatures[slot]!);
      if (score > 0 && score >= minScore && keep(slot)) hits.push({ slot, score });
    }
    return hits.sort((a, b) => b.score - a.score || a.slot - b.slot).slice(0, limit);
  }

  /** A JSON-safe snapshot: terms and term-id sequences, no text. Restore with `deserialize`. */
  serialize(): SerializedSimilarityIndex {
    const used = new Map<number, number>();
    const terms: string[] = [];
    const ids: string[] = [];
    const lengths: number[] = [];
    const sequence: number[] = [];
    for (let slot = 0; slot < this.index.capacity; slot += 1) {
      const seq = this.index.sequences[slot];
      const id = this.index.ids[slot];
      if (!seq || id === undefined) continue;
      ids.push(id);
      lengths.push(seq.length);
      for (const t of seq) {
        let local = used.get(t);
        if (local === undefined) {
          local = terms.length;
          used.set(t, local);
          terms.push(this.index.terms[t]!);
        }
        sequence.push(local);
      }
    }
    return {
      format: 'cairn.similarity',
      version: 1,
      options: { method: this.method, bm25: { ...this.bm25Params }, minhash: this.minhashParams ? { ...this.minhashParams } : false },
      terms,
      ids,
      lengths,
      sequence,
    };
  }
}
