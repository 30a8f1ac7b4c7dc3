import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for tests and benchmarks: Debian's PostgreSQL binaries,
 * a fresh data directory in /tmp, a free loopback port. PostgreSQL refuses to run as root,
 * so as root it runs as the `postgres` system user.
 */
export interface ThrowawayPostgres {
  url: string;
  port: number;
  /** Stops the server (fast shutdown) and deletes its data. */
  stop(): Promise<void>;
  /** Stops and starts the same server again (data kept), to test reconnection. */
  restart(): Promise<void>;
}

/** CAIRN_PG_BIN, else the newest PostgreSQL installed under /usr/lib/postgresql/<version>/bin (Debian's layout). */
export function findBinDir(root = '/usr/lib/postgresql', override = process.env.CAIRN_PG_BIN): string {
  if (override) {
    if (fs.existsSync(path.join(override, 'postgres'))) return override;
    throw new Error(`CAIRN_PG_BIN=${override} has no postgres binary in it.`);
  }
  const versions = (fs.existsSync(root) ? fs.readdirSync(root) : [])
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  for (const version of versions) {
    const dir = path.join(root, version, 'bin');
    if (fs.existsSync(path.join(dir, 'postgres'))) return dir;
  }
  throw new Error(
    `PostgreSQL binaries not found under ${root}/*/bin: install Debian's postgresql package (apt-get install -y postgresql), ` +
      'set CAIRN_PG_BIN to the directory holding them, or point CAIRN_TEST_DATABASE_URL at a running server.',
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const isRoot = process.getuid?.() === 0;

/** As root, processes run directly as the postgres user (no runuser in between, so signals reach postgres). */
function postgresIds(): { uid: number; gid: number } | undefined {
  if (!isRoot) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export async function startThrowawayPostgres(options: { durable?: boolean } = {}): Promise<ThrowawayPostgres> {
  const bin = findBinDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-pg-'));
  const dataDir = path.join(root, 'data');
  if (isRoot) execFileSync('chown', ['postgres:postgres', root]);
  fs.chmodSync(root, 0o700);
  const ids = postgresIds();
  const initArgs = ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'];
  execFileSync(path.join(bin, 'initdb'), initArgs, { stdio: 'pipe', cwd: root, ...ids });
  const port = await freePort();
  // Tests favour speed; durability settings are kept when a caller measures crashes.
  const speed = options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const serverArgs = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    root,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=200',
    ...speed,
  ];

  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn(path.join(bin, 'postgres'), serverArgs, { stdio: ['ignore', 'ignore', 'pipe'], cwd: root, ...ids });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    await waitUntilReady(port, () => stderr);
  };
  const halt = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGINT');
    });
  };
  await launch();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await halt();
      fs.rmSync(root, { recursive: true, force: true });
    },
    async restart() {
      await halt();
      await launch();
    },
  };
}

async function waitUntilReady(port: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not start on port ${port}:\n${stderr()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Creates a fresh database on a server and returns its URL; drop it with dropDatabase. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
