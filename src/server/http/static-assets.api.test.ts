import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { connect } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * The web app's files: hashed assets are cached for good (a return visit asks for none of
 * them), the others are revalidated hourly, and none of them counts against the API's rate
 * limit — one cold visit of a screen loads over a hundred files.
 */
describe('serving the web app', () => {
  let webRoot: string;
  beforeAll(() => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-web-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(webRoot, 'assets', 'index-Ab12Cd34.js'), 'console.log("cairn")');
    fs.writeFileSync(path.join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
  afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

  const start = async () => {
    const db = connect({ dataDir: '/tmp', sqliteFile: ':memory:' });
    await migrateToLatest(db);
    const app = await buildApp({ db, config: { ...loadConfig({}), rateLimit: 5 }, webRoot, logger: false });
    return {
      app,
      close: async () => {
        await app.close();
        await db.close();
      },
    };
  };

  it('marks hashed assets immutable and the other files for revalidation', async () => {
    const { app, close } = await start();
    try {
      const asset = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.body).toBe('console.log("cairn")');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
      expect(icon.statusCode).toBe(200);
      expect(icon.headers['cache-control']).toBe('public, max-age=3600');
      // The page itself is always asked again, so a new version's assets are picked up.
      const page = await app.inject({ method: 'GET', url: '/w/acme/insights' });
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('id="root"');
    } finally {
      await close();
    }
  });

  it('serves an asset written after the start', async () => {
    const { app, close } = await start();
    try {
      fs.writeFileSync(path.join(webRoot, 'assets', 'late-Ef56Gh78.js'), 'export {}');
      const late = await app.inject({ method: 'GET', url: '/assets/late-Ef56Gh78.js' });
      expect(late.statusCode).toBe(200);
      expect(late.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    } finally {
      await close();
    }
  });

  it('does not count the web app against the rate limit, only the API', async () => {
    const { app, close } = await start();
    try {
      for (let i = 0; i < 20; i++) expect((await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' })).statusCode).toBe(200);
      for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
      const limited = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await close();
    }
  });
});
