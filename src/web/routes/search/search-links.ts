import type { SearchHitDto } from '../../api/discovery.js';

/** Where a search hit leads. */
export function hitLink(workspace: string, hit: Pick<SearchHitDto, 'type' | 'id'>) {
  switch (hit.type) {
    case 'insight':
      return {
        to: '/w/$workspace/insights',
        params: { workspace },
        search: { insight: hit.id, status: 'new,triaged,linked,archived' },
      } as const;
    case 'feature':
      return { to: '/w/$workspace/features/$featureId', params: { workspace, featureId: hit.id } } as const;
    case 'customer':
      return { to: '/w/$workspace/customers/$customerId', params: { workspace, customerId: hit.id } } as const;
    default:
      return { to: '/w/$workspace/products/$productId', params: { workspace, productId: hit.id } } as const;
  }
}
