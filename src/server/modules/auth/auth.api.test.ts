import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

describe.each(DIALECTS)('auth API on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const anon = new Client(t.app);
    expect((await anon.get('/api/v1/setup')).json()).toEqual({ needed: true });
    owner = await setupOwner(t.app);
  });
  afterAll(() => t.close());

  it('reports health with the database kind', async () => {
    const res = await new Client(t.app).get('/api/v1/health');
    expect(res.json()).toMatchObject({ status: 'ok', database: dialect });
  });

  it('runs set-up only once', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/v1/setup')).json()).toEqual({ needed: false });
    const res = await anon.post('/api/v1/setup', { name: 'Mallory', email: 'mallory@example.com', password: 'takeover123' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('setup_done');
  });

  it('signs in with a HttpOnly SameSite=Lax session cookie and signs out', async () => {
    const client = new Client(t.app);
    const res = await client.post('/api/v1/auth/login', { email: 'OWNER@example.com', password: 'correct horse battery' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe('owner@example.com');
    const session = res.cookies.find((c) => c.name === 'cairn_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.secure).toBeFalsy();
    expect((await client.get('/api/v1/auth/me')).json().user.email).toBe('owner@example.com');
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('marks the cookies Secure when served over HTTPS (behind a trusted proxy)', async () => {
    const https = await startTestApp('sqlite', { trustProxy: 1 });
    try {
      await setupOwner(https.app, 'tls@example.com');
      const res = await https.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'tls@example.com', password: 'correct horse battery' },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      for (const c of res.cookies) expect(c.secure, c.name).toBe(true);
    } finally {
      await https.close();
    }
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const a = await new Client(t.app).post('/api/v1/auth/login', { email: 'owner@example.com', password: 'wrong password' });
    const b = await new Client(t.app).post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'wrong password' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers 429 after more than ten failed sign-ins a minute from one address', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.8.7',
        payload: { email: 'owner@example.com', password: 'nope nope' },
      });
    // One failure already happened from the default address in other tests; this address starts clean.
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
    const blocked = await attempt();
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    expect(blocked.headers['retry-after']).toBeDefined();
    // Even the right password is refused while blocked; other addresses are unaffected.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.9.8.7',
      payload: { email: 'owner@example.com', password: 'correct horse battery' },
    });
    expect(right.statusCode).toBe(429);
  });

  it('needs the CSRF header for cookie-authenticated writes', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'owner@example.com', password: 'correct horse battery' },
    });
    const cookie = `cairn_session=${login.cookies.find((c) => c.name === 'cairn_session')?.value}`;
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/workspaces', headers: { cookie }, payload: { name: 'Forged' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { cookie, 'x-csrf-token': 'guess' },
      payload: { name: 'Forged' },
    });
    expect(wrong.statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/workspaces', headers: { cookie } });
    expect(list.json().items.map((w: { name: string }) => w.name)).not.toContain('Forged');
  });

  it('refuses a cross-site sign-in attempt', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'owner@example.com', password: 'correct horse battery' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('creates API tokens shown once, stored hashed, usable as Bearer, and revocable', async () => {
    const created = await owner.post('/api/v1/auth/tokens', { name: 'CLI on my laptop' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^cairn_/);
    const stored = await t.db.kysely.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const bearer = new Client(t.app);
    bearer.bearer = token;
    expect((await bearer.get('/api/v1/auth/me')).json()).toMatchObject({ via: 'token', user: { email: 'owner@example.com' } });
    // Bearer writes need no CSRF header.
    expect((await bearer.post('/api/v1/workspaces', { name: 'Via token' })).statusCode).toBe(201);
    const listed = (await owner.get('/api/v1/auth/tokens')).json().items;
    expect(listed.map((x: { id: string }) => x.id)).toContain(id);
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await owner.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
    const after = await bearer.get('/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect((await owner.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(404);
  });

  it('stores passwords as argon2id hashes', async () => {
    const user = await t.db.kysely
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'owner@example.com')
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers 401 without credentials and with a malformed Authorization header', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/v1/workspaces')).statusCode).toBe(401);
    expect((await anon.get('/api/v1/workspaces', { authorization: 'Basic abc' })).statusCode).toBe(401);
    expect((await anon.get('/api/v1/workspaces', { authorization: 'Bearer cairn_not-a-token' })).statusCode).toBe(401);
  });
});
