/**
 * A light, conservative suffix-stripping stemmer for English and French feedback.
 *
 * Why not Porter/Snowball: we only need inflected forms of the same word to meet
 * ("exports", "exported", "exporting" → "export"; "exportées", "exporter" → "export"), and
 * a small set of rules we can read is easier to trust than an aggressive stemmer that merges
 * unrelated words ("university"/"universe"). Input is already lower case without accents.
 *
 * English rules, in order (each only when the remaining stem keeps ≥ 3 letters and a vowel):
 *   1. plural: -ies → -y ("companies" → "company"), -s → "" (not -ss, -us, -is);
 *   2. -ing / -ed → "" ("exporting" → "export"), then undouble a final consonant except
 *      l, s, z ("planned" → "plan", "billing" → "bill"); "-eed" is left alone ("speed");
 *   3. -ly → "" when ≥ 4 letters remain and the word is not in a short exception list;
 *   4. a final silent -e is dropped ("invoice"/"invoices"/"invoiced" all → "invoic").
 * French rules, in order (same guard, on the accent-free form):
 *   1. plural: -eaux → -eau, -aux → -al ("journaux" → "journal"), -s / -x → "";
 *   2. adverbs: -ement → "" when ≥ 5 letters remain ("rapidement" → "rapid",
 *      but "paiement" is kept);
 *   3. verb / participle / feminine endings: -erait, -eraient, -er, -ez, -ee, -e → ""
 *      ("exporter", "exportez", "exportée", "exporte" → "export").
 * Words shorter than 4 letters and anything with a digit are returned unchanged.
 */

export type Language = 'en' | 'fr';

const VOWEL = /[aeiouy]/;
const EN_LY_EXCEPTIONS = new Set(['supply', 'family', 'anomaly', 'assembly', 'italy', 'july', 'reply', 'apply', 'rely', 'fly', 'only']);

const keeps = (stem: string, min = 3): boolean => stem.length >= min && VOWEL.test(stem);

function undouble(stem: string): string {
  const n = stem.length;
  if (n >= 4 && stem[n - 1] === stem[n - 2] && !'lsz'.includes(stem[n - 1]!) && !VOWEL.test(stem[n - 1]!)) return stem.slice(0, -1);
  return stem;
}

/** English: see the module comment for the rules. */
export function stemEnglish(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w) && keeps(w.slice(0, -1))) w = w.slice(0, -1);

  if (w.endsWith('ing') && keeps(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && !w.endsWith('eed') && keeps(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && !EN_LY_EXCEPTIONS.has(w) && keeps(w.slice(0, -2), 4)) w = w.slice(0, -2);

  if (w.endsWith('e') && w.length > 3 && keeps(w.slice(0, -1))) w = w.slice(0, -1);
  return w;
}

const FR_VERB_ENDINGS = ['eraient', 'erait', 'er', 'ez', 'ee', 'e'];

/** French: see the module comment for the rules. */
export function stemFrench(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.endsWith('aux') && w.length > 4) w = `${w.slice(0, -3)}al`;
  else if ((w.endsWith('s') || w.endsWith('x')) && !w.endsWith('ss') && keeps(w.slice(0, -1))) w = w.slice(0, -1);

  if (w.endsWith('ement') && keeps(w.slice(0, -5), 5)) return w.slice(0, -5);
  for (const ending of FR_VERB_ENDINGS) {
    if (w.endsWith(ending) && keeps(w.slice(0, -ending.length))) return w.slice(0, -ending.length);
  }
  return w;
}

const caches: Record<Language, Map<string, string>> = { en: new Map(), fr: new Map() };
const CACHE_LIMIT = 200_000;

/** Stems one normalised word for the given language; memoised because vocabularies are small. */
export function stem(word: string, language: Language): string {
  const cache = caches[language];
  let result = cache.get(word);
  if (result === undefined) {
    result = language === 'fr' ? stemFrench(word) : stemEnglish(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, result);
  }
  return result;
}
