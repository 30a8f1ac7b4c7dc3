import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

describe.each(DIALECTS)('workspaces and members on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
  });
  afterAll(() => t.close());

  it('creates workspaces with derived or chosen slugs and lists mine', async () => {
    const a = (await owner.post('/api/v1/workspaces', { name: 'Client Été' })).json();
    expect(a).toMatchObject({ slug: 'client-ete', name: 'Client Été', role: 'owner', version: 1 });
    const b = (await owner.post('/api/v1/workspaces', { name: 'Client Été' })).json();
    expect(b.slug).toBe('client-ete-2');
    const c = await owner.post('/api/v1/workspaces', { name: 'Custom', slug: 'client-ete' });
    expect(c.statusCode).toBe(409);
    expect(c.json().code).toBe('slug_taken');
    const bad = await owner.post('/api/v1/workspaces', { name: 'Bad', slug: 'Not A Slug' });
    expect(bad.statusCode).toBe(400);
    const list = (await owner.get('/api/v1/workspaces')).json().items.map((w: { slug: string }) => w.slug);
    expect(list).toEqual(expect.arrayContaining(['client-ete', 'client-ete-2']));
  });

  it('accepts the id or the slug in paths and renames with a version', async () => {
    const ws = (await owner.post('/api/v1/workspaces', { name: 'Renamable' })).json();
    expect((await owner.get(`/api/v1/workspaces/${ws.id}`)).json().slug).toBe('renamable');
    expect((await owner.get(`/api/v1/workspaces/${ws.slug}`)).json().id).toBe(ws.id);
    const renamed = await owner.patch(`/api/v1/workspaces/${ws.id}`, { name: 'Renamed', slug: 'renamed' }, { 'if-match': '1' });
    expect(renamed.json()).toMatchObject({ name: 'Renamed', slug: 'renamed', version: 2 });
    const stale = await owner.patch(`/api/v1/workspaces/renamed`, { name: 'Stale', version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('invites by email with a role; the link lets the invitee set a password and join', async () => {
    const ws = (await owner.post('/api/v1/workspaces', { name: 'Team' })).json();
    const invite = await owner.post(`/api/v1/workspaces/${ws.slug}/members`, { email: 'Dev@Example.com', role: 'contributor' });
    expect(invite.statusCode).toBe(201);
    const inv = invite.json();
    expect(inv).toMatchObject({ email: 'dev@example.com', role: 'contributor', status: 'invited' });
    expect(inv.inviteUrl).toMatch(new RegExp(`/invite/${inv.inviteToken}$`));
    expect((await owner.post(`/api/v1/workspaces/${ws.slug}/members`, { email: 'dev@example.com', role: 'viewer' })).statusCode).toBe(409);

    const invitee = new Client(t.app);
    const info = (await invitee.get(`/api/v1/invitations/${inv.inviteToken}`)).json();
    expect(info).toMatchObject({ email: 'dev@example.com', role: 'contributor', accountExists: false, workspace: { name: 'Team' } });
    expect((await invitee.post(`/api/v1/invitations/${inv.inviteToken}/accept`, { name: 'Dev' })).statusCode).toBe(400);
    const accepted = await invitee.post(`/api/v1/invitations/${inv.inviteToken}/accept`, { name: 'Dev', password: 'dev password' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().workspace).toMatchObject({ slug: 'team', role: 'contributor' });
    expect((await invitee.get('/api/v1/workspaces')).json().items.map((w: { slug: string }) => w.slug)).toEqual(['team']);
    // The link works once.
    expect((await new Client(t.app).get(`/api/v1/invitations/${inv.inviteToken}`)).statusCode).toBe(422);

    const members = (await owner.get(`/api/v1/workspaces/${ws.slug}/members`)).json().items;
    expect(members.map((m: { email: string; status: string }) => [m.email, m.status])).toEqual([
      ['owner@example.com', 'active'],
      ['dev@example.com', 'active'],
    ]);
  });

  it('lets an existing account accept only when signed in as the invited email', async () => {
    const ws = (await owner.post('/api/v1/workspaces', { name: 'Second client' })).json();
    await addMember(t.app, owner, ws.slug, 'pm@example.com', 'product_manager');
    const other = (await owner.post('/api/v1/workspaces', { name: 'Third client' })).json();
    const inv = (await owner.post(`/api/v1/workspaces/${other.slug}/members`, { email: 'pm@example.com', role: 'viewer' })).json();
    expect((await new Client(t.app).get(`/api/v1/invitations/${inv.inviteToken}`)).json().accountExists).toBe(true);
    expect((await new Client(t.app).post(`/api/v1/invitations/${inv.inviteToken}/accept`, {})).statusCode).toBe(401);
    expect((await owner.post(`/api/v1/invitations/${inv.inviteToken}/accept`, {})).statusCode).toBe(422);
    const pm = await new Client(t.app).login('pm@example.com', 'member password 1');
    const ok = await pm.post(`/api/v1/invitations/${inv.inviteToken}/accept`, {});
    expect(ok.statusCode).toBe(200);
    expect((await pm.get('/api/v1/workspaces')).json().items).toHaveLength(2);
  });

  it('changes roles and protects the last owner', async () => {
    const ws = (await owner.post('/api/v1/workspaces', { name: 'Roles' })).json();
    await addMember(t.app, owner, ws.slug, 'po@example.com', 'product_owner');
    const members = (await owner.get(`/api/v1/workspaces/${ws.slug}/members`)).json().items;
    const me = members.find((m: { email: string }) => m.email === 'owner@example.com');
    const po = members.find((m: { email: string }) => m.email === 'po@example.com');
    const last = await owner.patch(`/api/v1/workspaces/${ws.slug}/members/${me.id}`, { role: 'viewer' });
    expect(last.statusCode).toBe(422);
    expect(last.json().code).toBe('last_owner');
    expect((await owner.delete(`/api/v1/workspaces/${ws.slug}/members/${me.id}`)).statusCode).toBe(422);
    const promoted = await owner.patch(`/api/v1/workspaces/${ws.slug}/members/${po.id}`, { role: 'product_manager' });
    expect(promoted.json().role).toBe('product_manager');
    expect((await owner.delete(`/api/v1/workspaces/${ws.slug}/members/${po.id}`)).statusCode).toBe(204);
    const activity = (await owner.get(`/api/v1/workspaces/${ws.slug}/activity?entity=member`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(activity).toEqual(['removed', 'role_changed', 'joined', 'invited']);
  });

  it('hides other workspaces: any id or slug of a workspace I am not in is 404, never data', async () => {
    const theirs = (await owner.post('/api/v1/workspaces', { name: 'Secret client' })).json();
    const product = (await owner.post(`/api/v1/workspaces/${theirs.slug}/products`, { name: 'Secret product' })).json();
    const mine = (await owner.post('/api/v1/workspaces', { name: 'Outsider home' })).json();
    const outsider = await addMember(t.app, owner, mine.slug, 'outsider@example.com', 'owner');
    for (const ref of [theirs.slug, theirs.id, 'does-not-exist']) {
      for (const path of ['', '/members', '/products', `/products/${product.id}`, '/activity']) {
        const res = await outsider.get(`/api/v1/workspaces/${ref}${path}`);
        expect(res.statusCode, `${ref}${path}`).toBe(404);
        expect(res.body).not.toContain('Secret');
      }
      expect((await outsider.post(`/api/v1/workspaces/${ref}/products`, { name: 'x' })).statusCode).toBe(404);
    }
    // A product id of another workspace through my own workspace is 404 too.
    expect((await outsider.get(`/api/v1/workspaces/${mine.slug}/products/${product.id}`)).statusCode).toBe(404);
    expect(
      (await outsider.patch(`/api/v1/workspaces/${mine.slug}/products/${product.id}`, { name: 'hijack', version: 1 })).statusCode,
    ).toBe(404);
    expect((await owner.get(`/api/v1/workspaces/${theirs.slug}/products/${product.id}`)).json().name).toBe('Secret product');
  });
});
