import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../testing/harness.js';

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
});
