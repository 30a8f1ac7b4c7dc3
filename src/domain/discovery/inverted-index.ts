/**
 * The storage under the similarity index: a term dictionary, one posting list per term
 * (which documents hold it, how often) and, per document, its term sequence.
 *
 * Documents live in numbered slots that are reused after removal, so per-document data are
 * dense arrays that scoring can walk without hashing. Removal is eager: the document is
 * swapped out of each of its posting lists (a native `indexOf` on a packed array, about a
 * millisecond for the longest lists at 100k documents), so a query never sees a tombstone.
 */

export interface Posting {
  /** Slots of the documents holding the term, in no particular order. */
  slots: number[];
  /** Term frequency in the document at the same position. */
  tfs: number[];
}

/** Term dictionary + posting lists + per-document term sequences, updated in place. */
export class InvertedIndex {
  /** Term → term id. Ids are never reused, so a term keeps its id for the life of the index. */
  readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  readonly postings: Posting[] = [];
  /** Per slot: the document id (undefined when the slot is free). */
  readonly ids: (string | undefined)[] = [];
  /** Per slot: term ids in text order, repeats kept. */
  readonly sequences: (Int32Array | undefined)[] = [];
  /** Per slot: distinct term ids, and their frequencies at the same position. */
  readonly uniqueTerms: (Int32Array | undefined)[] = [];
  readonly termFreqs: (Uint16Array | undefined)[] = [];
  /** Per slot: number of terms (0 for a free slot). */
  readonly lengths: number[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private total = 0;

  /** Number of documents. */
  get size(): number {
    return this.slotById.size;
  }

  /** Upper bound (exclusive) of slot numbers: the size of per-slot scratch arrays. */
  get capacity(): number {
    return this.ids.length;
  }

  get averageLength(): number {
    return this.size === 0 ? 0 : this.total / this.size;
  }

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  /** The id of a known term, or -1. */
  termId(term: string): number {
    return this.termIds.get(term) ?? -1;
  }

  docFreq(termId: number): number {
    return this.postings[termId]?.slots.length ?? 0;
  }

  /** Interns a term, creating an empty posting list on first sight. */
  intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.postings.push({ slots: [], tfs: [] });
    }
    return id;
  }

  /** Adds (or replaces) a document given its terms; returns its slot. */
  add(id: string, terms: readonly string[]): number {
    const sequence = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i += 1) sequence[i] = this.intern(terms[i]!);
    return this.addSequence(id, sequence);
  }

  /** Adds (or replaces) a document given interned term ids, as deserialisation does. */
  addSequence(id: string, sequence: Int32Array): number {
    this.remove(id);
    const slot = this.freeSlots.pop() ?? this.ids.length;
    const sorted = sequence.slice().sort();
    let distinct = 0;
    for (let i = 0; i < sorted.length; i += 1) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct += 1;
    const unique = new Int32Array(distinct);
    const freqs = new Uint16Array(distinct);
    let k = -1;
    for (let i = 0; i < sorted.length; i += 1) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) {
        k += 1;
        unique[k] = sorted[i]!;
      }
      if (freqs[k]! < 65_535) freqs[k]! += 1;
    }
    for (let j = 0; j < distinct; j += 1) {
      const posting = this.postings[unique[j]!]!;
      posting.slots.push(slot);
      posting.tfs.push(freqs[j]!);
    }
    this.ids[slot] = id;
    this.sequences[slot] = sequence;
    this.uniqueTerms[slot] = unique;
    this.termFreqs[slot] = freqs;
    this.lengths[slot] = sequence.length;
    this.slotById.set(id, slot);
    this.total += sequence.length;
    return slot;
  }

  /** Removes a document; false when it was not there. */
  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    for (const t of this.uniqueTerms[slot]!) {
      const posting = this.postings[t]!;
      const at = posting.slots.indexOf(slot);
      const last = posting.slots.length - 1;
      posting.slots[at] = posting.slots[last]!;
      posting.tfs[at] = posting.tfs[last]!;
      posting.slots.pop();
      posting.tfs.pop();
    }
    this.total -= this.lengths[slot]!;
    this.ids[slot] = undefined;
    this.sequences[slot] = undefined;
    this.uniqueTerms[slot] = undefined;
    this.termFreqs[slot] = undefined;
    this.lengths[slot] = 0;
    this.slotById.delete(id);
    this.freeSlots.push(slot);
    return true;
  }

  /** Terms of a stored document, in order. */
  termsOf(slot: number): string[] {
    const sequence = this.sequences[slot];
    return sequence ? Array.from(sequence, (t) => this.terms[t]!) : [];
  }
}
