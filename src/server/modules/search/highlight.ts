/**
 * Highlighting on PostgreSQL. Its index is built from accent-folded copies of the text (no
 * unaccent extension needed), so ts_headline over the original text does not see "crème"
 * as the "creme" that matched, and over the folded copy it would show text without its
 * accents. Matches are marked here instead, word by word, the way the index matched them:
 * accents and case folded, the last query word as a prefix. (SQLite's FTS5 folds accents in
 * its tokenizer and marks the original text itself.)
 */

/** A word as both engines split text: letters and digits (combining marks stay with their letter). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * The text PostgreSQL indexes: accents folded and only the words, one space apart. Its
 * 'simple' parser keeps punctuation it does not know inside a token ("l’œuvre", "“bien”"),
 * so the apostrophes and quotes of French text hid the words from search; SQLite's
 * tokenizer splits on them already.
 */
export function foldForIndex(text: string): string {
  return (foldAccents(text).match(WORD) ?? []).join(' ');
}

interface Word {
  start: number;
  end: number;
  match: boolean;
}

function words(text: string, terms: readonly string[]): Word[] {
  const last = terms.length - 1;
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    // A word may fold into several ("ﬁle" → "file", "œuvre" stays whole): compare the folded run.
    const folded = foldAccents(m[0]).toLowerCase();
    const match = terms.some((t, i) => (i === last ? folded.startsWith(t) : folded === t));
    out.push({ start: m.index, end: m.index + m[0].length, match });
  }
  return out;
}

/** Wraps the matching words of text[from, to) in the markers; whitespace runs become one space. */
function mark(text: string, list: Word[], from: number, to: number, open: string, close: string): string {
  let out = '';
  let at = from;
  for (const w of list) {
    if (w.end <= from || w.start >= to) continue;
    out += text.slice(at, w.start);
    out += w.match ? `${open}${text.slice(w.start, w.end)}${close}` : text.slice(w.start, w.end);
    at = w.end;
  }
  out += text.slice(at, to);
  return out.replace(/\s+/g, ' ').trim();
}

/** The whole text with its matching words marked, and whether any matched. */
export function highlightAll(text: string, terms: readonly string[], open: string, close: string): { marked: string; matched: boolean } {
  const list = words(text, terms);
  return { marked: mark(text, list, 0, text.length, open, close), matched: list.some((w) => w.match) };
}

/**
 * About `size` words around the best place in the text: the window holding the most
 * matching words (the earliest of equals), starting a few words before its first match,
 * with "…" where the text goes on. Null when no word matches.
 */
export function excerpt(text: string, terms: readonly string[], open: string, close: string, size = 16): string | null {
  const list = words(text, terms);
  if (!list.some((w) => w.match)) return null;
  const LEAD = 3;
  let best = { start: 0, count: -1 };
  for (let i = 0; i < list.length; i++) {
    if (!list[i]?.match) continue;
    const start = Math.max(0, i - LEAD);
    let count = 0;
    for (let j = start; j < Math.min(list.length, start + size); j++) if (list[j]?.match) count++;
    if (count > best.count) best = { start, count };
  }
  const end = Math.min(list.length, best.start + size);
  const first = list[best.start];
  const lastWord = list[end - 1];
  if (!first || !lastWord) return null;
  const body = mark(text, list, first.start, lastWord.end, open, close);
  return `${best.start > 0 ? '…' : ''}${body}${end < list.length ? '…' : ''}`;
}
