import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../src/server/testing/postgres.js';
import { UsageError } from './cli.js';
import { REPO_ROOT } from './paths.js';
import { readMemory, sleep } from './proc.js';

export interface CairnOptions {
  /** CAIRN_DATA: SQLite lives in <dataDir>/cairn.db. */
  dataDir: string;
  /** Set to run on PostgreSQL. */
  databaseUrl?: string | undefined;
  /** Reuse a port across restarts so clients keep their URL. */
  port?: number;
  /** Run the TypeScript sources through tsx instead of dist/ (correctness tests want the current code). */
  fromSource?: boolean;
}

export interface CairnProcess {
  url: string;
  port: number;
  pid: number;
  /** The last lines the server wrote, for error messages. */
  output(): string;
  memory(): ReturnType<typeof readMemory>;
  /** Null while running; how it ended otherwise (e.g. "code 1"). */
  exitStatus(): string | null;
  /** SIGKILL: no shutdown hook runs, like a power cut for the process. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
}

const BUILT_CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');

/** Benchmarks measure the production build; say how to get one instead of silently timing tsx. */
export function requireBuild(): void {
  if (!fs.existsSync(BUILT_CLI)) {
    throw new UsageError(`No production build at ${path.relative(process.cwd(), BUILT_CLI)}: run \`npm run build\` first.`);
  }
}

/** Starts `node bin/cairn.mjs serve` as its own process and waits until /api/v1/health answers. */
export async function startCairn(options: CairnOptions): Promise<CairnProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    CAIRN_DATA: options.dataDir,
    CAIRN_LOG_LEVEL: 'warn',
    CAIRN_RATE_LIMIT: '0',
  };
  delete env.DATABASE_URL;
  delete env.CAIRN_FROM_SOURCE;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.fromSource) env.CAIRN_FROM_SOURCE = '1';

  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'cairn.mjs'), 'serve'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => tail);
  const pid = child.pid!;
  return {
    url,
    port,
    pid,
    output: () => tail,
    memory: () => readMemory(pid),
    exitStatus: () =>
      child.exitCode !== null ? `code ${child.exitCode}` : child.signalCode !== null ? `signal ${child.signalCode}` : null,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Cairn exited while starting (code ${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`Cairn did not answer ${url}/api/v1/health within 60 s:\n${output()}`);
}
