/**
 * Counts failed sign-ins per client address over a sliding minute. In memory: with several
 * app servers each keeps its own count, which still bounds guessing per server.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 60_000,
  ) {}

  isBlocked(address: string, now = Date.now()): boolean {
    return this.recent(address, now).length >= this.maxFailures;
  }

  recordFailure(address: string, now = Date.now()): void {
    const list = this.recent(address, now);
    list.push(now);
    this.failures.set(address, list);
    if (this.failures.size > 10_000) this.prune(now);
  }

  /** Seconds until the oldest failure in the window expires. */
  retryAfterSeconds(address: string, now = Date.now()): number {
    const oldest = this.recent(address, now)[0];
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  private recent(address: string, now: number): number[] {
    const list = (this.failures.get(address) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.failures.delete(address);
    return list;
  }

  private prune(now: number): void {
    for (const address of [...this.failures.keys()]) this.recent(address, now);
  }
}
