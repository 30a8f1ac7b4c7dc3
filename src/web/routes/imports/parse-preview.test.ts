import { describe, expect, it } from 'vitest';
import { parsePreview } from './parse-preview.js';

/** "Société;Commentaire…" as a Windows spreadsheet saves it: one byte per character, ’ as 0x92. */
const latin1 = (text: string) => new Blob([Uint8Array.from([...text].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0))))]);

describe('import preview in the browser', () => {
  it('reads a Windows-1252 file as the server does: accented headers intact', async () => {
    const preview = await parsePreview(latin1('Société;Commentaire;Reçu le\nBoulangerie Dupont;L’export PDF, vite;2026-10-01\n'));
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.headers).toEqual(['Société', 'Commentaire', 'Reçu le']);
    expect(preview.rows).toEqual([['Boulangerie Dupont', 'L’export PDF, vite', '2026-10-01']]);
  });

  it('reads UTF-8 (with a BOM) and guesses the delimiter on the first rows', async () => {
    const bytes = new TextEncoder().encode('\ufeffFeedback\tCustomer\nCrème brûlée, please\tAcme\n');
    const preview = await parsePreview(new Blob([bytes]));
    expect(preview).toMatchObject({ encoding: 'utf-8', headers: ['Feedback', 'Customer'], rows: [['Crème brûlée, please', 'Acme']] });
  });

  it('shows at most ten rows and refuses an empty header or binary data', async () => {
    const many = ['text', ...Array.from({ length: 30 }, (_, i) => `row ${i}`)].join('\n');
    expect((await parsePreview(new Blob([many]))).rows).toHaveLength(10);
    await expect(parsePreview(new Blob([' , \n']))).rejects.toThrow('empty');
    await expect(parsePreview(new Blob([Uint8Array.from([0x61, 0, 0x62])]))).rejects.toThrow('binary');
  });
});
