import { IMPORTANCE, INSIGHT_SOURCES, INSIGHT_STATUSES } from '../../../contract/discovery.js';
import type { InsightFilters } from '../../api/discovery.js';

/** The inbox's URL: its filters (shareable, kept on reload) and the insight shown. */
export interface InsightsSearch {
  q?: string;
  status?: string;
  source?: string;
  importance?: string;
  customer?: string;
  segment?: string;
  tag?: string;
  product?: string;
  /** Insights linked to this feature (from a feature's evidence). */
  feature?: string;
  from?: string;
  to?: string;
  /** The insight to show (links from search and from a feature's evidence). */
  insight?: string;
  /** Opens the "new insight" form. */
  new?: boolean;
  /** Opens the CSV import. */
  import?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f-]{36}$/i;

function list(value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const items = [...new Set(value.split(',').filter((v) => allowed.includes(v)))];
  return items.length ? items.join(',') : undefined;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).trim().slice(0, max);
  return s || undefined;
}

const flag = (value: unknown) => value === true || value === 'true' || value === 1;

export function validateInsightsSearch(search: Record<string, unknown>): InsightsSearch {
  const out: InsightsSearch = {};
  const q = text(search.q, 200);
  if (q) out.q = q;
  const status = list(search.status, INSIGHT_STATUSES);
  if (status) out.status = status;
  const source = list(search.source, INSIGHT_SOURCES);
  if (source) out.source = source;
  const importance = list(search.importance, IMPORTANCE);
  if (importance) out.importance = importance;
  if (typeof search.customer === 'string' && ID.test(search.customer)) out.customer = search.customer;
  const segment = text(search.segment, 80);
  if (segment) out.segment = segment;
  const tag = text(search.tag, 40);
  if (tag) out.tag = tag;
  if (typeof search.product === 'string' && ID.test(search.product)) out.product = search.product;
  if (typeof search.feature === 'string' && ID.test(search.feature)) out.feature = search.feature;
  if (typeof search.from === 'string' && DATE.test(search.from)) out.from = search.from;
  if (typeof search.to === 'string' && DATE.test(search.to)) out.to = search.to;
  if (typeof search.insight === 'string' && ID.test(search.insight)) out.insight = search.insight;
  if (flag(search.new)) out.new = true;
  if (flag(search.import)) out.import = true;
  return out;
}

/** The API filters of an inbox URL. "to" is inclusive in the interface, exclusive in the API. */
export function toFilters(search: InsightsSearch): InsightFilters {
  return {
    q: search.q,
    status: search.status,
    source: search.source,
    importance: search.importance,
    customerId: search.customer,
    segment: search.segment,
    tag: search.tag,
    productId: search.product,
    featureId: search.feature,
    from: search.from,
    to: search.to ? nextDay(search.to) : undefined,
  };
}

export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export const FILTER_KEYS = [
  'q',
  'status',
  'source',
  'importance',
  'customer',
  'segment',
  'tag',
  'product',
  'feature',
  'from',
  'to',
] as const;

export function hasFilters(search: InsightsSearch): boolean {
  return FILTER_KEYS.some((k) => search[k] !== undefined);
}
