import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/schema.js';
import { newId, nowIso } from '../lib/ids.js';
import { addMember, Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../testing/harness.js';
import { ResponseCache } from './response-cache.js';

/**
 * The product list is answered from a cache of the bytes last sent while the workspace has
 * not changed. These tests hold it to what a user expects: every change shows on the next
 * read, whoever made it and however, and every caller is still checked on every request.
 */

/** Writes a product and its change-log entry the way another app server would: straight into the database. */
async function insertProduct(db: Kysely<Database>, workspaceId: string, name: string) {
  const now = nowIso();
  const id = newId();
  await db
    .insertInto('products')
    .values({
      id,
      workspace_id: workspaceId,
      name,
      vision: '',
      stage: 'conception',
      segments: '[]',
      checklist: '{}',
      scoring_frameworks: '["rice"]',
      archived_at: null,
      created_by: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('change_log')
    .values({
      workspace_id: workspaceId,
      entity: 'product',
      entity_id: id,
      action: 'created',
      actor_id: null,
      at: now,
      changes: '{}',
      note: null,
    })
    .execute();
  return id;
}

describe.each(DIALECTS)('cached product list on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ws: string;
  let wsId: string;
  const names = async (client: Client, query = '') => {
    const res = await client.get(`/api/v1/workspaces/${ws}/products?limit=200${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return (res.json().items as { name: string }[]).map((p) => p.name);
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    const created = (await owner.post('/api/v1/workspaces', { name: 'Cache Co' })).json();
    ws = created.slug;
    wsId = created.id;
  });
  afterAll(() => t.close());

  it('shows every change through the API on the very next read, the same bytes otherwise', async () => {
    const products = `/api/v1/workspaces/${ws}/products`;
    const a = (await owner.post(products, { name: 'Alpha' })).json();
    const first = await owner.get(`${products}?limit=200`);
    const again = await owner.get(`${products}?limit=200`);
    expect(again.body).toBe(first.body);
    expect(first.json().items.map((p: { name: string }) => p.name)).toEqual(['Alpha']);

    await owner.post(products, { name: 'Beta', stage: 'build' });
    expect(await names(owner)).toEqual(['Alpha', 'Beta']);
    // Another query is another answer, cached on its own.
    expect(await names(owner, '&stage=build')).toEqual(['Beta']);

    const renamed = await owner.patch(`${products}/${a.id}`, { name: 'Aardvark' }, { 'if-match': '"1"' });
    expect(renamed.statusCode).toBe(200);
    expect(await names(owner)).toEqual(['Aardvark', 'Beta']);

    const moved = await owner.post(`${products}/${a.id}/stage`, { stage: 'build' });
    expect(moved.statusCode).toBe(200);
    expect(await names(owner, '&stage=build')).toEqual(['Aardvark', 'Beta']);

    expect((await owner.delete(`${products}/${a.id}`)).statusCode).toBe(204);
    expect(await names(owner)).toEqual(['Beta']);
    expect(await names(owner, '&stage=build')).toEqual(['Beta']);
  });

  it('shows a change another server wrote straight into the database', async () => {
    const before = await names(owner);
    await insertProduct(t.db.kysely, wsId, 'Zulu from elsewhere');
    expect(await names(owner)).toEqual([...before, 'Zulu from elsewhere']);
  });

  it('still checks who is asking on every request once the answer is cached', async () => {
    expect((await names(owner)).length).toBeGreaterThan(0);
    const viewer = await addMember(t.app, owner, ws, 'viewer@example.com', 'viewer');
    expect(await names(viewer)).toEqual(await names(owner));

    const elsewhere = (await owner.post('/api/v1/workspaces', { name: 'Elsewhere' })).json();
    const outsider = await addMember(t.app, owner, elsewhere.slug, 'outsider@example.com', 'product_manager');
    expect((await outsider.get(`/api/v1/workspaces/${ws}/products?limit=200`)).statusCode).toBe(404);
    expect((await new Client(t.app).get(`/api/v1/workspaces/${ws}/products?limit=200`)).statusCode).toBe(401);

    const token = (await owner.post('/api/v1/auth/tokens', { name: 'cache test' })).json();
    const bearer = new Client(t.app);
    bearer.bearer = token.token;
    expect(await names(bearer)).toEqual(await names(owner));
    expect((await owner.delete(`/api/v1/auth/tokens/${token.id}`)).statusCode).toBe(204);
    expect((await bearer.get(`/api/v1/workspaces/${ws}/products?limit=200`)).statusCode).toBe(401);

    // Removed from the workspace: 404 at once, cached answer or not.
    const members = (await owner.get(`/api/v1/workspaces/${ws}/members`)).json().items as { id: string; email: string }[];
    const member = members.find((m) => m.email === 'viewer@example.com')!;
    expect((await owner.delete(`/api/v1/workspaces/${ws}/members/${member.id}`)).statusCode).toBe(204);
    expect((await viewer.get(`/api/v1/workspaces/${ws}/products?limit=200`)).statusCode).toBe(404);
  });

  it.runIf(dialect === 'postgres')(
    'never keeps an answer that misses a change still being committed when a later one is visible',
    async () => {
      const before = await names(owner);
      let inserted!: () => void;
      let release!: () => void;
      const ready = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      // T1 takes its change-log number first and commits last.
      const slow = t.db.kysely.transaction().execute(async (trx) => {
        await insertProduct(trx, wsId, 'Slow writer');
        inserted();
        await held;
      });
      await ready;
      try {
        await t.db.kysely.transaction().execute((trx) => insertProduct(trx, wsId, 'Fast writer'));
        expect(await names(owner)).toEqual([...before, 'Fast writer'].sort());
      } finally {
        release();
        await slow;
      }
      expect(await names(owner)).toEqual([...before, 'Fast writer', 'Slow writer'].sort());
    },
  );
});

describe('ResponseCache', () => {
  it('keeps an answer only for the stamp it was built at, and drops the least recently used past its budget', () => {
    const cache = new ResponseCache();
    cache.set('a', 5, Buffer.from('A'));
    expect(cache.get('a', 6)).toBeNull();
    expect(cache.get('a', 5)).toBeNull(); // a stale entry is gone for good
    cache.set('a', 6, Buffer.from('A'));
    expect(cache.get('a', 6)?.toString()).toBe('A');

    const big = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 7; i += 1) cache.set(`big${i}`, 1, big); // 7 MiB
    expect(cache.get('a', 6)).not.toBeNull(); // touched: now the most recently used
    cache.set('big7', 1, big); // past 8 MiB: the least recently used goes
    expect(cache.get('big0', 1)).toBeNull();
    expect(cache.get('big1', 1)).not.toBeNull();
    expect(cache.get('a', 6)).not.toBeNull();
    cache.set('huge', 1, Buffer.alloc(5 * 1024 * 1024));
    expect(cache.get('huge', 1)).toBeNull();
  });
});
