/**
 * Public API of the discovery domain: text analysis for English and French feedback, the
 * similar-insight index and duplicate checks, evidence aggregation for features, merging
 * duplicates, and CSV import/export helpers. Pure functions and in-memory structures only.
 */

export * from './csv-dates.js';
export * from './csv-encoding.js';
export * from './csv-mapping.js';
export * from './csv-rows.js';
export * from './csv-values.js';
export * from './duplicate.js';
export * from './evaluate.js';
export * from './evidence.js';
export * from './merge.js';
export { DEFAULT_MINHASH, estimateJaccard, jaccard, LshIndex, type MinHashParams, minhashSignature } from './minhash.js';
export * from './quote.js';
export { type Bm25Params, DEFAULT_BM25 } from './scoring.js';
export * from './similarity.js';
export { stem, stemEnglish, stemFrench } from './stem.js';
export { ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS, NEGATIONS } from './stopwords.js';
export * from './text.js';
export * from './types.js';
