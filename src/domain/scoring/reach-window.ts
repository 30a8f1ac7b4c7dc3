/**
 * RICE reach "over a period": when reach is derived from the evidence, a feature may count
 * only the linked insights received in the last N days (and the distinct customers behind
 * those). The window is a number of UTC calendar days ending on the day the score is
 * computed: with 90 days on 2026-12-03 it starts at 2026-09-05T00:00:00.000Z. The server
 * keeps that day with the stored score and computes it again on a later day, so a stored
 * rank is always the number shown (see docs/ARCHITECTURE.md, scoring).
 */

export const MAX_REACH_WINDOW_DAYS = 3650;
/** Windows offered on screen (any whole number of days from 1 to MAX_REACH_WINDOW_DAYS is accepted). */
export const REACH_WINDOW_PRESETS = [30, 90, 180, 365] as const;

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `days` is a window the API accepts. */
export function isReachWindow(days: unknown): days is number {
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_REACH_WINDOW_DAYS;
}

/** The UTC calendar day (YYYY-MM-DD) of an instant. */
export function utcDay(instant: Date | string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/**
 * Where a window of `days` ending on `day` (YYYY-MM-DD, inclusive) begins, as the ISO
 * timestamp insights' receivedAt are compared with: 90 days ending 2026-12-03 begin at
 * 2026-09-05T00:00:00.000Z. A 1-day window is the day itself.
 */
export function reachWindowSince(day: string, days: number): string {
  const m = DAY.exec(day);
  if (!m || !isReachWindow(days)) throw new RangeError(`not a day and window: ${day}, ${days}`);
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - (days - 1) * DAY_MS;
  return new Date(start).toISOString();
}

export interface WindowedEvidence {
  /** The window's length, as set on the feature. */
  days: number;
  /** Its first instant (reachWindowSince of the day the counts were made). */
  since: string;
  /** Linked insights received since then. */
  insights: number;
  /** Distinct customers of those insights. */
  customers: number;
}

/** Counts linked insights received since `since`, and their distinct customers (the server's SQL does the same). */
export function evidenceSince(
  links: readonly { receivedAt: string; customerId: string | null | undefined }[],
  since: string,
): { insights: number; customers: number } {
  const from = Date.parse(since);
  const customers = new Set<string>();
  let insights = 0;
  for (const l of links) {
    if (Date.parse(l.receivedAt) < from) continue;
    insights += 1;
    if (l.customerId) customers.add(l.customerId);
  }
  return { insights, customers: customers.size };
}
