import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createStore } from '../../../bench/lib/store.js';
import { findBinDir } from './postgres.js';

describe('finding PostgreSQL binaries', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });
  const install = (versions: string[], withBinary = versions) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-pgbin-'));
    roots.push(root);
    for (const v of versions) {
      fs.mkdirSync(path.join(root, v, 'bin'), { recursive: true });
      if (withBinary.includes(v)) fs.writeFileSync(path.join(root, v, 'bin', 'postgres'), '');
    }
    return root;
  };

  it('takes the newest installed version, whichever it is', () => {
    const root = install(['9.6', '13', '18', '15']);
    expect(findBinDir(root, undefined)).toBe(path.join(root, '18', 'bin'));
    expect(findBinDir(install(['12']), undefined)).toMatch(/12\/bin$/);
  });

  it('skips a version directory without the server binary (client-only packages)', () => {
    const root = install(['16', '17'], ['16']);
    expect(findBinDir(root, undefined)).toBe(path.join(root, '16', 'bin'));
  });

  it('prefers CAIRN_PG_BIN, and says so when it is wrong', () => {
    const root = install(['14', '17']);
    expect(findBinDir(root, path.join(root, '14', 'bin'))).toBe(path.join(root, '14', 'bin'));
    expect(() => findBinDir(root, '/nowhere')).toThrow(/CAIRN_PG_BIN=\/nowhere has no postgres binary/);
  });

  it('says how to get PostgreSQL when none is installed', () => {
    expect(() => findBinDir(install([]), undefined)).toThrow(/apt-get install -y postgresql.*CAIRN_TEST_DATABASE_URL/);
  });
});

describe('benchmark stores on PostgreSQL', () => {
  const saved = { url: process.env.CAIRN_TEST_DATABASE_URL, bin: process.env.CAIRN_PG_BIN };
  afterEach(() => {
    for (const [key, value] of [
      ['CAIRN_TEST_DATABASE_URL', saved.url],
      ['CAIRN_PG_BIN', saved.bin],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('use the server CAIRN_TEST_DATABASE_URL points at, like the test suites, and drop their database after', async () => {
    const adminUrl = inject('pgAdminUrl');
    process.env.CAIRN_TEST_DATABASE_URL = adminUrl;
    // No PostgreSQL of its own could start: the store must not try.
    process.env.CAIRN_PG_BIN = '/nowhere';
    const store = await createStore('postgres');
    expect(store.postgres).toBeNull();
    const name = new URL(store.databaseUrl!).pathname.slice(1);
    expect(new URL(store.databaseUrl!).port).toBe(new URL(adminUrl).port);
    const db = store.open();
    await db.kysely.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
    await db.close();
    await store.dispose();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const left = await admin.query('select 1 from pg_database where datname = $1', [name]);
      expect(left.rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
