/**
 * The evidence behind a feature: how many insights, from how many customers, carrying how
 * much revenue, how important, from which segments and channels. It feeds the feature page
 * and prioritisation (reach, revenue weight), so its rules are strict:
 *   - an insight counts once (the first link of an insight id wins), a customer counts once
 *     however many of their insights are linked, and so does their revenue; when links
 *     disagree about a customer (stale copies), the first link wins;
 *   - revenue is monthly: a yearly amount is divided by 12;
 *   - totals are per currency and never converted: EUR and USD stay two lines.
 */

import { IMPORTANCE_LEVELS, type Importance, INSIGHT_SOURCES, type InsightSource, type Revenue } from './types.js';

export interface EvidenceCustomer {
  id: string;
  name: string;
  segment: string | null;
  revenue: Revenue | null;
}

export interface EvidenceLink {
  insightId: string;
  importance: Importance;
  /** The quoted part of the insight, if any. */
  highlight: string | null;
  customer: EvidenceCustomer | null;
  source: InsightSource;
  /** ISO date or timestamp. */
  receivedAt: string;
}

export interface MoneyTotal {
  currency: string;
  monthly: number;
}

export interface SegmentEvidence {
  /** null: insights without a customer, or customers without a segment. */
  segment: string | null;
  insightCount: number;
  customerCount: number;
  revenue: MoneyTotal[];
}

export interface EvidenceSummary {
  insightCount: number;
  customerCount: number;
  revenue: MoneyTotal[];
  /** Customers counted but with no usable revenue (missing, negative or not a number). */
  customersWithoutRevenue: number;
  importance: Record<Importance, number>;
  bySegment: SegmentEvidence[];
  bySource: Record<InsightSource, number>;
}

export interface EvidenceOptions {
  /** Keep only links whose customer's segment is one of these (null = no segment / no customer). */
  segments?: readonly (string | null)[];
}

/** Monthly amount of a revenue (ARR ÷ 12); null when unusable, so it is never counted as 0. */
export function monthlyRevenue(revenue: Revenue | null): number | null {
  if (!revenue || !Number.isFinite(revenue.amount) || revenue.amount < 0 || !/^[A-Za-z]{3}$/.test(revenue.currency)) return null;
  return revenue.period === 'year' ? revenue.amount / 12 : revenue.amount;
}

/** Builds a Revenue from flat columns (amount, currency, period) as the database stores them. */
export function revenueOf(
  amount: number | null | undefined,
  currency: string | null | undefined,
  period: Revenue['period'] = 'month',
): Revenue | null {
  if (amount === null || amount === undefined || !currency) return null;
  return { amount, currency: currency.toUpperCase(), period };
}

const segmentOf = (link: EvidenceLink, customers: Map<string, EvidenceCustomer>): string | null =>
  link.customer ? (customers.get(link.customer.id)?.segment ?? null) : null;

/** The first link of each insight id. */
function uniqueInsights(links: readonly EvidenceLink[]): EvidenceLink[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.insightId) && seen.add(l.insightId));
}

/** The first record of each customer, so every statistic sees the same segment and revenue. */
function canonicalCustomers(links: readonly EvidenceLink[]): Map<string, EvidenceCustomer> {
  const customers = new Map<string, EvidenceCustomer>();
  for (const l of links) if (l.customer && !customers.has(l.customer.id)) customers.set(l.customer.id, l.customer);
  return customers;
}

/**
 * How segments compare in filters: case-insensitively, spaces around ignored ("enterprise"
 * finds "Enterprise"), the same on both databases (the server resolves the stored values
 * with it rather than asking SQL, whose lower() differs between SQLite and PostgreSQL).
 * An empty segment is no segment.
 */
export function segmentKey(segment: string | null | undefined): string | null {
  const key = segment?.normalize('NFC').trim().toLowerCase() ?? '';
  return key === '' ? null : key;
}

export function sameSegment(a: string | null | undefined, b: string | null | undefined): boolean {
  return segmentKey(a) === segmentKey(b);
}

