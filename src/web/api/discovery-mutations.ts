import { type InfiniteData, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CustomerCreateBody,
  CustomerPatchBody,
  FeatureCreateBody,
  FeaturePatchBody,
  InsightBulkBody,
  InsightCreateBody,
  InsightPatchBody,
  MergeWarning,
} from '../../contract/discovery.js';
import { routes } from '../../contract/routes.js';
import { ApiError, asProblem, CSRF_COOKIE, call, isApiError, readCookie } from './client.js';
import { type CustomerDto, dkeys, type FeatureDto, type ImportJobDto, type InsightDto, type InsightFilters } from './discovery.js';
import { keys } from './queries.js';

type Page<T> = { items: T[]; nextCursor: string | null };
type Pages<T> = InfiniteData<Page<T>, string>;

export type InsightPatch = Omit<z.input<typeof InsightPatchBody>, 'version'>;
export type InsightBulk = z.input<typeof InsightBulkBody>;
export type FeaturePatch = Omit<z.input<typeof FeaturePatchBody>, 'version'>;
export type CustomerPatch = Omit<z.input<typeof CustomerPatchBody>, 'version'>;

/** Whether an insight still belongs in a list with these filters (the ones triage can change). */
export function stillMatches(insight: InsightDto, filters: InsightFilters): boolean {
  const statuses = filters.status ? filters.status.split(',') : ['new', 'triaged', 'linked'];
  if (!statuses.includes(insight.status)) return false;
  if (filters.importance && !filters.importance.split(',').includes(insight.importance)) return false;
  if (filters.tag && !insight.tags.some((t) => t.toLowerCase() === filters.tag?.toLowerCase())) return false;
  if (filters.productId && insight.productId !== filters.productId) return false;
  if (filters.customerId && insight.customer?.id !== filters.customerId) return false;
  return true;
}

/**
 * Puts fresh insights into every cached copy: the single one, and each loaded page of each
 * inbox list (dropping them from lists whose filters they no longer match). Lists are not
 * refetched: with thousands of rows loaded, editing in place is what keeps triage instant.
 */
export function applyInsights(queryClient: QueryClient, ws: string, insights: InsightDto[]) {
  const byId = new Map(insights.map((i) => [i.id, i]));
  for (const insight of insights) queryClient.setQueryData(dkeys.insight(ws, insight.id), insight);
  for (const [key, data] of queryClient.getQueriesData<Pages<InsightDto>>({ queryKey: dkeys.insightsAll(ws) })) {
    if (!data?.pages) continue;
    const filters = (key[3] ?? {}) as InsightFilters;
    let changed = false;
    const pages = data.pages.map((page) => {
      if (!page.items.some((i) => byId.has(i.id))) return page;
      changed = true;
      return {
        ...page,
        items: page.items.flatMap((i) => {
          const fresh = byId.get(i.id);
          if (!fresh) return [i];
          return stillMatches(fresh, filters) ? [fresh] : [];
        }),
      };
    });
    if (changed) queryClient.setQueryData(key, { ...data, pages });
  }
}

/** New rows (a created insight, a finished import): lists start again from their first page. */
export function resetInsightLists(queryClient: QueryClient, ws: string) {
  void queryClient.resetQueries({ queryKey: dkeys.insightsAll(ws) });
}

function touchEvidence(queryClient: QueryClient, ws: string) {
  void queryClient.invalidateQueries({ queryKey: dkeys.featuresAll(ws) });
  void queryClient.invalidateQueries({ queryKey: dkeys.evidenceAll(ws) });
  void queryClient.invalidateQueries({ queryKey: ['feature', ws] });
  void queryClient.invalidateQueries({ queryKey: dkeys.customersAll(ws) });
  void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
}

async function refreshInsight(queryClient: QueryClient, ws: string, id: string) {
  try {
    const insight = await call(routes.getInsight, { params: { workspace: ws, id } });
    applyInsights(queryClient, ws, [insight]);
  } catch {
    /* the next list load shows it */
  }
}

export interface UpdateInsightVars {
  id: string;
  patch: InsightPatch;
  /** The version the person edited; defaults to the latest known one (for one-key triage). */
  version?: number;
}

export function useUpdateInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, patch, version }: UpdateInsightVars) => {
      const known = version ?? queryClient.getQueryData<InsightDto>(dkeys.insight(ws, id))?.version;
      return call(routes.updateInsight, { params: { workspace: ws, id }, body: patch, ...(known !== undefined && { ifMatch: known }) });
    },
    onSuccess: (insight) => {
      applyInsights(queryClient, ws, [insight]);
      // A new status (archived, say) moves it in or out of what the filters count.
      void queryClient.invalidateQueries({ queryKey: dkeys.insightCountAll(ws) });
      void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
    },
    onError: (error) => {
      if (isApiError(error, 'version_conflict') && error.current) applyInsights(queryClient, ws, [error.current as InsightDto]);
    },
  });
}

