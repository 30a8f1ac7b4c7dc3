/**
 * Keys for matching and ordering names the same way everywhere: the server stores them
 * (features.title_key, customers.name_key…) and sorts by them in SQL, the browser computes
 * them from the text it shows and sorts with the same rule, so both put rows in one order.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

/**
 * Lower-cased, accent-free, whitespace-collapsed key: "  Élan   vital " → "elan vital".
 * Stored keys were computed with exactly this function: changing it means recomputing them.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().trim().replace(SPACES, ' ');
}

/** A feature's tie-break key in ranked lists (features.title_key on the server). */
export const titleKey = nameKey;

/** Where a UTF-16 code unit sorts in code point order: surrogates after every other BMP unit. */
function unitRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/**
 * Compares strings by Unicode code point, which is the byte order of their UTF-8 form: how
 * SQLite (BINARY) and PostgreSQL (`collate "C"`) order the stored keys. Plain `<` compares
 * UTF-16 code units instead and puts U+E000–U+FFFF after astral characters (emoji).
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) < unitRank(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
