import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateJaccard, jaccard, LshIndex, minhashSignature } from './minhash.js';
import { SimilarityIndex, type SimilarityMethod } from './similarity.js';

const rows = [
  { id: 'a', text: 'Export the insights list to CSV for Excel' },
  { id: 'b', text: 'Please let us export insights to a CSV file' },
  { id: 'c', text: 'Dark mode for the whole interface' },
  { id: 'd', text: 'Exporter la liste des insights en CSV' },
  { id: 'e', text: 'Slack notifications when a feature ships' },
];

describe('SimilarityIndex', () => {
  for (const method of ['tfidf', 'bm25', 'minhash'] as SimilarityMethod[]) {
    it(`${method}: finds paraphrases first, never the query itself, scores in (0, 1]`, () => {
      const index = SimilarityIndex.fromRows(rows, { method });
      const hits = index.similar('a', { limit: 3 });
      expect(hits[0]?.id).toMatch(/^[bd]$/);
      expect(hits.map((h) => h.id)).not.toContain('a');
      expect(hits.map((h) => h.id)).not.toContain('c');
      for (const h of hits) expect(h.score > 0 && h.score <= 1).toBe(true);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((x, y) => y - x));
    });
  }

  it('treats a string as an id when indexed, else as text; objects are explicit', () => {
    const index = SimilarityIndex.fromRows(rows);
    expect(index.similar('a')[0]?.id).not.toBe('a');
    expect(index.similar('dark interface')[0]?.id).toBe('c');
    expect(index.similar({ text: 'a' })).toEqual([]);
    expect(() => index.similar({ id: 'nope' })).toThrow(RangeError);
  });

  it('flags an identical text as a likely duplicate with score 1', () => {
    const index = SimilarityIndex.fromRows(rows);
    expect(index.similar({ text: rows[2]!.text })[0]).toEqual({ id: 'c', score: 1, likelyDuplicate: true });
    expect(index.similar({ text: rows[2]!.text }, { method: 'bm25' })[0]).toMatchObject({ id: 'c', score: 1, likelyDuplicate: true });
  });

  it('honours limit, minScore and filter', () => {
    const index = SimilarityIndex.fromRows(rows);
    expect(index.similar('a', { limit: 1 })).toHaveLength(1);
    expect(index.similar('a', { limit: 0 })).toEqual([]);
    expect(index.similar('a', { limit: Number.NaN })).toEqual(index.similar('a'));
    expect(index.similar('a', { limit: Number.POSITIVE_INFINITY }).length).toBeGreaterThan(1);
    expect(index.similar('a', { minScore: 0.99 })).toEqual([]);
    expect(index.similar('a', { filter: (id) => id !== 'b' }).map((h) => h.id)).not.toContain('b');
  });

  it('adds, updates and removes incrementally', () => {
    const index = new SimilarityIndex();
    expect(index.similar('anything')).toEqual([]);
    for (const r of rows) index.add(r.id, r.text);
    expect(index.size).toBe(5);
    index.update('c', 'Export to CSV please');
    expect(index.similar('a').map((h) => h.id)).toContain('c');
    expect(index.remove('b')).toBe(true);
    expect(index.remove('b')).toBe(false);
    expect(index.has('b')).toBe(false);
    expect(index.similar('a').map((h) => h.id)).not.toContain('b');
    expect(index.size).toBe(4);
  });

  it('refuses MinHash lookups when signatures are not kept', () => {
    expect(() => SimilarityIndex.fromRows(rows).similar('a', { method: 'minhash' })).toThrow(/MinHash/);
  });

  it('serialises to JSON and back to the same answers', () => {
    for (const method of ['tfidf', 'bm25', 'minhash'] as SimilarityMethod[]) {
      const index = SimilarityIndex.fromRows(rows, { method });
      index.remove('e');
      const copy = SimilarityIndex.deserialize(JSON.parse(JSON.stringify(index.serialize())));
      expect(copy.size).toBe(4);
      for (const r of rows.slice(0, 4)) expect(copy.similar(r.id)).toEqual(index.similar(r.id));
    }
    expect(() => SimilarityIndex.deserialize({ format: 'x' } as never)).toThrow(TypeError);
    const data = SimilarityIndex.fromRows(rows).serialize();
    expect(() => SimilarityIndex.deserialize({ ...data, sequence: data.sequence.map(() => 999) })).toThrow(/corrupt/);
    expect(() => SimilarityIndex.deserialize({ ...data, lengths: data.lengths.slice(1) })).toThrow(/corrupt/);
  });

  it('after any add/update/remove history, answers like an index rebuilt from the final rows', () => {
    const vocabulary = ['export', 'csv', 'excel', 'slack', 'dark', 'mode', 'sso', 'okta', 'facture', 'roadmap', 'lent', 'search'];
    const text = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 8 }), text }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 8 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 40 }),
        text,
        fc.constantFrom<SimilarityMethod>('tfidf', 'bm25', 'minhash'),
        (ops, query, method) => {
          const live = new SimilarityIndex({ method });
          const state = new Map<string, string>();
          for (const o of ops) {
            if (o.kind === 'put') {
              live.add(`d${o.id}`, o.text);
              state.set(`d${o.id}`, o.text);
            } else {
              live.remove(`d${o.id}`);
              state.delete(`d${o.id}`);
            }
          }
          live.refreshNorms();
          const fresh = SimilarityIndex.fromRows(
            [...state].map(([id, t]) => ({ id, text: t })),
            { method },
          );
          const round = (hits: { id: string; score: number }[]) => hits.map((h) => `${h.id}:${h.score.toFixed(9)}`).sort();
          expect(live.size).toBe(state.size);
          expect(round(live.similar({ text: query }, { limit: 20 }))).toEqual(round(fresh.similar({ text: query }, { limit: 20 })));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('MinHash', () => {
  it('estimates Jaccard similarity within a few standard errors', () => {
    const a = Array.from({ length: 60 }, (_, i) => `w${i}`);
    const b = Array.from({ length: 60 }, (_, i) => `w${i + 20}`);
    const exact = jaccard(a, b);
    expect(exact).toBeCloseTo(0.5, 5);
    const estimate = estimateJaccard(minhashSignature(a, 256), minhashSignature(b, 256));
    expect(Math.abs(estimate - exact)).toBeLessThan(4 * Math.sqrt(0.25 / 256));
    expect(estimateJaccard(minhashSignature([], 16), minhashSignature([], 16))).toBe(0);
    expect(() => estimateJaccard(new Uint32Array(2), new Uint32Array(3))).toThrow(RangeError);
  });

  it('puts identical signatures in the same LSH bucket and removes them cleanly', () => {
    const lsh = new LshIndex(16, 8);
    const sig = minhashSignature(['x', 'y']);
    const sig16 = minhashSignature(['x', 'y'], 16);
    expect(sig.length).toBe(64);
    lsh.add(1, sig16);
    expect([...lsh.candidates(sig16)]).toEqual([1]);
    lsh.remove(1, sig16);
    expect(lsh.candidates(sig16).size).toBe(0);
    expect(() => new LshIndex(10, 3)).toThrow(RangeError);
  });
});
