import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

describe.each(DIALECTS)('products API on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ws: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    const res = await owner.post('/api/v1/workspaces', { name: 'Acme Corp' });
    expect(res.statusCode).toBe(201);
    ws = res.json().slug;
  });
  afterAll(() => t.close());

  it('creates, reads, lists and edits a product with its vision and segments', async () => {
    const created = await owner.post(`/api/v1/workspaces/${ws}/products`, {
      name: 'Mobile app',
      vision: '# For busy parents\nWho need…',
      segments: [{ name: 'Parents', description: 'Two kids or more' }],
    });
    expect(created.statusCode).toBe(201);
    const product = created.json();
    expect(product).toMatchObject({ name: 'Mobile app', stage: 'conception', version: 1, segments: [{ name: 'Parents' }] });

    const got = await owner.get(`/api/v1/workspaces/${ws}/products/${product.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');

    const patched = await owner.patch(`/api/v1/workspaces/${ws}/products/${product.id}`, { vision: 'Sharper' }, { 'if-match': '"1"' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ vision: 'Sharper', version: 2 });

    const list = await owner.get(`/api/v1/workspaces/${ws}/products`);
    expect(list.json().items.map((p: { name: string }) => p.name)).toContain('Mobile app');
  });

  it('detects concurrent edits: the second writer with the same version gets 409 and the current state', async () => {
    const product = (await owner.post(`/api/v1/workspaces/${ws}/products`, { name: 'Race' })).json();
    const url = `/api/v1/workspaces/${ws}/products/${product.id}`;
    const [a, b] = await Promise.all([owner.patch(url, { name: 'Race A', version: 1 }), owner.patch(url, { name: 'Race B', version: 1 })]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(loser.json()).toMatchObject({ code: 'version_conflict', current: { version: 2 } });
    const final = (await owner.get(url)).json();
    expect(final.name).toBe(a.statusCode === 200 ? 'Race A' : 'Race B');
  });

  it('requires the version on PATCH', async () => {
    const product = (await owner.post(`/api/v1/workspaces/${ws}/products`, { name: 'No version' })).json();
    const res = await owner.patch(`/api/v1/workspaces/${ws}/products/${product.id}`, { name: 'x' });
    expect(res.statusCode).toBe(428);
    expect(res.json().code).toBe('precondition_required');
  });

  it('moves the lifecycle stage, records history and activity, and refuses illegal moves', async () => {
    const product = (await owner.post(`/api/v1/workspaces/${ws}/products`, { name: 'Lifecycle' })).json();
    const base = `/api/v1/workspaces/${ws}/products/${product.id}`;
    const moved = await owner.post(`${base}/stage`, { stage: 'build', note: 'Problem validated with 12 interviews' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().product.stage).toBe('build');
    expect(moved.json().entry).toMatchObject({ fromStage: 'conception', toStage: 'build', note: 'Problem validated with 12 interviews' });
    expect(moved.json().entry.openGateItems).toContain('vision_written');

    const back2 = await owner.post(`${base}/stage`, { stage: 'conception' });
    expect(back2.statusCode).toBe(422);
    expect(back2.json().code).toBe('stage_transition_not_allowed');

    const history = (await owner.get(`${base}/stages`)).json().items;
    expect(history.map((h: { toStage: string }) => h.toStage)).toEqual(['build', 'conception']);
    expect(history[0].actor.name).toBe('Olivia Owner');

    const activity = (await owner.get(`/api/v1/workspaces/${ws}/activity?entity=product&id=${product.id}`)).json();
    expect(activity.items.map((e: { action: string }) => e.action)).toEqual(['stage_changed', 'created']);
    expect(activity.items[0]).toMatchObject({
      changes: { stage: { from: 'conception', to: 'build' } },
      note: 'Problem validated with 12 interviews',
    });
  });

  it('archives, lists archived separately, restores and deletes', async () => {
    const product = (await owner.post(`/api/v1/workspaces/${ws}/products`, { name: 'Zed old' })).json();
    const url = `/api/v1/workspaces/${ws}/products/${product.id}`;
    expect((await owner.patch(url, { archived: true, version: 1 })).json().archivedAt).not.toBeNull();
    const active = (await owner.get(`/api/v1/workspaces/${ws}/products`)).json().items;
    expect(active.find((p: { id: string }) => p.id === product.id)).toBeUndefined();
    const archived = (await owner.get(`/api/v1/workspaces/${ws}/products?archived=true`)).json().items;
    expect(archived.map((p: { id: string }) => p.id)).toEqual([product.id]);
    expect((await owner.delete(url)).statusCode).toBe(204);
    expect((await owner.get(url)).statusCode).toBe(404);
  });

  it('paginates with a cursor', async () => {
    const res = await owner.post('/api/v1/workspaces', { name: 'Paging' });
    const slug = res.json().slug;
    for (let i = 0; i < 7; i++) await owner.post(`/api/v1/workspaces/${slug}/products`, { name: `P${i}` });
    const first = (await owner.get(`/api/v1/workspaces/${slug}/products?limit=3`)).json();
    expect(first.items).toHaveLength(3);
    const second = (await owner.get(`/api/v1/workspaces/${slug}/products?limit=3&cursor=${first.nextCursor}`)).json();
    const third = (await owner.get(`/api/v1/workspaces/${slug}/products?limit=3&cursor=${second.nextCursor}`)).json();
    expect([...first.items, ...second.items, ...third.items].map((p: { name: string }) => p.name)).toEqual([
      'P0',
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P6',
    ]);
    expect(third.nextCursor).toBeNull();
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await addMember(t.app, owner, ws, 'viewer@example.com', 'viewer');
    expect((await viewer.get(`/api/v1/workspaces/${ws}/products`)).statusCode).toBe(200);
    const res = await viewer.post(`/api/v1/workspaces/${ws}/products`, { name: 'Nope' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });
});
