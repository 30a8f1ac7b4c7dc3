import { infiniteQueryOptions, QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActivityEntry } from '../../contract/activity.js';
import type { Me, TokenSummary } from '../../contract/auth.js';
import type { Product, StageHistoryEntry } from '../../contract/products.js';
import { routes } from '../../contract/routes.js';
import type { Member, Workspace } from '../../contract/workspaces.js';
import type { Stage } from '../../domain/lifecycle.js';
import { call, isApiError } from './client.js';

export type MeDto = z.output<typeof Me>;
export type WorkspaceDto = z.output<typeof Workspace>;
export type MemberDto = z.output<typeof Member>;
export type ProductDto = z.output<typeof Product>;
export type StageEntryDto = z.output<typeof StageHistoryEntry>;
export type ActivityDto = z.output<typeof ActivityEntry>;
export type TokenDto = z.output<typeof TokenSummary>;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // Retrying a refusal (401/403/404/422) never helps; a flaky network might.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** Query keys, in one place so mutations invalidate exactly what they change. */
export const keys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
  tokens: ['tokens'] as const,
  workspaces: ['workspaces'] as const,
  workspace: (ws: string) => ['workspace', ws] as const,
  members: (ws: string) => ['members', ws] as const,
  productsAll: (ws: string) => ['products', ws] as const,
  products: (ws: string, filters: ProductFilters) => ['products', ws, filters] as const,
  product: (ws: string, id: string) => ['product', ws, id] as const,
  stages: (ws: string, id: string) => ['stages', ws, id] as const,
  activityAll: (ws: string) => ['activity', ws] as const,
  activity: (ws: string, filter: ActivityFilter) => ['activity', ws, filter] as const,
};

export interface ProductFilters {
  q?: string | undefined;
  stage?: Stage | undefined;
  archived: 'true' | 'false' | 'all';
}

export interface ActivityFilter {
  entity?: 'workspace' | 'member' | 'product' | undefined;
  id?: string | undefined;
}

export const setupQuery = queryOptions({
  queryKey: keys.setup,
  queryFn: () => call(routes.getSetup),
  staleTime: 0,
});

export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: () => call(routes.me),
  staleTime: 5 * 60_000,
  retry: false,
});

export const tokensQuery = queryOptions({
  queryKey: keys.tokens,
  queryFn: async () => (await call(routes.listTokens)).items,
});

export const workspacesQuery = queryOptions({
  queryKey: keys.workspaces,
  queryFn: async () => (await call(routes.listWorkspaces)).items,
});

export const workspaceQuery = (ws: string) =>
  queryOptions({
    queryKey: keys.workspace(ws),
    queryFn: () => call(routes.getWorkspace, { params: { workspace: ws } }),
  });

export const membersQuery = (ws: string) =>
  queryOptions({
    queryKey: keys.members(ws),
    queryFn: async () => (await call(routes.listMembers, { params: { workspace: ws } })).items,
  });

const PAGE = 50;

export const productsQuery = (ws: string, filters: ProductFilters) =>
  infiniteQueryOptions({
    queryKey: keys.products(ws, filters),
    queryFn: ({ pageParam, signal }) =>
      call(routes.listProducts, {
        params: { workspace: ws },
        query: { ...filters, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const productQuery = (ws: string, id: string) =>
  queryOptions({
    queryKey: keys.product(ws, id),
    queryFn: () => call(routes.getProduct, { params: { workspace: ws, id } }),
  });

export const stagesQuery = (ws: string, id: string) =>
  queryOptions({
    queryKey: keys.stages(ws, id),
    queryFn: async () => (await call(routes.listProductStages, { params: { workspace: ws, id } })).items,
  });

export const activityQuery = (ws: string, filter: ActivityFilter) =>
  infiniteQueryOptions({
    queryKey: keys.activity(ws, filter),
    queryFn: ({ pageParam }) =>
      call(routes.listActivity, {
        params: { workspace: ws },
        query: { ...filter, limit: 30, ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
