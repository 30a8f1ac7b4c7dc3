import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

/** A feature's owner is a member of the workspace; the list filters by owners (or by none). */
describe.each(DIALECTS)('feature owners on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ws: string;
  let base: string;
  let me: string;
  let po: string;
  const titles = async (query: string) => {
    const res = await owner.get(`${base}/features?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { title: string }[]).map((f) => f.title).sort();
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    ws = (await owner.post('/api/v1/workspaces', { name: 'Owners' })).json().slug;
    base = `/api/v1/workspaces/${ws}`;
    await addMember(t.app, owner, ws, 'po@example.com', 'product_owner');
    const members = (await owner.get(`${base}/members`)).json().items as { email: string; userId: string }[];
    me = members.find((m) => m.email === 'owner@example.com')!.userId;
    po = members.find((m) => m.email === 'po@example.com')!.userId;
    await owner.post(`${base}/features`, { title: 'Mine', ownerId: me });
    await owner.post(`${base}/features`, { title: 'Theirs', ownerId: po });
    await owner.post(`${base}/features`, { title: 'Nobody’s' });
  });
  afterAll(() => t.close());

  it('lists the features of one owner, of several, or of none', async () => {
    expect(await titles(`ownerId=${me}`)).toEqual(['Mine']);
    expect(await titles(`ownerId=${me},${po}`)).toEqual(['Mine', 'Theirs']);
    expect(await titles('ownerId=none')).toEqual(['Nobody’s']);
    expect(await titles(`ownerId=none,${po}`)).toEqual(['Nobody’s', 'Theirs']);
    expect(await titles('ownerId=0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toEqual([]);
    // With the other filters and sorts, page after page.
    const first = (await owner.get(`${base}/features?ownerId=none,${me}&sort=title&limit=1`)).json();
    expect(first.items.map((f: { title: string }) => f.title)).toEqual(['Mine']);
    const next = (await owner.get(`${base}/features?ownerId=none,${me}&sort=title&limit=1&cursor=${first.nextCursor}`)).json();
    expect(next.items.map((f: { title: string }) => f.title)).toEqual(['Nobody’s']);
  });

  it('refuses an owner filter that is not a user id', async () => {
    const res = await owner.get(`${base}/features?ownerId=bob`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect((await owner.get(`${base}/features?ownerId=${Array.from({ length: 21 }, () => me).join(',')}`)).statusCode).toBe(400);
  });

  it('sets, changes and clears the owner, who must be a member', async () => {
    const f = (await owner.post(`${base}/features`, { title: 'Handover' })).json();
    const set = await owner.patch(`${base}/features/${f.id}`, { ownerId: po, version: f.version });
    expect(set.json()).toMatchObject({ ownerId: po });
    const stranger = await owner.patch(`${base}/features/${f.id}`, {
      ownerId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      version: set.json().version,
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors).toEqual([{ path: 'body.ownerId', message: 'Not a member' }]);
    const cleared = await owner.patch(`${base}/features/${f.id}`, { ownerId: null, version: set.json().version });
    expect(cleared.json()).toMatchObject({ ownerId: null });
  });
});
