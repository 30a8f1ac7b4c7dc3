export type Defer = (undo: () => Promise<unknown>) => void;

/**
 * Runs body, then undoes what it started (last first), whether it finished or failed half-way:
 * a failed start must not leave a server, a database or a temporary directory behind.
 */
export async function withCleanup<T>(body: (defer: Defer) => Promise<T>): Promise<T> {
  const steps: (() => Promise<unknown>)[] = [];
  try {
    return await body((undo) => steps.push(undo));
  } finally {
    for (const undo of steps.reverse()) {
      await undo().catch((error: unknown) => console.error(`clean-up failed: ${error instanceof Error ? error.message : error}`));
    }
  }
}
