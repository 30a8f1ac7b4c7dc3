import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

/** Requests that arrive together must not slip past the checks that hold one at a time. */
describe.each(DIALECTS)('auth under concurrent requests on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('runs first-run set-up exactly once when several requests race for it', async () => {
    t = await startTestApp(dialect);
    const app = t.app;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: { name: `Owner ${i}`, email: `owner${i}@example.com`, password: 'correct horse battery' },
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('setup_done');
    const users = await t.db.kysely.selectFrom('users').select('email').execute();
    expect(users).toHaveLength(1);
  });

  it('tries at most ten sign-ins a minute from one address, however many arrive at once', async () => {
    t = await startTestApp(dialect);
    await setupOwner(t.app, 'owner@example.com', 'correct horse battery');
    const app = t.app;
    const attempt = (password: string, remoteAddress = '10.1.2.3') =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email: 'owner@example.com', password } });
    const results = await Promise.all(Array.from({ length: 40 }, () => attempt('wrong password')));
    const count = (status: number) => results.filter((r) => r.statusCode === status).length;
    expect({ 401: count(401), 429: count(429) }).toEqual({ 401: 10, 429: 30 });
    expect((await attempt('correct horse battery')).statusCode).toBe(429);
  });

  it('does not count a successful sign-in against the address', async () => {
    t = await startTestApp(dialect);
    await setupOwner(t.app, 'owner@example.com', 'correct horse battery');
    const app = t.app;
    const attempt = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.4.5.6',
        payload: { email: 'owner@example.com', password },
      });
    for (let i = 0; i < 12; i++) expect((await attempt('correct horse battery')).statusCode).toBe(200);
    const wrong = await Promise.all(Array.from({ length: 10 }, () => attempt('wrong password')));
    expect(wrong.map((r) => r.statusCode)).toEqual(Array(10).fill(401));
    expect((await attempt('wrong password')).statusCode).toBe(429);
  });
});
