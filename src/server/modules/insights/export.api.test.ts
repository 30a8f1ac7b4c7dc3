import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

describe.each(DIALECTS)('insights CSV export on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    base = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Export' })).json().slug}`;
  });
  afterAll(() => t.close());

  it('never lets a spreadsheet run stored text, whatever it splits cells on', async () => {
    const texts = [
      '=HYPERLINK("http://evil.example","click")',
      'note;=HYPERLINK("http://evil.example")',
      'a\ttab\t+1',
      'plain, with comma',
    ];
    for (const text of texts) expect((await owner.post(`${base}/insights`, { text, source: 'portal' })).statusCode).toBe(201);
    const res = await owner.get(`${base}/insights/export`);
    expect(res.statusCode).toBe(200);
    const body = res.body.replace(/^\ufeff/, '');
    // Every cell is quoted, so a semicolon or a tab inside one never starts another cell.
    for (const line of body.trim().split('\r\n')) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    const { data } = Papa.parse<string[]>(body.trim());
    const textColumn = data[0]!.indexOf('text');
    const exported = data.slice(1).map((row) => row[textColumn]);
    expect(exported).toEqual(expect.arrayContaining([`'${texts[0]}`, texts[1], texts[2], texts[3]]));
    // Read back as a comma-separated file, no cell starts like a formula.
    for (const row of data.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
