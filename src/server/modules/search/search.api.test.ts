import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, multipartForm, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

/**
 * Search answers with a workspace's best matches. On SQLite a common word is answered by
 * ranking the whole index first and reading only its best documents; these tests hold that
 * shortcut to the plain answer: only the workspace's own documents, best first, and the
 * first n of a longer answer are exactly the answer for n.
 */
describe.each(DIALECTS)('search on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  const slugs: string[] = [];

  async function importTexts(slug: string, texts: string[]) {
    const csv = ['text', ...texts].join('\n');
    const f = multipartForm({ kind: 'insights', mapping: JSON.stringify({ text: 'text' }) }, { name: 'texts.csv', content: csv });
    const res = await owner.request('POST', `/api/v1/workspaces/${slug}/imports`, f.body, f.headers);
    expect(res.statusCode).toBe(202);
    await Promise.all([...t.app.services.backgroundJobs]);
  }

  const search = async (slug: string, q: string, limit: number, types?: string) => {
    const res = await owner.get(
      `/api/v1/workspaces/${slug}/search?q=${encodeURIComponent(q)}&limit=${limit}${types ? `&types=${types}` : ''}`,
    );
    expect(res.statusCode).toBe(200);
    return res.json().items as { entity: string; entityId: string; title: string; score: number }[];
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    for (const name of ['Big', 'Small']) slugs.push((await owner.post('/api/v1/workspaces', { name })).json().slug);
    // Scores vary with how often "export" comes up and how long the text is.
    const texts = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => `${tag} ${i}: ${'export '.repeat(1 + (i % 4))}${'report chart '.repeat(i % 7)}done`);
    await importTexts(slugs[0]!, texts(300, 'big'));
    await importTexts(slugs[1]!, texts(30, 'small'));
  });
  afterAll(() => t.close());

  it("answers with the workspace's own best matches, the short answer being the start of the long one", async () => {
    for (const [slug, tag] of [
      [slugs[0]!, 'big'],
      [slugs[1]!, 'small'],
    ] as const) {
      const all = await search(slug, 'export', 100);
      expect(all.length).toBe(slug === slugs[0] ? 100 : 30);
      for (const hit of all) expect(hit.title.startsWith(`${tag} `)).toBe(true);
      for (let i = 1; i < all.length; i += 1) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
      for (const n of [1, 5, 20]) expect(await search(slug, 'export', n)).toEqual(all.slice(0, n));
      expect(await search(slug, 'export', 20, 'insight')).toEqual(all.slice(0, 20));
      expect(await search(slug, 'export', 20, 'customer')).toEqual([]);
    }
    // A word only a few documents have, and two words at once.
    expect((await search(slugs[0]!, 'big 7:', 20)).some((h) => h.title.startsWith('big 7: '))).toBe(true);
    const pair = await search(slugs[0]!, 'export chart', 50);
    expect(pair.length).toBe(50);
    expect(await search(slugs[0]!, 'export chart', 10)).toEqual(pair.slice(0, 10));
  });
});
