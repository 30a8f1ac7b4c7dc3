/**
 * Ranking by score: highest first, unscored items last, ties broken by secondary keys
 * (e.g. title then id) and finally by input order, so the result is fully deterministic.
 *
 * Built for large lists (100k items in well under 200 ms): scores are extracted once into a
 * typed array and an index array is sorted, so the comparator does no work beyond reads
 * unless scores tie.
 */

export type SortKey = string | number;

export interface RankOptions<T> {
  /** The item's score; null/undefined/NaN/±Infinity mean "not scored" and sort last. */
  score: (item: T) => number | null | undefined;
  /** Keys compared in order when scores tie, e.g. (f) => [f.title, f.id]. Called only for tied items; must be pure. */
  secondary?: (item: T) => readonly SortKey[];
  /**
   * String comparison for secondary keys. Default: the keys compared case-insensitively,
   * then (only if all are equal that way) exactly, in code-unit order — locale-independent,
   * so the server and every browser agree. Pass `new Intl.Collator(locale).compare` for a
   * locale-aware order (slower on large lists with many ties).
   */
  compareStrings?: (a: string, b: string) => number;
}

export interface Ranked<T> {
  item: T;
  score: number | null;
  /** 1-based competition rank ("1, 2, 2, 4"): equal scores share a rank. Null when unscored. */
  rank: number | null;
}

function compareKey(a: SortKey | undefined, b: SortKey | undefined, strings?: (a: string, b: string) => number): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  if (strings) return strings(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTuple(a: readonly SortKey[], b: readonly SortKey[], strings?: (a: string, b: string) => number): number {
  const len = Math.max(a.length, b.length);
  for (let k = 0; k < len; k += 1) {
    const c = compareKey(a[k], b[k], strings);
    if (c !== 0) return c;
  }
  return 0;
}

const lowerTuple = (keys: readonly SortKey[]) => keys.map((k) => (typeof k === 'string' ? k.toLowerCase() : k));

/**
 * All-string keys, lower-cased and joined by U+0000 into one string whose plain comparison
 * equals comparing the lower-cased tuple: one native comparison instead of a loop per tie.
 * Null when that equality would not hold (a number key, or a key containing U+0000); such
 * items are compared tuple by tuple, in the same order.
 */
function foldKeys(keys: readonly SortKey[]): string | null {
  let out = '';
  for (let k = 0; k < keys.length; k += 1) {
    const key = keys[k];
    if (typeof key !== 'string' || key.includes('\u0000')) return null;
    out += (k > 0 ? '\u0000' : '') + key.toLowerCase();
  }
  return out;
}

export function rankBy<T>(items: readonly T[], options: RankOptions<T>): Ranked<T>[] {
  const n = items.length;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const s = options.score(items[i]!);
    scores[i] = typeof s === 'number' && Number.isFinite(s) ? s : Number.NaN;
  }
  // Pass 1: by score only (NaN = unscored last), input order within ties.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  order.sort((a, b) => {
    const sa = scores[a]!;
    const sb = scores[b]!;
    const na = Number.isNaN(sa);
    const nb = Number.isNaN(sb);
    if (na !== nb) return na ? 1 : -1;
    if (!na && sa !== sb) return sb > sa ? 1 : -1;
    return a - b;
  });
  // Pass 2: re-sort each run of tied scores by the secondary keys. Keys are computed only
  // for tied items, once each, so lists with few ties never pay for them.
  if (options.secondary) sortTies(order, scores, items, options.secondary, options.compareStrings);
  const out = new Array<Ranked<T>>(n);
  let rank = 0;
  for (let i = 0; i < n; i += 1) {
    const idx = order[i]!;
    const s = scores[idx]!;
    const scored = !Number.isNaN(s);
    if (scored && (i === 0 || s !== scores[order[i - 1]!])) rank = i + 1;
    out[i] = { item: items[idx]!, score: scored ? (s === 0 ? 0 : s) : null, rank: scored ? rank : null };
  }
  return out;
}

function sortTies<T>(
  order: Uint32Array,
  scores: Float64Array,
  items: readonly T[],
  secondary: (item: T) => readonly SortKey[],
  strings: ((a: string, b: string) => number) | undefined,
): void {
  // Default order keeps only the folded string per item (fewer live objects, less GC); the
  // key tuples are rebuilt in the rare case two folded strings are equal or absent.
  const keys: (readonly SortKey[])[] = strings ? new Array(items.length) : [];
  const folded: (string | null)[] = strings ? [] : new Array(items.length);
  const compare = (a: number, b: number): number => {
    if (strings) return compareTuple(keys[a]!, keys[b]!, strings) || a - b;
    const fa = folded[a]!;
    const fb = folded[b]!;
    if (fa !== null && fb !== null && fa !== fb) return fa < fb ? -1 : 1;
    const ka = secondary(items[a]!);
    const kb = secondary(items[b]!);
    if (fa === null || fb === null) {
      const c = compareTuple(lowerTuple(ka), lowerTuple(kb));
      if (c !== 0) return c;
    }
    return compareTuple(ka, kb) || a - b;
  };
  let start = 0;
  for (let i = 1; i <= order.length; i += 1) {
    const s = i < order.length ? scores[order[i]!]! : Number.NaN;
    const prev = scores[order[start]!]!;
    const tied = i < order.length && (s === prev || (Number.isNaN(s) && Number.isNaN(prev)));
    if (tied) continue;
    if (i - start > 1) {
      const run = order.subarray(start, i);
      for (const idx of run) {
        if (strings) keys[idx] = secondary(items[idx]!);
        else folded[idx] = foldKeys(secondary(items[idx]!));
      }
      run.sort(compare);
    }
    start = i;
  }
}

/** Ranks `{ id, score }` items; ties by the given keys, then by id. */
export function rankItems<T extends { id: string; score?: number | null }>(
  items: readonly T[],
  secondary?: (item: T) => readonly SortKey[],
): Ranked<T>[] {
  return rankBy(items, {
    score: (item) => item.score,
    secondary: secondary ? (item) => [...secondary(item), item.id] : (item) => [item.id],
  });
}
