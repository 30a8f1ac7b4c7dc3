import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-'));
}

/** The environment of a throwaway Cairn: its own port and data directory, quiet logs. */
export function serverEnv(port: number, dataDir: string): Record<string, string> {
  return { PORT: String(port), CAIRN_DATA: dataDir, CAIRN_LOG_LEVEL: 'warn', CAIRN_RATE_LIMIT: '0' };
}

export interface RunningCairn {
  url: string;
  stop: () => Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Cairn exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Cairn did not answer on ${url} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts a brand-new Cairn (empty database, set-up still needed) with the same command
 * as the shared test server; for journeys that must see the first-run screen.
 */
export async function startCairn(): Promise<RunningCairn> {
  const port = await freePort();
  const dataDir = freshDataDir();
  let log = '';
  const child = spawn(process.execPath, ['bin/cairn.mjs', 'serve'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...serverEnv(port, dataDir) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += String(d)));
  child.stderr?.on('data', (d) => (log += String(d)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