export function useBulkInsights(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InsightBulk) => call(routes.bulkUpdateInsights, { params: { workspace: ws }, body }),
    onSuccess: (result, body) => {
      // Chosen by filter, the changed insights are not sent back: the lists load again.
      if (body.filter) resetInsightLists(queryClient, ws);
      else applyInsights(queryClient, ws, result.items);
      void queryClient.invalidateQueries({ queryKey: dkeys.insightCountAll(ws) });
      void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
    },
  });
}

export function useCreateInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof InsightCreateBody>) => call(routes.createInsight, { params: { workspace: ws }, body }),
    onSuccess: (insight) => {
      queryClient.setQueryData(dkeys.insight(ws, insight.id), insight);
      resetInsightLists(queryClient, ws);
      void queryClient.invalidateQueries({ queryKey: dkeys.customersAll(ws) });
    },
  });
}

export function useDeleteInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      call(routes.deleteInsight, { params: { workspace: ws, id }, ifMatch: version }),
    onSuccess: (_r, { id }) => {
      queryClient.removeQueries({ queryKey: dkeys.insight(ws, id) });
      for (const [key, data] of queryClient.getQueriesData<Pages<InsightDto>>({ queryKey: dkeys.insightsAll(ws) })) {
        if (!data?.pages) continue;
        queryClient.setQueryData(key, { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== id) })) });
      }
      void queryClient.invalidateQueries({ queryKey: dkeys.insightCountAll(ws) });
      touchEvidence(queryClient, ws);
    },
  });
}

export type MergeWarningDto = z.output<typeof MergeWarning>;

export type DroppedCustomer = Extract<MergeWarningDto, { kind: 'customer_dropped' }>;

/**
 * The customer a merge would drop, read from a confirmation_required refusal; null for any
 * other failure. (Checked by hand: contract schemas do not parse in the browser.)
 */
export function droppedCustomer(error: unknown): DroppedCustomer | null {
  if (!isApiError(error, 'confirmation_required')) return null;
  for (const w of error.warnings ?? []) {
    const customer = w.customer as { id?: unknown; name?: unknown } | null | undefined;
    if (w.kind !== 'customer_dropped' || typeof customer?.id !== 'string' || typeof customer.name !== 'string') continue;
    const features = (Array.isArray(w.features) ? w.features : []).filter(
      (f): f is { id: string; title: string } => typeof f?.id === 'string' && typeof f?.title === 'string',
    );
    return { kind: 'customer_dropped', customer: { id: customer.id, name: customer.name }, features };
  }
  return null;
}

/**
 * Merges `duplicateId` into `id`: both texts and all links are kept, the duplicate is archived.
 * Feedback from two customers is refused (confirmation_required) unless `confirm` is set.
 */
export function useMergeInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, duplicateId, confirm }: { id: string; duplicateId: string; confirm?: boolean }) =>
      call(routes.mergeInsight, { params: { workspace: ws, id }, body: { duplicateId, ...(confirm && { confirm }) } }),
    onSuccess: async (kept, { duplicateId }) => {
      const { warnings: _w, ...insight } = kept;
      applyInsights(queryClient, ws, [insight]);
      void queryClient.invalidateQueries({ queryKey: dkeys.similar(ws, kept.id) });
      await refreshInsight(queryClient, ws, duplicateId);
      touchEvidence(queryClient, ws);
    },
  });
}

/** Undoes the merge of `duplicateId` (while neither insight changed since). */
export function useUnmergeInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (duplicateId: string) => call(routes.unmergeInsight, { params: { workspace: ws, id: duplicateId } }),
    onSuccess: ({ kept, restored }) => {
      applyInsights(queryClient, ws, [kept, restored]);
      // The duplicate comes back into lists it had left.
      resetInsightLists(queryClient, ws);
      void queryClient.invalidateQueries({ queryKey: dkeys.similar(ws, kept.id) });
      touchEvidence(queryClient, ws);
    },
  });
}

export interface LinkVars {
  featureId: string;
  insightId: string;
  highlight?: string | null;
  importance?: InsightDto['importance'];
}

export function useLinkInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ featureId, ...body }: LinkVars) => call(routes.linkInsight, { params: { workspace: ws, id: featureId }, body }),
    onSuccess: async (_link, { insightId }) => {
      await refreshInsight(queryClient, ws, insightId);
      touchEvidence(queryClient, ws);
    },
  });
}

export function useUnlinkInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ featureId, insightId }: { featureId: string; insightId: string }) =>
      call(routes.unlinkInsight, { params: { workspace: ws, id: featureId, insightId } }),
    onSuccess: async (_r, { insightId }) => {
      touchEvidence(queryClient, ws);
      await refreshInsight(queryClient, ws, insightId);
    },
  });
}

