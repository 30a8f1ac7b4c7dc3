import fs from 'node:fs';
import os from 'node:os';

export interface Memory {
  /** Resident set size now, in MB. */
  rssMb: number;
  /** Peak resident set size since the process started (VmHWM), in MB. */
  peakMb: number;
}

/** Reads a process's memory from /proc (Linux only). */
export function readMemory(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rejects when the promise takes longer than ms, so no step of a run can hang it. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * On a shared machine other work skews every figure: wait (at most maxMinutes) until the
 * one-minute load average drops below threshold. Returns whether it did.
 */
export async function waitForQuiet(maxMinutes: number, log: (line: string) => void, threshold = 0.7): Promise<boolean> {
  const deadline = Date.now() + maxMinutes * 60_000;
  while ((os.loadavg()[0] ?? 0) >= threshold) {
    if (Date.now() >= deadline) return false;
    log(`load average ${(os.loadavg()[0] ?? 0).toFixed(2)}: waiting for the machine to be quiet…`);
    await sleep(15_000);
  }
  return true;
}
