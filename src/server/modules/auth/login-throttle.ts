/**
 * Counts sign-in attempts per client address over a sliding minute. An attempt is counted
 * before its password is checked (reserve), and handed back when it succeeds (release), so
 * however many requests arrive at once, at most `maxFailures` wrong passwords a minute are
 * ever tried from one address. A success releases only its own attempt: signing in to one's
 * own account does not wipe the failures spent guessing someone else's.
 *
 * In memory: with several app servers each keeps its own count, which still bounds guessing
 * per server.
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, Reservation[]>();
  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 60_000,
  ) {}

  isBlocked(address: string, now = Date.now()): boolean {
    return this.recent(address, now).length >= this.maxFailures;
  }

  /**
   * Counts an attempt about to be checked; null when the address has no attempt left this
   * minute. Give the returned reservation to release() if the attempt succeeds.
   */
  reserve(address: string, now = Date.now()): Reservation | null {
    const list = this.recent(address, now);
    if (list.length >= this.maxFailures) return null;
    const reservation: Reservation = { address, at: now };
    list.push(reservation);
    this.attempts.set(address, list);
    if (this.attempts.size > 10_000) this.prune(now);
    return reservation;
  }

  /** Hands back a reserved attempt that succeeded (once; later calls do nothing). */
  release(reservation: Reservation): void {
    const list = this.attempts.get(reservation.address);
    const index = list?.indexOf(reservation) ?? -1;
    if (!list || index < 0) return;
    list.splice(index, 1);
    if (list.length === 0) this.attempts.delete(reservation.address);
  }

  /** Seconds until the oldest attempt in the window expires. */
  retryAfterSeconds(address: string, now = Date.now()): number {
    const oldest = this.recent(address, now)[0]?.at;
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  private recent(address: string, now: number): Reservation[] {
    const list = (this.attempts.get(address) ?? []).filter((r) => now - r.at < this.windowMs);
    if (list.length === 0) this.attempts.delete(address);
    return list;
  }

  private prune(now: number): void {
    for (const address of [...this.attempts.keys()]) this.recent(address, now);
  }
}

export interface Reservation {
  readonly address: string;
  readonly at: number;
}
