import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Customer,
  Evidence,
  Feature,
  FeatureStatus,
  Importance,
  ImportJob,
  Insight,
  InsightSource,
  InsightStatus,
  SearchHit,
  SimilarItem,
} from '../../contract/discovery.js';
import { routes } from '../../contract/routes.js';
import { call } from './client.js';

export type InsightDto = z.output<typeof Insight>;
export type CustomerDto = z.output<typeof Customer>;
export type FeatureDto = z.output<typeof Feature>;
export type EvidenceDto = z.output<typeof Evidence>;
export type SimilarDto = z.output<typeof SimilarItem>;
export type SearchHitDto = z.output<typeof SearchHit>;
export type ImportJobDto = z.output<typeof ImportJob>;
export type InsightSourceValue = z.output<typeof InsightSource>;
export type ImportanceValue = z.output<typeof Importance>;
export type InsightStatusValue = z.output<typeof InsightStatus>;
export type FeatureStatusValue = z.output<typeof FeatureStatus>;

/** The inbox filters, as the API takes them (comma lists stay strings). */
export interface InsightFilters {
  q?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  importance?: string | undefined;
  customerId?: string | undefined;
  segment?: string | undefined;
  tag?: string | undefined;
  productId?: string | undefined;
  featureId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface FeatureFilters {
  q?: string | undefined;
  status?: string | undefined;
  productId?: string | undefined;
  tag?: string | undefined;
  /** Comma-separated owner user ids, or "none". */
  ownerId?: string | undefined;
}

export interface CustomerFilters {
  q?: string | undefined;
  segment?: string | undefined;
}

/** Query keys of discovery, in one place so mutations update exactly what they change. */
export const dkeys = {
  insightsAll: (ws: string) => ['insights', ws] as const,
  insights: (ws: string, filters: InsightFilters) => ['insights', ws, 'list', filters] as const,
  insightCountAll: (ws: string) => ['insights', ws, 'count'] as const,
  insightCount: (ws: string, filters: InsightFilters) => ['insights', ws, 'count', filters] as const,
  insight: (ws: string, id: string) => ['insight', ws, id] as const,
  similar: (ws: string, id: string) => ['insight-similar', ws, id] as const,
  featuresAll: (ws: string) => ['features', ws] as const,
  features: (ws: string, filters: FeatureFilters) => ['features', ws, filters] as const,
  feature: (ws: string, id: string) => ['feature', ws, id] as const,
  evidenceAll: (ws: string) => ['evidence', ws] as const,
  evidence: (ws: string, id: string, segment?: string) => ['evidence', ws, id, segment ?? ''] as const,
  customersAll: (ws: string) => ['customers', ws] as const,
  customers: (ws: string, filters: CustomerFilters) => ['customers', ws, filters] as const,
  customer: (ws: string, id: string) => ['customer', ws, id] as const,
  search: (ws: string, q: string, types?: string, limit?: number) => ['search', ws, q, types ?? '', limit ?? 20] as const,
  imports: (ws: string) => ['imports', ws] as const,
  importJob: (ws: string, id: string) => ['import', ws, id] as const,
};

/** Big pages: the inbox is a virtualised list that reads 10,000 insights comfortably. */
export const INSIGHT_PAGE = 200;

function clean<T extends object>(filters: T): T {
  const out = {} as T;
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== '') (out as Record<string, unknown>)[key] = value;
  return out;
}

export const insightsQuery = (ws: string, filters: InsightFilters) =>
  infiniteQueryOptions({
    queryKey: dkeys.insights(ws, clean(filters)),
    queryFn: ({ pageParam, signal }) =>
      call(routes.listInsights, {
        params: { workspace: ws },
        query: { ...clean(filters), limit: INSIGHT_PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Triage edits the cached pages in place; refetching thousands of rows on focus would undo nothing and cost a lot.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });

/** How many insights the filters match (exact up to the API's limit; beyond, `exact` is false). */
export const insightCountQuery = (ws: string, filters: InsightFilters) =>
  queryOptions({
    queryKey: dkeys.insightCount(ws, clean(filters)),
    queryFn: ({ signal }) => call(routes.countInsights, { params: { workspace: ws }, query: clean(filters), signal }),
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });

export const insightQuery = (ws: string, id: string) =>
  queryOptions({
    queryKey: dkeys.insight(ws, id),
    queryFn: () => call(routes.getInsight, { params: { workspace: ws, id } }),
  });

export const similarQuery = (ws: string, id: string) =>
  queryOptions({
    queryKey: dkeys.similar(ws, id),
    queryFn: () => call(routes.similarInsights, { params: { workspace: ws, id } }),
    staleTime: 60_000,
  });

export const featuresQuery = (ws: string, filters: FeatureFilters, limit = 100) =>
  infiniteQueryOptions({
    queryKey: [...dkeys.features(ws, clean(filters)), limit],
    queryFn: ({ pageParam, signal }) =>
      call(routes.listFeatures, {
        params: { workspace: ws },
        query: { ...clean(filters), limit, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const featureQuery = (ws: string, id: string) =>
  queryOptions({
    queryKey: dkeys.feature(ws, id),
    queryFn: () => call(routes.getFeature, { params: { workspace: ws, id } }),
  });

export const evidenceQuery = (ws: string, id: string, segment?: string) =>
  queryOptions({
    queryKey: dkeys.evidence(ws, id, segment),
    queryFn: () => call(routes.featureEvidence, { params: { workspace: ws, id }, query: segment ? { segment } : {} }),
    placeholderData: keepPreviousData,
  });

export const customersQuery = (ws: string, filters: CustomerFilters, limit = 100) =>
  infiniteQueryOptions({
    queryKey: [...dkeys.customers(ws, clean(filters)), limit],
    queryFn: ({ pageParam, signal }) =>
      call(routes.listCustomers, {
        params: { workspace: ws },
        query: { ...clean(filters), limit, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const customerQuery = (ws: string, id: string) =>
  queryOptions({
    queryKey: dkeys.customer(ws, id),
    queryFn: () => call(routes.getCustomer, { params: { workspace: ws, id } }),
  });

export const searchQuery = (ws: string, q: string, types?: string, limit = 20) =>
  queryOptions({
    queryKey: dkeys.search(ws, q, types, limit),
    queryFn: async ({ signal }) =>
      (
        await call(routes.search, {
          params: { workspace: ws },
          query: { q, limit, ...(types ? { types } : {}) },
          signal,
        })
      ).items,
    enabled: q.trim().length > 0,
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });

export const importJobQuery = (ws: string, id: string) =>
  queryOptions({
    queryKey: dkeys.importJob(ws, id),
    queryFn: () => call(routes.getImport, { params: { workspace: ws, id } }),
    // Progress: ask again about three times a second until the job ends.
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 300 : false),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
