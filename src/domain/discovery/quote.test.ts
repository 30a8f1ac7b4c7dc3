import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isQuoteOf } from './quote.js';

describe('isQuoteOf', () => {
  const text = 'Exporting the roadmap\nas a PDF  takes forever.';

  it('accepts a passage of the text, whatever its line breaks, spaces or case', () => {
    expect(isQuoteOf(text, 'takes forever')).toBe(true);
    expect(isQuoteOf(text, 'roadmap as a PDF takes')).toBe(true);
    expect(isQuoteOf(text, '  EXPORTING the roadmap  ')).toBe(true);
    expect(isQuoteOf('Crème brûlée', 'cre\u0300me')).toBe(true);
  });

  it('refuses words that are not in the text, and an empty quote', () => {
    expect(isQuoteOf(text, 'takes ages')).toBe(false);
    expect(isQuoteOf(text, 'roadmapas')).toBe(false);
    expect(isQuoteOf(text, '   ')).toBe(false);
  });

  it('accepts every slice of the text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.nat(), (s, a, b) => {
        const [from, to] = [a % (s.length + 1), b % (s.length + 1)].sort((x, y) => x - y);
        const slice = s.slice(from, to);
        if (slice.trim() === '') return;
        expect(isQuoteOf(s, slice)).toBe(true);
      }),
    );
  });
});
