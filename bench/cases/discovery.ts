import { QUERY_PAIRS, QUERY_WORDS } from '../discovery/csv.js';
import type { HttpCase } from '../http/types.js';

/** A discovery case and the percentile its target is stated on (search promises p95). */
export interface DiscoveryCase extends HttpCase {
  judge: { percentile: 'p95' | 'p99'; ms: number };
}

const ws = (slug: string) => `/api/v1/workspaces/${slug}`;

/**
 * Discovery: the inbox, full-text search and similar insights over an imported insight
 * collection (bench/discovery/run.ts seeds it and runs these; they are not in allCases).
 */
export const discoveryCases: DiscoveryCase[] = [
  {
    name: 'insights: inbox page, status + source',
    method: 'GET',
    path: (ctx) => `${ws(ctx.workspace)}/insights?status=new,triaged&source=support&limit=50`,
    target: {},
    judge: { percentile: 'p99', ms: 20 },
  },
  {
    name: 'search: one word',
    method: 'GET',
    path: (ctx, i) => `${ws(ctx.workspace)}/search?q=${encodeURIComponent(QUERY_WORDS[i % QUERY_WORDS.length]!)}`,
    target: {},
    judge: { percentile: 'p95', ms: 50 },
  },
  {
    name: 'insights: q= two words, page of 50',
    method: 'GET',
    path: (ctx, i) => `${ws(ctx.workspace)}/insights?q=${encodeURIComponent(QUERY_PAIRS[i % QUERY_PAIRS.length]!)}&limit=50`,
    target: {},
    judge: { percentile: 'p95', ms: 50 },
  },
  {
    name: 'insights: similar',
    method: 'GET',
    path: (ctx, i) => {
      const ids = ctx.insightIds ?? [];
      return `${ws(ctx.workspace)}/insights/${ids[i % ids.length]}/similar`;
    },
    target: {},
    judge: { percentile: 'p99', ms: 100 },
  },
];
