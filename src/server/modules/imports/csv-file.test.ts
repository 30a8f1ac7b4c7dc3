import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRecords, openCsv } from './csv-file.js';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A cell as a spreadsheet writes it: quoted when it holds a delimiter, a quote or a line break. */
const cell = fc
  .string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\n', '\r\n', 'x'), maxLength: 12 })
  .map((v) => (/[",;\n\r]/.test(v) || v.trim() !== v ? `"${v.replaceAll('"', '""')}"` : v));

describe('countRecords', () => {
  it('counts what the parser reads, for any well-formed file, blank lines and quoted line breaks included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (rows, eol, blankLines) => {
          const lines = ['a,b,c', ...rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => r.join(','))];
          const text = lines.join(blankLines ? `${eol}${eol}` : eol) + eol;
          const csv = openCsv(bytes(text));
          const read = csv.readRecords(() => {});
          expect(csv.countedRecords).toBe(read);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('takes an unclosed quote to the end of the file, as the parser does', () => {
    const csv = openCsv(bytes('text,n\nfine,1\n"never closed,2\nmore,3\nlast,4\n'));
    const problems: string[] = [];
    expect(csv.readRecords((_, p) => p && problems.push(p.code))).toBe(2);
    expect(csv.countedRecords).toBe(2);
    expect(problems).toEqual(['unbalanced_quotes']);
  });

  it('treats a quote inside a value as a character, and skips a byte-order mark and blank lines', () => {
    expect(countRecords('\uFEFFa,b\n5" screen,x\n\n  \nlast,y', ',')).toBe(2);
    expect(countRecords('a;b\n"x;y";z\n', ';')).toBe(1);
    expect(countRecords('a,b\n', ',')).toBe(0);
  });
});
