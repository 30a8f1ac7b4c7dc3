import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/server/testing/postgres.js';
import { REPO_ROOT } from '../lib/paths.js';
import type { Sample } from './load-protocol.js';

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'limit-server.ts');

export interface LimitServer {
  url: string;
  /** Makes the server answer every request with this sample from now on. */
  serve(sample: Sample): Promise<void>;
  stop(): Promise<void>;
}

function nextMessage(child: ChildProcess, expected: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (m !== expected) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve();
    };
    const onExit = (code: number | null) => reject(new Error(`Limit server exited (${code}) before "${expected}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts the limit server in its own process, like Cairn. */
export async function startLimitServer(): Promise<LimitServer> {
  const port = await freePort();
  const child = fork(SERVER, [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LIMIT_PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await nextMessage(child, 'listening');
  return {
    url: `http://127.0.0.1:${port}`,
    async serve(sample) {
      const ready = nextMessage(child, 'ready');
      child.send(sample);
      await ready;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
