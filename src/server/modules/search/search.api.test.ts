import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, multipartForm, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';
import { RANKED_WINDOW } from './repo.js';

/**
 * Search answers with a workspace's best matches: only the workspace's own documents, best
 * first, and the first n of a longer answer are exactly the answer for n. On SQLite a very
 * common word is ranked among the workspace's newest RANKED_WINDOW matches.
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

  it('ranks the newest matches of a very common word, the same whatever the limit', async () => {
    const slug = (await owner.post('/api/v1/workspaces', { name: 'Huge' })).json().slug;
    // Older documents say the word more often (they would rank first); newer ones once.
    const texts = Array.from({ length: RANKED_WINDOW + 300 }, (_, i) =>
      i < 300 ? `old ${i}: roadmap roadmap roadmap` : `new ${i}: the roadmap and much more text about other things`,
    );
    await importTexts(slug, texts);
    const hits = await search(slug, 'roadmap', 50);
    expect(hits.length).toBe(50);
    for (const h of hits) expect(h.title.startsWith('new ')).toBe(true);
    expect(await search(slug, 'roadmap', 10)).toEqual(hits.slice(0, 10));
    expect((await search(slug, 'old', 5)).length).toBe(5); // rare words still reach every document
  });

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
    // Whole words come before words that only start with the last one.
    const started = await search(slugs[0]!, 'expo', 100);
    expect(started.length).toBe(100);
    expect(await search(slugs[0]!, 'expo', 7)).toEqual(started.slice(0, 7));
    // A word only a few documents have, and two words at once.
    expect((await search(slugs[0]!, 'big 7:', 20)).some((h) => h.title.startsWith('big 7: '))).toBe(true);
    const pair = await search(slugs[0]!, 'export chart', 50);
    expect(pair.length).toBe(50);
    expect(await search(slugs[0]!, 'export chart', 10)).toEqual(pair.slice(0, 10));
  });
});

/**
 * What a hit shows: the matching words marked where they are — accented words an
 * accent-free query found (PostgreSQL matches folded copies), the title when only the title
 * matched — and insights found by their customer's name as it is now.
 */
describe.each(DIALECTS)('search highlights and customer names on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;
  type Hit = { type: string; id: string; title: string; titleHighlight: string; snippet: string };
  const find = async (q: string, types?: string) => {
    const res = await owner.get(`${base}/search?q=${encodeURIComponent(q)}${types ? `&types=${types}` : ''}`);
    expect(res.statusCode).toBe(200);
    return res.json().items as Hit[];
  };
  const inbox = async (q: string) =>
    (await owner.get(`${base}/insights?q=${encodeURIComponent(q)}&limit=200`)).json().items as { id: string }[];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    base = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Highlights' })).json().slug}`;
  });
  afterAll(() => t.close());

  it('finds French words next to apostrophes and quotes', async () => {
    await owner.post(`${base}/insights`, { text: '“Parfait” : l’équipe adore l’œuvre', source: 'other' });
    for (const q of ['parfait', 'equipe', 'équipe', 'œuvre']) {
      const hits = await find(q, 'insight');
      expect(hits.map((h) => `${h.title} ${h.snippet}`).join(' | '), q).toContain('Parfait');
      expect((await inbox(q)).length, q).toBeGreaterThan(0);
    }
  });

  it('marks accented words found without their accents', async () => {
    await owner.post(`${base}/insights`, { text: 'La crème brûlée du dessert est trop sucrée pour nos clients', source: 'interview' });
    const [hit] = await find('creme brulee');
    expect(hit?.snippet).toContain('<mark>crème</mark> <mark>brûlée</mark>');
    expect(hit?.titleHighlight).toContain('<mark>crème</mark>');
    expect((await find('CRÈME', 'insight'))[0]?.snippet).toContain('<mark>crème</mark>');
  });

  it('marks the title when only the title matched, everything escaped', async () => {
    await owner.post(`${base}/features`, { title: 'Offline <mode>', description: 'Works without a connection in the basement' });
    const [feature] = await find('offline', 'feature');
    expect(feature).toMatchObject({ title: 'Offline <mode>', titleHighlight: '<mark>Offline</mark> &lt;mode&gt;' });
    expect(feature?.snippet).toBe(feature?.titleHighlight);
    await owner.post(`${base}/features`, { title: 'Bare title only' });
    const [bare] = await find('bare', 'feature');
    expect(bare?.snippet).toBe('<mark>Bare</mark> title only');
    // Matched in the body: the excerpt is the body's, the title stays unmarked.
    const [body] = await find('basement', 'feature');
    expect(body?.snippet).toContain('<mark>basement</mark>');
    expect(body?.titleHighlight).toBe('Offline &lt;mode&gt;');
    await owner.post(`${base}/customers`, { name: 'Zenobia Retail', domain: 'zenobia.example', segment: 'SMB' });
    const [customer] = await find('zenobia retail', 'customer');
    expect(customer?.titleHighlight).toBe('<mark>Zenobia</mark> <mark>Retail</mark>');
  });

  it('finds a customer’s insights by its new name after a rename, and no longer by its name once deleted', async () => {
    const customer = (await owner.post(`${base}/customers`, { name: 'Quokka Foods' })).json();
    // More insights than one re-indexing round takes.
    const csv = ['text,customer', ...Array.from({ length: 1_203 }, (_, i) => `Request number ${i} for bulk exports,Quokka Foods`)].join(
      '\n',
    );
    const f = multipartForm(
      { kind: 'insights', mapping: JSON.stringify({ text: 'text', customer: 'customer' }) },
      { name: 'q.csv', content: csv },
    );
    expect((await owner.request('POST', `${base}/imports`, f.body, f.headers)).statusCode).toBe(202);
    await Promise.all([...t.app.services.backgroundJobs]);
    expect((await find('quokka 1202', 'insight')).length).toBe(1);

    const renamed = await owner.patch(`${base}/customers/${customer.id}`, { name: 'Wombat Provisions', version: customer.version });
    expect(renamed.statusCode).toBe(200);
    for (const n of [0, 600, 1202]) {
      const [hit] = await find(`wombat ${n}`, 'insight');
      expect(hit?.title).toBe(`Request number ${n} for bulk exports`);
    }
    expect(await inbox('wombat provisions')).toHaveLength(200);
    expect(await find('quokka', 'insight')).toEqual([]);
    expect(await inbox('quokka')).toEqual([]);

    expect((await owner.delete(`${base}/customers/${customer.id}`)).statusCode).toBe(204);
    expect(await find('wombat', 'insight')).toEqual([]);
    expect((await find('request 1202', 'insight')).length).toBe(1);
  });
});
