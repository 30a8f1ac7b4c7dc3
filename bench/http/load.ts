import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../lib/paths.js';
import type { LoadJob, LoadMessage, LoadResult } from './load-protocol.js';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-worker.ts');

export interface LoadProcess {
  /** Runs one job (jobs run one after another) and returns its figures. */
  run(job: LoadJob): Promise<LoadResult>;
  stop(): Promise<void>;
}

/** Starts the process that generates load; it lives for the whole benchmark. */
export function startLoadProcess(): LoadProcess {
  const child: ChildProcess = fork(WORKER, [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    run(job) {
      const seconds = job.warmupSeconds + job.phases.reduce((sum, p) => sum + p.seconds, 0);
      return new Promise((resolve, reject) => {
        const limit = setTimeout(
          () => {
            child.kill('SIGKILL');
            reject(new Error(`Load for "${job.caseName}" did not finish within ${seconds + 60} s`));
          },
          (seconds + 60) * 1000,
        );
        const onExit = (code: number | null) => {
          clearTimeout(limit);
          reject(new Error(`Load process exited (${code}) during "${job.caseName}"`));
        };
        child.once('exit', onExit);
        child.once('message', (message: LoadMessage) => {
          clearTimeout(limit);
          child.off('exit', onExit);
          if ('result' in message) resolve(message.result);
          else reject(new Error(`Load for "${job.caseName}" failed: ${message.error}`));
        });
        child.send(job);
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
