import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, nameKey, titleKey } from './text-key.js';

/** The reference order: code point by code point (the order of UTF-8 bytes). */
function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return Math.sign(x.length - y.length);
}

describe('nameKey / titleKey', () => {
  it('drops accents and case, trims and collapses whitespace', () => {
    expect(nameKey('  Élan   vital ')).toBe('elan vital');
    expect(titleKey('ÉLAN\tVital')).toBe('elan vital');
    expect(nameKey('Crème brûlée')).toBe('creme brulee');
    expect(nameKey('ﬁle ①')).toBe('file 1');
    expect(nameKey('Zoo')).toBe('zoo');
  });

  it('property: is idempotent (a stored key is its own key)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => nameKey(nameKey(s)) === nameKey(s)));
  });
});

describe('compareCodePoints', () => {
  it('orders U+FFxx before astral characters, as UTF-8 bytes do (plain < does not)', () => {
    const fullwidth = '\uff01';
    const emoji = '😀';
    expect(fullwidth < emoji).toBe(false);
    expect(compareCodePoints(fullwidth, emoji)).toBe(-1);
    expect(compareCodePoints('a', 'ab')).toBe(-1);
    expect(compareCodePoints('b', 'a')).toBe(1);
    expect(compareCodePoints('é', 'é')).toBe(0);
  });

  // (Lone surrogates never reach a key: text is stored as UTF-8, which replaces them with U+FFFD.)
  it('property: agrees with code point order on any well-formed text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('a', 'é', '\uff01', '\ufffd', '😀', '𝒜', ' ') }),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(compareCodePoints(a, b)).toBe(byCodePoints(a, b));
      }),
    );
  });
});
