import net from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { connect } from '../../db/connection.js';
import { DIALECTS, startTestApp } from '../../testing/harness.js';
import { freePort } from '../../testing/postgres.js';
import { APP_VERSION } from '../../version.js';

/** Health answers for the whole service: it asks the database, and says 503 when it cannot. */
describe.each(DIALECTS)('health on %s', (dialect) => {
  it('answers exactly status, database and version when the database answers', async () => {
    const t = await startTestApp(dialect);
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: dialect, version: APP_VERSION });
    } finally {
      await t.close();
    }
  });

  it('answers 503 problem+json when the database is gone', async () => {
    // A connection of its own (to the server's admin database on PostgreSQL), closed under the app.
    const db =
      dialect === 'postgres'
        ? connect({ databaseUrl: inject('pgAdminUrl'), dataDir: '/tmp', poolSize: 1 })
        : connect({ dataDir: '/tmp', sqliteFile: ':memory:' });
    const app = await buildApp({ db, config: { ...loadConfig({}), rateLimit: 0 }, webRoot: null, logger: false, validateResponses: true });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
      await db.close();
      const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.json()).toMatchObject({ code: 'unavailable', status: 503 });
    } finally {
      await app.close();
    }
  });
});

describe('health with PostgreSQL out of reach', () => {
  const appOn = async (url: string) => {
    const db = connect({ databaseUrl: url, dataDir: '/tmp', poolSize: 1 });
    const app = await buildApp({ db, config: { ...loadConfig({}), rateLimit: 0 }, webRoot: null, logger: false, validateResponses: true });
    return { app, db };
  };

  it('answers 503 when nothing listens where the database should be', async () => {
    const { app, db } = await appOn(`postgres://postgres@127.0.0.1:${await freePort()}/cairn`);
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('unavailable');
      expect(res.body).not.toContain('127.0.0.1');
    } finally {
      await app.close();
      await db.close();
    }
  });

  it('answers 503 within seconds when the database accepts but never answers', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => sockets.add(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    const { app, db } = await appOn(`postgres://postgres@127.0.0.1:${port}/cairn`);
    try {
      const started = Date.now();
      const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(503);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
      await app.close();
      await db.close();
    }
  });
});
