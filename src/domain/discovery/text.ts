/**
 * Text analysis for English and French feedback: normalise, split, drop stop words, stem,
 * and build word shingles. Every similarity method in this folder reads text through
 * `analyze`, so they all agree on what a "term" is.
 */

import { type Language, stem } from './stem.js';
import { ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS, NEGATIONS } from './stopwords.js';

export type { Language } from './stem.js';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };
const LIGATURE_PATTERN = /[œæßøłđ]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
/** Tokens longer than this are noise (URLs, ids, base64) rather than words. */
const MAX_TOKEN_LENGTH = 30;

/** Lower case, accents stripped, ligatures expanded: "Œuvre Été" → "oeuvre ete". Used for matching, never for display. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .toLowerCase()
    .replace(LIGATURE_PATTERN, (c) => LIGATURES[c] ?? c)
    .replace(COMBINING_MARKS, '');
}

/** The normalised words of a text, in order, nothing dropped: the raw material of the tokenizer. */
export function words(text: string): string[] {
  return normalizeText(text)
    .split(SEPARATORS)
    .filter((w) => w.length > 0);
}

const ACCENTED = /[àâäçéèêëîïôöùûüÿœæ]/i;
const EN_ONLY = new Set([...ENGLISH_STOP_WORDS].filter((w) => !FRENCH_STOP_WORDS.has(w)));
const FR_ONLY = new Set([...FRENCH_STOP_WORDS].filter((w) => !ENGLISH_STOP_WORDS.has(w)));

/**
 * Guesses English or French from stop-word hits (feedback is short, so a dictionary vote is
 * enough); on a tie, French accents decide, else English. Chooses the stemmer to apply.
 */
export function detectLanguage(text: string, normalizedWords: readonly string[] = words(text)): Language {
  let en = 0;
  let fr = 0;
  for (const w of normalizedWords) {
    if (EN_ONLY.has(w)) en += 1;
    else if (FR_ONLY.has(w)) fr += 1;
  }
  if (fr !== en) return fr > en ? 'fr' : 'en';
  return ACCENTED.test(text) ? 'fr' : 'en';
}

export interface TokenizeOptions {
  /** Keep stop words (default false). */
  keepStopWords?: boolean;
}

/**
 * Normalised words without stop words of either language, negations folded into "not",
 * one-letter and over-long tokens dropped. A text keeps at most one "not". Stop words of both languages are removed
 * whatever the text's language, since feedback often mixes them ("l'export CSV ne marche pas").
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  return tokensOf(words(text), options.keepStopWords ?? false);
}

function tokensOf(all: readonly string[], keepStopWords: boolean): string[] {
  const out: string[] = [];
  let negated = false;
  for (const w of all) {
    if (w.length > MAX_TOKEN_LENGTH) continue;
    if (NEGATIONS.has(w)) {
      if (!negated) out.push('not');
      negated = true;
      continue;
    }
    if (w.length < 2 && !/\d/.test(w)) continue;
    if (!keepStopWords && (ENGLISH_STOP_WORDS.has(w) || FRENCH_STOP_WORDS.has(w))) continue;
    out.push(w);
  }
  return out;
}

export interface Analysis {
  language: Language;
  /** Stemmed terms in text order (repeats kept): the input of every similarity method. */
  terms: string[];
}

/** Tokenizes and stems a text with the stemmer of its detected language. */
export function analyze(text: string): Analysis {
  const all = words(text);
  const language = detectLanguage(text, all);
  const terms = tokensOf(all, false).map((t) => stem(t, language));
  return { language, terms };
}

/**
 * Word n-grams ("shingles") of a term sequence, joined by a space, for MinHash. A text with
 * fewer than n terms yields one shingle of all its terms, so short texts still compare.
 */
export function shingles(terms: readonly string[], n = 2): string[] {
  if (n < 1 || !Number.isInteger(n)) throw new RangeError('shingle size must be a positive integer');
  if (terms.length === 0) return [];
  if (terms.length <= n) return [terms.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + n <= terms.length; i += 1) out.push(terms.slice(i, i + n).join(' '));
  return out;
}
