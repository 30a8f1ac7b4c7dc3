import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, multipartForm, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

/**
 * "Select all N matching": the inbox counts what its filters match (exactly up to 10,000),
 * and a bulk action can take every matching insight, all or nothing, only if as many match
 * as the person saw.
 */
describe.each(DIALECTS)('counting and acting on every matching insight on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;
  const count = async (query = '') => {
    const res = await owner.get(`${base}/insights/count${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { count: number; exact: boolean };
  };
  const importTexts = async (slug: string, rows: string[]) => {
    const f = multipartForm(
      { kind: 'insights', mapping: JSON.stringify({ text: 'text', tags: 'tags' }) },
      { name: 'rows.csv', content: ['text,tags', ...rows].join('\n') },
    );
    expect((await owner.request('POST', `/api/v1/workspaces/${slug}/imports`, f.body, f.headers)).statusCode).toBe(202);
    await Promise.all([...t.app.services.backgroundJobs]);
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    const slug = (await owner.post('/api/v1/workspaces', { name: 'Bulk' })).json().slug;
    base = `/api/v1/workspaces/${slug}`;
    await importTexts(slug, [
      ...Array.from({ length: 25 }, (_, i) => `Calendar sync request ${i},q4`),
      ...Array.from({ length: 5 }, (_, i) => `Dark mode request ${i},ui`),
    ]);
  });
  afterAll(() => t.close());

  it('counts what the inbox lists with the same filters', async () => {
    expect(await count()).toEqual({ count: 30, exact: true });
    expect(await count('tag=q4')).toEqual({ count: 25, exact: true });
    expect(await count('q=dark%20mode')).toEqual({ count: 5, exact: true });
    expect(await count('status=archived')).toEqual({ count: 0, exact: true });
    expect((await owner.get(`${base}/insights/count?status=bogus`)).statusCode).toBe(400);
    expect((await owner.get(`${base}/insights/count?limit=5`)).statusCode).toBe(400);
  });

  it('changes every matching insight at once, but only as many as were seen', async () => {
    const stale = await owner.post(`${base}/insights/bulk`, {
      filter: { tag: 'q4' },
      expectedCount: 24,
      action: 'set_status',
      status: 'archived',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    expect(await count('tag=q4')).toEqual({ count: 25, exact: true });

    const res = await owner.post(`${base}/insights/bulk`, {
      filter: { tag: 'q4' },
      expectedCount: 25,
      action: 'set_status',
      status: 'archived',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { updated: number; items: unknown[]; previous: { id: string; status: string }[] };
    expect(body).toMatchObject({ updated: 25, items: [] });
    expect(body.previous).toHaveLength(25);
    expect(new Set(body.previous.map((p) => p.status))).toEqual(new Set(['new']));
    expect(await count()).toEqual({ count: 5, exact: true });
    expect(await count('status=archived')).toEqual({ count: 25, exact: true });

    // Undone by ids, with the statuses it reported.
    const undo = await owner.post(`${base}/insights/bulk`, { ids: body.previous.map((p) => p.id), action: 'set_status', status: 'new' });
    expect(undo.json()).toMatchObject({ updated: 25 });
    expect(await count()).toEqual({ count: 30, exact: true });

    const tagged = await owner.post(`${base}/insights/bulk`, { filter: { q: 'dark' }, action: 'add_tags', tags: ['theme'] });
    expect(tagged.json()).toMatchObject({ updated: 5 });
    expect(await count('tag=theme')).toEqual({ count: 5, exact: true });
  });

  it('takes ids or a filter, never both or neither', async () => {
    const id = (await owner.get(`${base}/insights?limit=1`)).json().items[0].id;
    const both = await owner.post(`${base}/insights/bulk`, { ids: [id], filter: {}, action: 'set_importance', importance: 'critical' });
    expect(both.statusCode).toBe(400);
    expect((await owner.post(`${base}/insights/bulk`, { action: 'set_importance', importance: 'critical' })).statusCode).toBe(400);
    const expected = await owner.post(`${base}/insights/bulk`, {
      ids: [id],
      expectedCount: 1,
      action: 'set_importance',
      importance: 'critical',
    });
    expect(expected.statusCode).toBe(400);
    expect((await owner.post(`${base}/insights/bulk`, { filter: { bogus: 1 }, action: 'set_status', status: 'new' })).statusCode).toBe(400);
  });

  it('says "more than 10,000" beyond the limit, and refuses to act on so many at once', async () => {
    const slug = (await owner.post('/api/v1/workspaces', { name: 'Huge' })).json().slug;
    await importTexts(
      slug,
      Array.from({ length: 10_001 }, (_, i) => `Row ${i},big`),
    );
    const res = await owner.get(`/api/v1/workspaces/${slug}/insights/count`);
    expect(res.json()).toEqual({ count: 10_000, exact: false });
    const refused = await owner.post(`/api/v1/workspaces/${slug}/insights/bulk`, { filter: {}, action: 'set_status', status: 'triaged' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'rule_violated', errors: [{ path: 'body.filter' }] });
    expect((await owner.get(`/api/v1/workspaces/${slug}/insights/count?status=triaged`)).json()).toEqual({ count: 0, exact: true });
  });
});
