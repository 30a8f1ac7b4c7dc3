import type { HttpCase } from '../http/types.js';

const products = (ws: string) => `/api/v1/workspaces/${ws}/products`;

/** Products: the largest collection today, read as the list screen does and written as an editor does. */
export const productCases: HttpCase[] = [
  {
    name: 'products: page of 50, stage filter',
    method: 'GET',
    path: (ctx) => `${products(ctx.workspace)}?stage=build&limit=50`,
    target: { p99Ms: 20 },
  },
  {
    name: 'products: 1,000 items',
    method: 'GET',
    path: (ctx) => `${products(ctx.workspace)}?limit=1000`,
    target: { p99Ms: 25, minRatio: 0.5 },
  },
  {
    name: 'products: get one',
    method: 'GET',
    path: (ctx, i) => `${products(ctx.workspace)}/${ctx.productIds[i % ctx.productIds.length]}`,
    target: {},
  },
  {
    // Each request edits a different product at its current version, so none conflicts.
    name: 'products: PATCH with If-Match',
    method: 'PATCH',
    path: (ctx, i) => `${products(ctx.workspace)}/${ctx.productIds[i % ctx.productIds.length]}`,
    headers: (ctx, i) => ({ 'if-match': `"${ctx.versions[ctx.productIds[i % ctx.productIds.length]!] ?? 1}"` }),
    body: (_ctx, i) => ({ vision: `Edited by the benchmark, request ${i}.` }),
    // A 409 carries the current row: a request still in flight when the previous run stopped
    // bumped it, so take its version and carry on.
    onResponse: (ctx, _i, status, body) => {
      const product = status === 200 ? JSON.parse(body) : status === 409 ? JSON.parse(body).current : null;
      if (product) ctx.versions[(product as { id: string }).id] = (product as { version: number }).version;
    },
    target: { p99Ms: 20, dialect: 'sqlite' },
  },
  {
    name: 'products: POST create',
    method: 'POST',
    path: (ctx) => products(ctx.scratchWorkspace),
    body: (_ctx, i) => ({ name: `Bench created ${i}`, vision: 'Created under load.', stage: 'build' }),
    target: { p99Ms: 20, dialect: 'sqlite' },
  },
];
