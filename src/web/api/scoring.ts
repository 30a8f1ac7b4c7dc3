import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { routes } from '../../contract/routes.js';
import type { FeatureSort, ScoreExplanation, ScoringSettings, ScoringSettingsPatch } from '../../contract/scoring.js';
import type { ScoresPatch } from '../../domain/scoring/feature-scores.js';
import type { FrameworkKey } from '../../domain/scoring/index.js';
import { call, isApiError } from './client.js';
import { dkeys, type FeatureDto } from './discovery.js';
import { keys } from './queries.js';

export type ScoringSettingsDto = z.output<typeof ScoringSettings>;
export type ScoringSettingsPatchBody = z.input<typeof ScoringSettingsPatch>;
export type ExplanationDto = z.output<typeof ScoreExplanation>;
export type FeatureSortValue = z.output<typeof FeatureSort>;

/** The API's sort key of a framework (`valueEffort` is `value_effort` in URLs). */
export function sortOf(framework: FrameworkKey): FeatureSortValue {
  return framework === 'valueEffort' ? 'value_effort' : framework;
}

export interface RankedFilters {
  framework: FrameworkKey;
  productId?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
}

/** Rows per request: the ranked table holds every feature of the selection to re-rank it in the browser. */
export const RANKED_PAGE = 1000;
/** Above this many features the table stops loading more and says so (ranking stays the server's). */
export const RANKED_MAX = 10_000;

export const skeys = {
  scoring: (ws: string) => ['scoring', ws] as const,
  // Under dkeys.featuresAll, so whatever refreshes feature lists refreshes these too.
  ranked: (ws: string, filters: RankedFilters) => [...dkeys.featuresAll(ws), 'ranked', filters] as const,
  explanationAll: (ws: string) => ['score-explanation', ws] as const,
  explanation: (ws: string, id: string, framework: FrameworkKey) => ['score-explanation', ws, id, framework] as const,
};

function clean(filters: RankedFilters) {
  return {
    sort: sortOf(filters.framework),
    ...(filters.productId && { productId: filters.productId }),
    ...(filters.status && { status: filters.status }),
    ...(filters.q?.trim() && { q: filters.q.trim() }),
  };
}

export const scoringQuery = (ws: string) =>
  queryOptions({
    queryKey: skeys.scoring(ws),
    queryFn: ({ signal }) => call(routes.getScoring, { params: { workspace: ws }, signal }),
    staleTime: 60_000,
  });

export const rankedFeaturesQuery = (ws: string, filters: RankedFilters) =>
  infiniteQueryOptions({
    queryKey: skeys.ranked(ws, filters),
    queryFn: ({ pageParam, signal }) =>
      call(routes.listFeatures, {
        params: { workspace: ws },
        query: { ...clean(filters), limit: RANKED_PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '' as string,
    getNextPageParam: (last, pages) => (pages.length * RANKED_PAGE >= RANKED_MAX ? undefined : (last.nextCursor ?? undefined)),
    // Edits update the loaded rows in place; refetching a thousand rows on focus would undo nothing.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });

export const explanationQuery = (ws: string, id: string, framework: FrameworkKey) =>
  queryOptions({
    queryKey: skeys.explanation(ws, id, framework),
    queryFn: ({ signal }) => call(routes.featureScoreExplanation, { params: { workspace: ws, id }, query: { framework }, signal }),
  });

type Page = { items: FeatureDto[]; nextCursor: string | null };

/**
 * A saved feature goes into every cached copy: the feature itself and each loaded page of
 * every feature list (ranked or not). Nothing is refetched: the row is already right.
 */
export function applyFeature(queryClient: QueryClient, ws: string, feature: FeatureDto) {
  queryClient.setQueryData(dkeys.feature(ws, feature.id), feature);
  for (const [key, data] of queryClient.getQueriesData<InfiniteData<Page, string>>({ queryKey: dkeys.featuresAll(ws) })) {
    if (!data?.pages) continue;
    let changed = false;
    const pages = data.pages.map((page) => {
      const index = page.items.findIndex((f) => f.id === feature.id);
      if (index < 0) return page;
      changed = true;
      const items = page.items.slice();
      items[index] = feature;
      return { ...page, items };
    });
    if (changed) queryClient.setQueryData(key, { ...data, pages });
  }
  void queryClient.invalidateQueries({ queryKey: skeys.explanationAll(ws) });
}

/** Sends a feature's changed score inputs (merged by the server) with the version they were typed on. */
export function saveScores(ws: string, id: string, version: number, scores: ScoresPatch): Promise<FeatureDto> {
  return call(routes.updateFeature, {
    params: { workspace: ws, id },
    body: { scores },
    ifMatch: version,
  });
}

export function useUpdateScoring(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, ...patch }: ScoringSettingsPatchBody & { version: number }) =>
      call(routes.updateScoring, { params: { workspace: ws }, body: patch, ifMatch: version }),
    onSuccess: (settings) => {
      queryClient.setQueryData(skeys.scoring(ws), settings);
      // Every stored score may have changed (ICE variant, formula…): lists and explanations load again.
      void queryClient.invalidateQueries({ queryKey: dkeys.featuresAll(ws) });
      void queryClient.invalidateQueries({ queryKey: ['feature', ws] });
      void queryClient.invalidateQueries({ queryKey: skeys.explanationAll(ws) });
      void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
    },
    onError: (error) => {
      if (isApiError(error, 'version_conflict') && error.current)
        queryClient.setQueryData(skeys.scoring(ws), error.current as ScoringSettingsDto);
    },
  });
}
