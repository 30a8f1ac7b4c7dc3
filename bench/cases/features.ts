import type { HttpCase } from '../http/types.js';

const ws = (slug: string) => `/api/v1/workspaces/${slug}`;

/**
 * Ranked feature lists: the first page by a framework's score, highest first, over as many
 * scored features as the collection size (bench/lib/feature-seed.ts). The ranking is the
 * server's (stored, indexed score columns), not the client's.
 */
export const featureCases: HttpCase[] = [
  {
    name: 'features: ranked by RICE, page of 50',
    method: 'GET',
    path: (ctx) => `${ws(ctx.workspace)}/features?sort=rice&limit=50`,
    target: { p99Ms: 200 },
  },
  {
    name: 'features: ranked by WSJF, page of 50',
    method: 'GET',
    path: (ctx) => `${ws(ctx.workspace)}/features?sort=wsjf&limit=50`,
    target: { p99Ms: 200 },
  },
];
