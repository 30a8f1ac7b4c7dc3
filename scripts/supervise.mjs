// Runs a command as a child process and stands in for it: the signals that stop a process
// (SIGINT, SIGTERM, SIGHUP) are passed on to the child instead of stopping this process,
// and this process ends when the child does, with its exit code (128 + the signal number
// when a signal ended it, as shells report it). So `npm start` under a process manager or
// in a container stops the server cleanly when it is asked to, and says how it ended.
import { spawn } from 'node:child_process';
import os from 'node:os';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs the command with signals forwarded; resolves with the exit code to report. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    for (const signal of FORWARDED) process.on(signal, forward);
    const stopForwarding = () => {
      for (const signal of FORWARDED) process.off(signal, forward);
    };
    child.once('error', (error) => {
      stopForwarding();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      resolve(code ?? 128 + (os.constants.signals[signal] ?? 0));
    });
  });
}

/** Runs the command and exits with its code; a command that cannot start exits with 1. */
export async function runAndExit(command, args, options) {
  try {
    process.exit(await run(command, args, options));
  } catch (error) {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  }
}
