import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../testing/harness.js';
import { migrateToLatest } from './migrate.js';

describe.each(DIALECTS)('migration 0010 (an insight’s text indexed once) on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, {}, '20261203_0009_customer_lists');
    owner = await setupOwner(t.app);
    base = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Before' })).json().slug}`;
  });
  afterAll(() => t.close());

  it('keeps every document findable and stops indexing insight titles', async () => {
    await owner.post(`${base}/insights`, { text: 'Whiteboard sync loses sticky notes', source: 'support' });
    await owner.post(`${base}/features`, { title: 'Whiteboard templates' });
    // Documents as the code before this migration wrote them: the insight's title indexed.
    if (dialect === 'postgres') await sql`update search_docs set folded_title = title`.execute(t.db.kysely);

    await migrateToLatest(t.db);

    const found = (await owner.get(`${base}/search?q=whiteboard`)).json().items;
    expect(found.map((h: { type: string }) => h.type).sort()).toEqual(['feature', 'insight']);
    expect(found.find((h: { type: string }) => h.type === 'insight').title).toBe('Whiteboard sync loses sticky notes');
    const titleMatches =
      dialect === 'sqlite'
        ? await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match 'title:whiteboard'`.execute(t.db.kysely)
        : await sql<{ n: number }>`select count(*) as n from search_docs where folded_title like '%Whiteboard%'`.execute(t.db.kysely);
    expect(Number(titleMatches.rows[0]!.n)).toBe(1);
    // Later writes follow the same rule (an edit goes through the update trigger).
    const insight = (await owner.get(`${base}/insights?q=sticky`)).json().items[0];
    const edited = await owner.patch(
      `${base}/insights/${insight.id}`,
      { text: 'Whiteboard sync loses sticky notes and arrows' },
      { 'if-match': `"${insight.version}"` },
    );
    expect(edited.statusCode).toBe(200);
    expect((await owner.get(`${base}/search?q=arrows`)).json().items).toHaveLength(1);
  });
});