export function useCreateFeature(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof FeatureCreateBody>) => call(routes.createFeature, { params: { workspace: ws }, body }),
    onSuccess: (feature) => {
      queryClient.setQueryData(dkeys.feature(ws, feature.id), feature);
      void queryClient.invalidateQueries({ queryKey: dkeys.featuresAll(ws) });
      void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
    },
  });
}

export function useUpdateFeature(ws: string, id: string) {
  const queryClient = useQueryClient();
  const key = dkeys.feature(ws, id);
  return useMutation({
    scope: { id: `feature:${ws}:${id}` },
    mutationFn: async ({ patch, version }: { patch: FeaturePatch; version?: number }) => {
      const known = version ?? queryClient.getQueryData<FeatureDto>(key)?.version;
      return call(routes.updateFeature, { params: { workspace: ws, id }, body: patch, ...(known !== undefined && { ifMatch: known }) });
    },
    onSuccess: (feature) => {
      queryClient.setQueryData(key, feature);
      void queryClient.invalidateQueries({ queryKey: dkeys.featuresAll(ws) });
      void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
    },
    onError: (error) => {
      if (isApiError(error, 'version_conflict') && error.current) queryClient.setQueryData(key, error.current as FeatureDto);
    },
  });
}

export function useDeleteFeature(ws: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => call(routes.deleteFeature, { params: { workspace: ws, id }, ifMatch: version }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: dkeys.feature(ws, id) });
      void queryClient.invalidateQueries({ queryKey: dkeys.featuresAll(ws) });
      resetInsightLists(queryClient, ws);
    },
  });
}

export function useCreateCustomer(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CustomerCreateBody>) => call(routes.createCustomer, { params: { workspace: ws }, body }),
    onSuccess: (customer) => {
      queryClient.setQueryData(dkeys.customer(ws, customer.id), customer);
      void queryClient.invalidateQueries({ queryKey: dkeys.customersAll(ws) });
    },
  });
}

export function useUpdateCustomer(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch, version }: { id: string; patch: CustomerPatch; version: number }) =>
      call(routes.updateCustomer, { params: { workspace: ws, id }, body: patch, ifMatch: version }),
    onSuccess: (customer) => {
      queryClient.setQueryData(dkeys.customer(ws, customer.id), customer);
      void queryClient.invalidateQueries({ queryKey: dkeys.customersAll(ws) });
      void queryClient.invalidateQueries({ queryKey: dkeys.evidenceAll(ws) });
    },
    onError: (error, { id }) => {
      if (isApiError(error, 'version_conflict') && error.current)
        queryClient.setQueryData(dkeys.customer(ws, id), error.current as CustomerDto);
    },
  });
}

export function useDeleteCustomer(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      call(routes.deleteCustomer, { params: { workspace: ws, id }, ifMatch: version }),
    onSuccess: (_r, { id }) => {
      queryClient.removeQueries({ queryKey: dkeys.customer(ws, id) });
      void queryClient.invalidateQueries({ queryKey: dkeys.customersAll(ws) });
      resetInsightLists(queryClient, ws);
    },
  });
}

export interface ImportStart {
  kind: 'insights' | 'customers';
  mapping: Record<string, string>;
  onError: 'skip' | 'stop';
  createCustomers: boolean;
  file: File;
}

/**
 * Uploads a CSV as multipart/form-data. The option fields go first and the file last:
 * the server reads the options before it streams the file.
 */
export async function uploadImport(ws: string, start: ImportStart): Promise<ImportJobDto> {
  const form = new FormData();
  form.append('kind', start.kind);
  form.append('mapping', JSON.stringify(start.mapping));
  form.append('onError', start.onError);
  form.append('createCustomers', String(start.createCustomers));
  form.append('file', start.file, start.file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/v1/workspaces/${encodeURIComponent(ws)}/imports`, {
      method: 'POST',
      headers,
      body: form,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network_error', detail: (error as Error).message });
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw new ApiError(asProblem(response.status, data));
  return data as ImportJobDto;
}

export function useStartImport(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (start: ImportStart) => uploadImport(ws, start),
    onSuccess: (job) => {
      queryClient.setQueryData(dkeys.importJob(ws, job.id), job);
      void queryClient.invalidateQueries({ queryKey: dkeys.imports(ws) });
    },
  });
}

/** After an import finishes: every list may have new rows. */
export function useImportFinished(ws: string) {
  const queryClient = useQueryClient();
  return () => {
    resetInsightLists(queryClient, ws);
    void queryClient.invalidateQueries({ queryKey: dkeys.customersAll(ws) });
    void queryClient.invalidateQueries({ queryKey: dkeys.imports(ws) });
    void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
  };
}
