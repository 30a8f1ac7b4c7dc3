/** A problem the user can fix (a missing build, a bad option): shown without a stack trace. */
export class UsageError extends Error {}

/** The end of every runner's main(): a clear message for usage errors, the stack for anything else. */
export function fail(error: unknown): never {
  console.error(error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
