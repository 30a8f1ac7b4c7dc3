import type { HttpCase } from '../http/types.js';

const ws = (slug: string) => `/api/v1/workspaces/${slug}`;

/** The change log, the largest table: every seeded item wrote at least one entry. */
export const activityCases: HttpCase[] = [
  {
    name: 'activity: newest 50 in the workspace',
    method: 'GET',
    path: (ctx) => `${ws(ctx.workspace)}/activity?limit=50`,
    target: { p99Ms: 20 },
  },
  {
    name: "activity: one product's history",
    method: 'GET',
    path: (ctx, i) => `${ws(ctx.workspace)}/activity?entity=product&id=${ctx.productIds[i % ctx.productIds.length]}&limit=50`,
    target: { p99Ms: 20 },
  },
];