/** Links whose customer's segment is in `segments` (null matches insights with no customer or no segment). */
export function filterBySegment(allLinks: readonly EvidenceLink[], segments: readonly (string | null)[]): EvidenceLink[] {
  const wanted = new Set(segments.map(segmentKey));
  const links = uniqueInsights(allLinks);
  const customers = canonicalCustomers(links);
  return links.filter((l) => wanted.has(segmentKey(segmentOf(l, customers))));
}

function addMoney(totals: Map<string, number>, customer: EvidenceCustomer): boolean {
  const monthly = monthlyRevenue(customer.revenue);
  if (monthly === null) return false;
  const currency = customer.revenue!.currency.toUpperCase();
  totals.set(currency, (totals.get(currency) ?? 0) + monthly);
  return true;
}

const moneyList = (totals: Map<string, number>): MoneyTotal[] =>
  [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, monthly]) => ({ currency, monthly }));

/** Everything the feature page and scoring need about a feature's evidence, in one pass. */
export function summarizeEvidence(allLinks: readonly EvidenceLink[], options: EvidenceOptions = {}): EvidenceSummary {
  const unique = uniqueInsights(allLinks);
  const customers = canonicalCustomers(unique);
  const links = options.segments ? filterBySegment(unique, options.segments) : unique;
  const importance = Object.fromEntries(IMPORTANCE_LEVELS.map((l) => [l, 0])) as Record<Importance, number>;
  const bySource = Object.fromEntries(INSIGHT_SOURCES.map((s) => [s, 0])) as Record<InsightSource, number>;
  const seenCustomers = new Set<string>();
  const revenue = new Map<string, number>();
  let withoutRevenue = 0;
  const segments = new Map<string | null, { insights: number; customers: number; revenue: Map<string, number> }>();

  for (const link of links) {
    importance[link.importance] += 1;
    bySource[link.source] = (bySource[link.source] ?? 0) + 1;
    const segmentName = segmentOf(link, customers);
    let segment = segments.get(segmentName);
    if (!segment) {
      segment = { insights: 0, customers: 0, revenue: new Map() };
      segments.set(segmentName, segment);
    }
    segment.insights += 1;
    if (!link.customer || seenCustomers.has(link.customer.id)) continue;
    const customer = customers.get(link.customer.id)!;
    seenCustomers.add(customer.id);
    segment.customers += 1;
    addMoney(segment.revenue, customer);
    if (!addMoney(revenue, customer)) withoutRevenue += 1;
  }

  const bySegment = [...segments]
    .map(([segment, s]) => ({ segment, insightCount: s.insights, customerCount: s.customers, revenue: moneyList(s.revenue) }))
    .sort(
      (a, b) => b.insightCount - a.insightCount || (a.segment === null ? 1 : b.segment === null ? -1 : a.segment.localeCompare(b.segment)),
    );
  return {
    insightCount: links.length,
    customerCount: seenCustomers.size,
    revenue: moneyList(revenue),
    customersWithoutRevenue: withoutRevenue,
    importance,
    bySegment,
    bySource,
  };
}

export interface ReachOptions {
  /** Count distinct customers (default) or distinct insights. */
  unit?: 'customers' | 'insights';
  /** Received on or after (inclusive). */
  from?: string | Date;
  /** Received before (exclusive), like the insight list's `to` filter. */
  to?: string | Date;
  segments?: readonly (string | null)[];
}

/**
 * Reach for prioritisation (e.g. RICE's "reach per quarter"): distinct customers, or
 * insights, behind a feature over a period. Links with an unreadable date are left out
 * whenever a period is given.
 */
export function reach(allLinks: readonly EvidenceLink[], options: ReachOptions = {}): number {
  const from = options.from === undefined ? null : new Date(options.from).getTime();
  const to = options.to === undefined ? null : new Date(options.to).getTime();
  const links = options.segments ? filterBySegment(allLinks, options.segments) : uniqueInsights(allLinks);
  const counted = new Set<string>();
  for (const l of links) {
    if (from !== null || to !== null) {
      const at = Date.parse(l.receivedAt);
      if (Number.isNaN(at) || (from !== null && at < from) || (to !== null && at >= to)) continue;
    }
    if (options.unit === 'insights') counted.add(l.insightId);
    else if (l.customer) counted.add(l.customer.id);
  }
  return counted.size;
}
