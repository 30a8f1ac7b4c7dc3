import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * `npm start` runs the server as a child of scripts/start.mjs. These tests run that wrapper
 * (scripts/supervise.mjs, which start.mjs uses once the build is fresh) around a child and
 * stop it the way process managers and terminals do.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SUPERVISE = path.join(ROOT, 'scripts', 'supervise.mjs');

const running: ChildProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

/** Starts `node -e <wrapper>` in its own process group, running `command args` under supervise.mjs. */
function supervise(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const wrapper = `import { runAndExit } from ${JSON.stringify(SUPERVISE)}; await runAndExit(${JSON.stringify(command)}, ${JSON.stringify(args)});`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', wrapper], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = async (pattern: RegExp, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(output);
      if (match) return match;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`never saw ${pattern}:\n${output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A child that reports its pid, then takes a moment to stop on SIGTERM and exits with 3.
const PATIENT_CHILD = `
process.on('SIGTERM', () => { console.log('child stopping'); setTimeout(() => process.exit(3), 200); });
console.log('child ' + process.pid);
setInterval(() => {}, 1000);
`;

describe('scripts/supervise.mjs', () => {
  it('passes SIGTERM on to the child and exits with its code once it has stopped', async () => {
    const run = supervise(process.execPath, ['-e', PATIENT_CHILD]);
    const pid = Number((await run.waitFor(/child (\d+)/))[1]);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 3, signal: null });
    expect(run.output()).toContain('child stopping');
    expect(isAlive(pid)).toBe(false);
  });

  it('reports a child ended by a signal as 128 + its number', async () => {
    const run = supervise(process.execPath, ['-e', 'console.log("child " + process.pid); setInterval(() => {}, 1000);']);
    const pid = Number((await run.waitFor(/child (\d+)/))[1]);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 128 + os.constants.signals.SIGTERM, signal: null });
    expect(isAlive(pid)).toBe(false);
  });

  it("exits with the child's code when the child ends by itself", async () => {
    const run = supervise(process.execPath, ['-e', 'process.exit(5)']);
    expect(await run.exited).toEqual({ code: 5, signal: null });
  });

  it('stops a real Cairn cleanly on SIGTERM, and on Ctrl-C (SIGINT to the whole process group)', async () => {
    for (const stop of ['SIGTERM', 'Ctrl-C'] as const) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-start-'));
      try {
        const port = await freePort();
        const run = supervise(process.execPath, [path.join(ROOT, 'bin', 'cairn.mjs'), 'serve'], {
          PORT: String(port),
          CAIRN_DATA: dataDir,
          CAIRN_LOG_LEVEL: 'info',
          CAIRN_FROM_SOURCE: '1',
        });
        await run.waitFor(/Cairn is running/, 30_000);
        expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(200);
        // A terminal's Ctrl-C reaches the wrapper and the server at once; the wrapper then
        // passes it on too, so the server sees it twice and must still close cleanly.
        if (stop === 'SIGTERM') run.child.kill('SIGTERM');
        else process.kill(-run.child.pid!, 'SIGINT');
        expect(await run.exited, `${stop}:\n${run.output()}`).toEqual({ code: 0, signal: null });
        await expect(fetch(`http://127.0.0.1:${port}/api/v1/health`)).rejects.toThrow();
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }, 60_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
