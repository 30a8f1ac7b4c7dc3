/**
 * MinHash signatures and LSH banding, for near-duplicate detection.
 *
 * A signature keeps, for each of `numHashes` hash functions, the minimum hash over a
 * document's shingles; the share of equal positions between two signatures estimates the
 * Jaccard similarity of their shingle sets (standard error ≈ √(J(1−J)/numHashes)).
 * LSH splits the signature into `bands` of `rows`; documents sharing one whole band become
 * candidates. The probability of a pair with similarity s being a candidate is
 * 1 − (1 − s^rows)^bands, an S-curve whose midpoint is ≈ (1/bands)^(1/rows).
 */

export interface MinHashParams {
  numHashes: number;
  bands: number;
  /** Word n-gram size of the shingles. */
  shingleSize: number;
}

/** 64 hashes in 32 bands of 2 rows: candidate midpoint ≈ 0.18, suited to short paraphrases. */
export const DEFAULT_MINHASH: MinHashParams = { numHashes: 64, bands: 32, shingleSize: 1 };

/** 32-bit FNV-1a of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a cheap, well-mixed 32-bit permutation. */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const seedCache = new Map<number, Uint32Array>();

/** Fixed seeds (a deterministic sequence) so signatures are stable across processes. */
function seeds(count: number): Uint32Array {
  let s = seedCache.get(count);
  if (!s) {
    s = new Uint32Array(count);
    let state = 0x9e3779b9;
    for (let i = 0; i < count; i += 1) {
      state = (state + 0x6d2b79f5) >>> 0;
      s[i] = fmix32(state);
    }
    seedCache.set(count, s);
  }
  return s;
}

/** Signature of a set of shingles (duplicates ignored). An empty set gives all 0xffffffff. */
export function minhashSignature(shingleSet: Iterable<string>, numHashes = DEFAULT_MINHASH.numHashes): Uint32Array {
  const sig = new Uint32Array(numHashes).fill(0xffffffff);
  const s = seeds(numHashes);
  for (const shingle of shingleSet) {
    const h = hashString(shingle);
    for (let i = 0; i < numHashes; i += 1) {
      const v = fmix32(h ^ s[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

const isEmpty = (sig: Uint32Array) => sig.every((v) => v === 0xffffffff);

/** Share of equal positions: the estimated Jaccard similarity (0 when either is empty). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError('signatures differ in length');
  if (a.length === 0 || isEmpty(a) || isEmpty(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) same += 1;
  return same / a.length;
}

/** Exact Jaccard similarity of two sets given as arrays (0 when both are empty). */
export function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 0;
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter += 1;
  return inter / (sa.size + sb.size - inter);
}

/**
 * LSH buckets: band key → slots. Incremental (add/remove) like the inverted index. Keys are
 * 30-bit so V8 keeps them as small integers, and a bucket of one slot is stored as the bare
 * number: most buckets hold one document, and an array per bucket dominated build time.
 */
export class LshIndex {
  readonly rows: number;
  private readonly buckets: Map<number, number | number[]>[];

  constructor(
    readonly numHashes: number,
    readonly bands: number,
  ) {
    if (bands < 1 || numHashes % bands !== 0) throw new RangeError('numHashes must be a multiple of bands');
    this.rows = numHashes / bands;
    this.buckets = Array.from({ length: bands }, () => new Map());
  }

  private key(sig: Uint32Array, band: number): number {
    let h = band;
    for (let r = band * this.rows; r < (band + 1) * this.rows; r += 1) h = fmix32(h ^ sig[r]!) + r;
    return h >>> 2;
  }

  add(slot: number, sig: Uint32Array): void {
    if (isEmpty(sig)) return;
    for (let band = 0; band < this.bands; band += 1) {
      const k = this.key(sig, band);
      const map = this.buckets[band]!;
      const bucket = map.get(k);
      if (bucket === undefined) map.set(k, slot);
      else if (typeof bucket === 'number') map.set(k, [bucket, slot]);
      else bucket.push(slot);
    }
  }

  remove(slot: number, sig: Uint32Array): void {
    if (isEmpty(sig)) return;
    for (let band = 0; band < this.bands; band += 1) {
      const k = this.key(sig, band);
      const map = this.buckets[band]!;
      const bucket = map.get(k);
      if (bucket === slot) map.delete(k);
      if (bucket === undefined || typeof bucket === 'number') continue;
      const at = bucket.indexOf(slot);
      if (at < 0) continue;
      bucket[at] = bucket[bucket.length - 1]!;
      bucket.pop();
      if (bucket.length === 1) map.set(k, bucket[0]!);
    }
  }

  /** Slots sharing at least one band with the signature. */
  candidates(sig: Uint32Array): Set<number> {
    const out = new Set<number>();
    if (isEmpty(sig)) return out;
    for (let band = 0; band < this.bands; band += 1) {
      const bucket = this.buckets[band]!.get(this.key(sig, band));
      if (typeof bucket === 'number') out.add(bucket);
      else if (bucket) for (const slot of bucket) out.add(slot);
    }
    return out;
  }
}
