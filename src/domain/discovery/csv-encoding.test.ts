import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, decodeWindows1252 } from './csv-encoding.js';

/** Windows-1252 bytes of a string (Latin-1 plus the 0x80–0x9F punctuation Excel uses). */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, œ: 0x9c };
  return Uint8Array.from([...text].map((c) => extra[c] ?? c.charCodeAt(0)));
}

describe('decodeCsvBytes', () => {
  it('reads UTF-8, with or without a BOM', () => {
    const utf8 = new TextEncoder().encode('Société;Commentaire\nDupont;Crème brûlée\n');
    expect(decodeCsvBytes(utf8)).toEqual({ text: 'Société;Commentaire\nDupont;Crème brûlée\n', encoding: 'utf-8' });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeCsvBytes(bom).text.startsWith('Société')).toBe(true);
  });

  it('reads what is not valid UTF-8 as Windows-1252, curly quotes and euro sign included', () => {
    const text = 'Société;Montant\nL’œuvre “Dupont”;99 €\n';
    expect(decodeCsvBytes(windows1252(text))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('maps every byte as the WHATWG Encoding Standard does (browsers), whatever the runtime', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all).toHaveLength(256);
    expect([0x80, 0x92, 0x9c, 0x9f].map((b) => all[b])).toEqual(['€', '’', 'œ', 'Ÿ']);
    // Undefined in Windows-1252: kept as the C1 code point.
    expect([0x81, 0x8d, 0x8f, 0x90, 0x9d].map((b) => all.charCodeAt(b))).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    for (let b = 0; b < 256; b++) if (b < 0x80 || b >= 0xa0) expect(all.charCodeAt(b)).toBe(b);
  });

  it('decodes pure ASCII the same either way', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)) }), (ascii) => {
        expect(decodeCsvBytes(new TextEncoder().encode(ascii))).toEqual({ text: ascii, encoding: 'utf-8' });
      }),
    );
  });

  it('round-trips any Latin-1 text saved by a Windows spreadsheet', () => {
    const latin1 = fc.string({ unit: fc.integer({ min: 0xc0, max: 0xff }).map((n) => String.fromCharCode(n)), minLength: 1 });
    fc.assert(
      fc.property(latin1, (text) => {
        // A lone accented letter's byte is never valid UTF-8 on its own.
        expect(decodeCsvBytes(windows1252(`a${text}`))).toEqual({ text: `a${text}`, encoding: 'windows-1252' });
      }),
    );
  });
});
