import type { HttpCase } from '../http/types.js';

const ws = (slug: string) => `/api/v1/workspaces/${slug}`;

/** Customer accounts (as many as the collection size, bench/lib/customer-seed.ts), listed as the customers screen does. */
export const customerCases: HttpCase[] = [
  {
    name: 'customers: page of 50, segment filter',
    method: 'GET',
    path: (ctx) => `${ws(ctx.workspace)}/customers?segment=${encodeURIComponent('Enterprise IT')}&limit=50`,
    target: { p99Ms: 20 },
  },
  {
    name: 'customers: q= name, page of 50',
    method: 'GET',
    path: (ctx, i) => `${ws(ctx.workspace)}/customers?q=${encodeURIComponent(['acme', 'globex labs', 'wonka'][i % 3]!)}&limit=50`,
    target: { p99Ms: 20 },
  },
];
