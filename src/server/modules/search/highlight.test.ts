import { describe, expect, it } from 'vitest';
import { excerpt, highlightAll } from './highlight.js';

const mark = (text: string, terms: string[]) => highlightAll(text, terms, '[', ']');

describe('highlighting as the index matched', () => {
  it('marks accented words that an accent-free query matched, as written', () => {
    expect(mark('Une crème brûlée, please', ['creme'])).toEqual({ marked: 'Une [crème] brûlée, please', matched: true });
    expect(mark('CRÈME', ['creme']).marked).toBe('[CRÈME]');
    // Decomposed accents (NFD) too.
    expect(mark('cre\u0300me', ['creme']).marked).toBe('[cre\u0300me]');
  });

  it('matches the last word as a prefix and the others whole', () => {
    expect(mark('export exports exporting', ['export']).marked).toBe('[export] [exports] [exporting]');
    expect(mark('export exports report', ['export', 'rep']).marked).toBe('[export] exports [report]');
    expect(mark('Nothing here', ['export']).matched).toBe(false);
  });

  it('cuts an excerpt around the most matches, with ellipses where the text goes on', () => {
    const text = `${'filler '.repeat(30)}the crème of the crop: crème again ${'tail '.repeat(30)}`;
    const got = excerpt(text, ['creme'], '[', ']', 10);
    // Three words lead in, ten in all.
    expect(got).toBe('…filler filler the [crème] of the crop: [crème] again tail…');
    expect(excerpt('short crème', ['creme'], '[', ']', 10)).toBe('short [crème]');
    expect(excerpt('no match at all', ['creme'], '[', ']')).toBeNull();
  });

  it('keeps line breaks of the body out of the excerpt', () => {
    expect(excerpt('Roadmap\nexport\n\tplease', ['export'], '[', ']')).toBe('Roadmap [export] please');
  });
});
