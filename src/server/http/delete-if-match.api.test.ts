import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../testing/harness.js';

/**
 * Deleting what someone else has just changed is detected as editing it is: a DELETE that
 * names the version it saw (If-Match) deletes only that version, a stale one gets 409 with
 * the current state and deletes nothing. Without If-Match a delete goes ahead, as before.
 */
describe.each(DIALECTS)('DELETE with If-Match on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    base = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Deletes' })).json().slug}`;
  });
  afterAll(() => t.close());

  const created = async (path: string, body: unknown) => {
    const res = await owner.post(`${base}/${path}`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };

  /** Each versioned kind: how to make one, its URL, a change that bumps its version, and its change-log entity. */
  const kinds: { name: string; entity: string; make: () => Promise<{ url: string; edit: unknown; exists?: () => Promise<boolean> }> }[] = [
    {
      name: 'a product',
      entity: 'product',
      make: async () => ({ url: `products/${(await created('products', { name: 'P' })).id}`, edit: { name: 'P2' } }),
    },
    {
      name: 'a customer',
      entity: 'customer',
      make: async () => ({ url: `customers/${(await created('customers', { name: 'C' })).id}`, edit: { name: 'C2' } }),
    },
    {
      name: 'an insight',
      entity: 'insight',
      make: async () => ({
        url: `insights/${(await created('insights', { text: 'Too slow', source: 'support' })).id}`,
        edit: { text: 'Far too slow' },
      }),
    },
    {
      name: 'a feature',
      entity: 'feature',
      make: async () => ({ url: `features/${(await created('features', { title: 'F' })).id}`, edit: { title: 'F2' } }),
    },
    {
      name: 'an objective',
      entity: 'objective',
      make: async () => ({
        url: `objectives/${(await created('objectives', { title: 'O', period: { kind: 'year', year: 2027 } })).id}`,
        edit: { title: 'O2' },
      }),
    },
    {
      name: 'a key result',
      entity: 'key_result',
      make: async () => {
        const objective = await created('objectives', { title: 'Parent', period: { kind: 'year', year: 2027 } });
        const kr = await created(`objectives/${objective.id}/key-results`, { title: 'KR', baseline: 0, target: 10 });
        // Key results are read with their objective, not one by one.
        const exists = async () =>
          ((await owner.get(`${base}/objectives/${objective.id}/key-results`)).json().items as { id: string }[]).some(
            (k) => k.id === kr.id,
          );
        return { url: `objectives/${objective.id}/key-results/${kr.id}`, edit: { current: 4 }, exists };
      },
    },
  ];

  for (const kind of kinds) {
    it(`refuses to delete ${kind.name} changed since the version named, and deletes the current one`, async () => {
      const { url, edit, exists: listed } = await kind.make();
      const id = url.split('/').at(-1);
      const exists = listed ?? (async () => (await owner.get(`${base}/${url}`)).statusCode === 200);
      // Someone else edits it: version 1 → 2.
      const edited = await owner.patch(`${base}/${url}`, edit, { 'if-match': '"1"' });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().version).toBe(2);

      const stale = await owner.delete(`${base}/${url}`, { 'if-match': '"1"' });
      expect(stale.statusCode, stale.body).toBe(409);
      expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { id, version: 2 } });
      expect(await exists()).toBe(true);
      const log = (await owner.get(`${base}/activity?entity=${kind.entity}&id=${id}`)).json().items as { action: string }[];
      expect(log.map((e) => e.action)).not.toContain('deleted');

      expect((await owner.delete(`${base}/${url}`, { 'if-match': 'banana' })).statusCode).toBe(400);
      expect((await owner.delete(`${base}/${url}`, { 'if-match': '"2"' })).statusCode).toBe(204);
      expect(await exists()).toBe(false);
    });
  }

  it('deletes without If-Match, as a client that does not track versions expects', async () => {
    const product = await created('products', { name: 'No header' });
    await owner.patch(`${base}/products/${product.id}`, { name: 'Renamed' }, { 'if-match': '"1"' });
    expect((await owner.delete(`${base}/products/${product.id}`)).statusCode).toBe(204);
  });
});
