import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stem, stemEnglish, stemFrench } from './stem.js';
import { ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS } from './stopwords.js';
import { analyze, detectLanguage, normalizeText, shingles, tokenize, words } from './text.js';

describe('normalisation and tokenizing', () => {
  it('lower-cases, strips accents and expands ligatures', () => {
    expect(normalizeText('Œuvre ÉTÉ Straße Ça')).toBe('oeuvre ete strasse ca');
    expect(words("L'export CSV — déjà cassé!")).toEqual(['l', 'export', 'csv', 'deja', 'casse']);
  });

  it('drops stop words of both languages and keeps one "not"', () => {
    expect(tokenize('I would love to be able to export the roadmap to PDF')).toEqual(['export', 'roadmap', 'pdf']);
    expect(tokenize('Ce serait bien de pouvoir exporter la feuille de route')).toEqual(['exporter', 'feuille', 'route']);
    expect(tokenize("The export doesn't work, it never finishes")).toEqual(['export', 'not', 'work', 'finishes']);
    expect(tokenize("L'export ne marche pas")).toEqual(['export', 'marche', 'not']);
    expect(tokenize('the and of', { keepStopWords: true })).toEqual(['the', 'and', 'of']);
  });

  it('keeps digits, splits on any non letter/digit, drops one-letter words and over-long junk', () => {
    expect(tokenize('2FA v2 a b 429 x'.concat(' ', 'z'.repeat(40)))).toEqual(['2fa', 'v2', '429']);
    expect(tokenize('über-cool_feature/idée')).toEqual(['uber', 'cool']);
  });

  it('has compact stop-word lists of about 150 words each, already normalised', () => {
    for (const list of [ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS]) {
      expect(list.size).toBeGreaterThan(120);
      expect(list.size).toBeLessThan(260);
      for (const w of list) expect(normalizeText(w)).toBe(w);
    }
  });

  it('normalises idempotently', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        expect(normalizeText(normalizeText(text))).toBe(normalizeText(text));
      }),
    );
  });

  it('never throws and only yields normalised non-stop tokens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        for (const t of tokenize(text)) {
          expect(t).toBe(normalizeText(t));
          expect(ENGLISH_STOP_WORDS.has(t) || FRENCH_STOP_WORDS.has(t)).toBe(false);
        }
        expect(() => analyze(text)).not.toThrow();
      }),
    );
  });
});

describe('language detection', () => {
  it('votes with stop words, then accents', () => {
    expect(detectLanguage('We need to export the list')).toBe('en');
    expect(detectLanguage('Nous voulons exporter la liste des retours')).toBe('fr');
    expect(detectLanguage('Export Excel')).toBe('en');
    expect(detectLanguage('Export Excel très lent')).toBe('fr');
  });
});

describe('stemmer', () => {
  it('brings English inflections together', () => {
    const same = (forms: string[]) => expect(new Set(forms.map(stemEnglish)).size).toBe(1);
    same(['export', 'exports', 'exported', 'exporting']);
    same(['invoice', 'invoices', 'invoiced', 'invoicing']);
    same(['company', 'companies']);
    same(['plan', 'planned', 'planning']);
    same(['bill', 'billing', 'bills']);
    same(['slow', 'slowly']);
    expect(stemEnglish('status')).toBe('status');
    expect(stemEnglish('analysis')).toBe('analysis');
    expect(stemEnglish('speed')).toBe('speed');
    expect(stemEnglish('string')).toBe('string');
    expect(stemEnglish('reply')).toBe('reply');
  });

  it('brings French inflections together, conservatively', () => {
    const same = (forms: string[]) => expect(new Set(forms.map(stemFrench)).size).toBe(1);
    same(['exporter', 'exporte', 'exportee', 'exportees', 'exportez']);
    same(['facture', 'factures']);
    same(['journal', 'journaux']);
    same(['tableau', 'tableaux']);
    same(['rapide', 'rapidement']);
    expect(stemFrench('paiement')).toBe('paiement');
  });

  it('meets across languages on shared roots', () => {
    expect(stem('exporter', 'fr')).toBe(stem('exporting', 'en'));
    expect(stem('notifications', 'fr')).toBe(stem('notifications', 'en'));
  });

  it('never lengthens a word and leaves short words and numbers alone', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,20}$/), fc.constantFrom('en' as const, 'fr' as const), (w, lang) => {
        const s = stem(w, lang);
        expect(s.length).toBeLessThanOrEqual(w.length + 1);
        if (w.length < 4 || /\d/.test(w)) expect(s).toBe(w);
      }),
    );
  });
});

describe('analysis and shingles', () => {
  it('stems with the detected language', () => {
    expect(analyze('Exporter les factures').terms).toEqual(['export', 'factur']);
    expect(analyze('Exporting invoices').terms).toEqual(['export', 'invoic']);
  });

  it('builds word n-grams, or one shingle for short texts', () => {
    expect(shingles(['a', 'b', 'c'], 2)).toEqual(['a b', 'b c']);
    expect(shingles(['a'], 2)).toEqual(['a']);
    expect(shingles([], 2)).toEqual([]);
    expect(() => shingles(['a'], 0)).toThrow(RangeError);
  });
});
