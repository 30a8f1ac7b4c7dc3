import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Dialect } from '../server/db/connection.js';
import { createDatabase, dropDatabase } from '../server/testing/postgres.js';

/** The `cairn` command as people run it (bin/cairn.mjs, from the TypeScript sources), on each database. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cairn(env: NodeJS.ProcessEnv, args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'cairn.mjs'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CAIRN_FROM_SOURCE: '1', CAIRN_LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

let counter = 0;

describe.each(DIALECTS)('cairn CLI on %s', (dialect) => {
  let env: NodeJS.ProcessEnv;
  let cleanup = async () => {};

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-cli-'));
    env = { CAIRN_DATA: dataDir };
    if (dialect === 'postgres') {
      const adminUrl = inject('pgAdminUrl');
      const name = `cairn_cli_${process.pid}_${Date.now()}_${counter++}`;
      env.DATABASE_URL = await createDatabase(adminUrl, name);
      cleanup = () => dropDatabase(adminUrl, name);
    }
  });
  afterAll(async () => {
    await cleanup();
    fs.rmSync(String(env.CAIRN_DATA), { recursive: true, force: true });
  });

  it('migrate says which migrations it applied, then that the database is up to date', { timeout: 60_000 }, async () => {
    const first = await cairn(env, ['migrate']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied: 20261122_0001_foundation, 20261122_0002_discovery, /);
    const again = await cairn(env, ['migrate']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`Database is up to date (${dialect}).\n`);
  });

  it('user create makes an account that can be listed; the password can come from stdin', { timeout: 60_000 }, async () => {
    const created = await cairn(
      env,
      ['user', 'create', '--email', 'Ada@Example.com', '--name', 'Ada', '--password-stdin'],
      'analytical engine\n',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created account ada@example\.com \([0-9a-f-]{36}\)\.\n$/);
    const list = await cairn(env, ['user', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ada@example\.com\tAda\t/m);
  });

  it('answers bad input with one readable line and a non-zero exit', { timeout: 60_000 }, async () => {
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['user', 'create', '--email', 'not-an-email', '--password', 'long enough'], {}, /^cairn: email: /],
      [['user', 'create', '--email', 'bob@example.com', '--password', 'short'], {}, /^cairn: password: /],
      [['user', 'create', '--email', 'bob@example.com'], {}, /^cairn: give --password <password> or --password-stdin$/],
      [
        ['user', 'create', '--email', 'ada@example.com', '--password', 'another one'],
        {},
        /^cairn: An account with that email already exists$/,
      ],
      [['workspace', 'list', '--user', 'nobody@example.com'], {}, /^cairn: no account with email nobody@example\.com$/],
      [['user', 'list'], { CAIRN_TRUST_PROXY: 'everyone' }, /^cairn: invalid configuration: CAIRN_TRUST_PROXY: not a proxy address/],
      [['migrate'], { PORT: 'eighty' }, /^cairn: invalid configuration: PORT: /],
    ];
    const runs = await Promise.all(cases.map(([args, extra]) => cairn({ ...env, ...extra }, args)));
    runs.forEach((run, i) => {
      const [args, , pattern] = cases[i]!;
      const what = `${args.join(' ')}: ${run.stderr}`;
      expect(run.code, what).toBe(1);
      expect(run.stdout, what).toBe('');
      expect(run.stderr.trimEnd(), what).toMatch(pattern);
      expect(run.stderr.trimEnd().split('\n'), what).toHaveLength(1);
    });
  });
});
