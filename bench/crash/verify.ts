import type { Api } from '../lib/api.js';
import type { ProductState } from './ledger.js';

/** Reads every product of the workspace through the API, page by page. */
export async function readAllProducts(api: Api, workspace: string): Promise<Map<string, ProductState>> {
  const all = new Map<string, ProductState>();
  let cursor: string | null = null;
  for (let page = 0; page < 10_000; page += 1) {
    const query: string = `limit=1000&archived=all${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res: { items: ProductState[]; nextCursor: string | null } = await api.ok(
      'GET',
      `/api/v1/workspaces/${workspace}/products?${query}`,
    );
    for (const p of res.items) all.set(p.id, { id: p.id, version: p.version, name: p.name, vision: p.vision });
    cursor = res.nextCursor;
    if (!cursor) return all;
  }
  throw new Error('More than 10,000 pages of products: the pagination does not end');
}
