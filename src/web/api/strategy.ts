import { infiniteQueryOptions, type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  KeyResult,
  KeyResultCreateBody,
  KeyResultPatchBody,
  Objective,
  ObjectiveCreateBody,
  ObjectiveFeature,
  ObjectivePatchBody,
  ObjectiveStatus,
  PeriodInput,
} from '../../contract/objectives.js';
import { routes } from '../../contract/routes.js';
import { keyResultProgress } from '../../domain/strategy/index.js';
import { call, isApiError } from './client.js';
import { dkeys } from './discovery.js';
import { keys } from './queries.js';

export type ObjectiveDto = z.output<typeof Objective>;
export type KeyResultDto = z.output<typeof KeyResult>;
export type ObjectiveFeatureDto = z.output<typeof ObjectiveFeature>;
export type ObjectiveStatusValue = z.output<typeof ObjectiveStatus>;
export type PeriodInputValue = z.input<typeof PeriodInput>;
export type ObjectiveCreate = z.input<typeof ObjectiveCreateBody>;
export type ObjectivePatch = Omit<z.input<typeof ObjectivePatchBody>, 'version'>;
export type KeyResultCreate = z.input<typeof KeyResultCreateBody>;
export type KeyResultPatch = Omit<z.input<typeof KeyResultPatchBody>, 'version'>;

/** Query keys of strategy, in one place so mutations refresh exactly what they change. */
export const skeys = {
  objectivesAll: (ws: string) => ['objectives', ws] as const,
  objective: (ws: string, id: string) => ['objective', ws, id] as const,
  keyResults: (ws: string, id: string) => ['key-results', ws, id] as const,
  objectiveFeaturesAll: (ws: string) => ['objective-features', ws] as const,
  objectiveFeatures: (ws: string, id: string) => ['objective-features', ws, id] as const,
  featureObjectivesAll: (ws: string) => ['feature-objectives', ws] as const,
  featureObjectives: (ws: string, featureId: string) => ['feature-objectives', ws, featureId] as const,
};

/** Objectives come in pages of 1,000: a workspace's whole tree is usually one request. */
export const OBJECTIVE_PAGE = 1000;

/** Every objective of the workspace (the strategy page filters and nests them in the browser). */
export const objectivesQuery = (ws: string) =>
  infiniteQueryOptions({
    queryKey: skeys.objectivesAll(ws),
    queryFn: ({ pageParam, signal }) =>
      call(routes.listObjectives, {
        params: { workspace: ws },
        query: { limit: OBJECTIVE_PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const objectiveQuery = (ws: string, id: string) =>
  queryOptions({
    queryKey: skeys.objective(ws, id),
    queryFn: () => call(routes.getObjective, { params: { workspace: ws, id } }),
  });

export const keyResultsQuery = (ws: string, id: string) =>
  queryOptions({
    queryKey: skeys.keyResults(ws, id),
    queryFn: async () => (await call(routes.listKeyResults, { params: { workspace: ws, id } })).items,
  });

export const objectiveFeaturesQuery = (ws: string, id: string) =>
  infiniteQueryOptions({
    queryKey: skeys.objectiveFeatures(ws, id),
    queryFn: ({ pageParam, signal }) =>
      call(routes.listObjectiveFeatures, {
        params: { workspace: ws, id },
        query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const featureObjectivesQuery = (ws: string, featureId: string) =>
  queryOptions({
    queryKey: skeys.featureObjectives(ws, featureId),
    queryFn: async () => (await call(routes.listFeatureObjectives, { params: { workspace: ws, id: featureId } })).items,
  });

/** What an objective write changes elsewhere: lists, trees, counts and the history. */
function touchObjectives(queryClient: QueryClient, ws: string) {
  void queryClient.invalidateQueries({ queryKey: skeys.objectivesAll(ws) });
  void queryClient.invalidateQueries({ queryKey: skeys.featureObjectivesAll(ws) });
  void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
}

export function useCreateObjective(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ObjectiveCreate) => call(routes.createObjective, { params: { workspace: ws }, body }),
    onSuccess: (objective) => {
      queryClient.setQueryData(skeys.objective(ws, objective.id), objective);
      touchObjectives(queryClient, ws);
    },
  });
}

export function useUpdateObjective(ws: string, id: string) {
  const queryClient = useQueryClient();
  const key = skeys.objective(ws, id);
  return useMutation({
    // One edit at a time per objective, each sent with the version the previous one left.
    scope: { id: `objective:${ws}:${id}` },
    mutationFn: async ({ patch, version }: { patch: ObjectivePatch; version?: number }) => {
      const known = version ?? queryClient.getQueryData<ObjectiveDto>(key)?.version;
      return call(routes.updateObjective, { params: { workspace: ws, id }, body: patch, ...(known !== undefined && { ifMatch: known }) });
    },
    onSuccess: (objective) => {
      queryClient.setQueryData(key, objective);
      touchObjectives(queryClient, ws);
    },
    onError: (error) => {
      if (isApiError(error, 'version_conflict') && error.current) queryClient.setQueryData(key, error.current as ObjectiveDto);
    },
  });
}

export function useDeleteObjective(ws: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => call(routes.deleteObjective, { params: { workspace: ws, id }, ifMatch: version }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: skeys.objective(ws, id) });
      touchObjectives(queryClient, ws);
    },
  });
}

/** A key result changed: its objective's progress and counts changed with it. */
function touchKeyResults(queryClient: QueryClient, ws: string, objectiveId: string) {
  void queryClient.invalidateQueries({ queryKey: skeys.keyResults(ws, objectiveId) });
  void queryClient.invalidateQueries({ queryKey: skeys.objective(ws, objectiveId) });
  touchObjectives(queryClient, ws);
}

export function useCreateKeyResult(ws: string, objectiveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: KeyResultCreate) => call(routes.createKeyResult, { params: { workspace: ws, id: objectiveId }, body }),
    onSuccess: (kr) => {
      queryClient.setQueryData<KeyResultDto[]>(skeys.keyResults(ws, objectiveId), (list) => (list ? [...list, kr] : list));
      touchKeyResults(queryClient, ws, objectiveId);
    },
  });
}

function replaceKeyResult(queryClient: QueryClient, ws: string, objectiveId: string, kr: KeyResultDto) {
  queryClient.setQueryData<KeyResultDto[]>(skeys.keyResults(ws, objectiveId), (list) => list?.map((k) => (k.id === kr.id ? kr : k)));
}

/**
 * Edits a key result. The new values (and so the progress) show at once; the server's answer
 * replaces them, and a refusal puts the latest saved state back.
 */
export function useUpdateKeyResult(ws: string, objectiveId: string) {
  const queryClient = useQueryClient();
  const listKey = skeys.keyResults(ws, objectiveId);
  return useMutation({
    scope: { id: `key-results:${ws}:${objectiveId}` },
    mutationFn: async ({ id, patch }: { id: string; patch: KeyResultPatch }) => {
      const known = queryClient.getQueryData<KeyResultDto[]>(listKey)?.find((k) => k.id === id)?.version;
      return call(routes.updateKeyResult, {
        params: { workspace: ws, id: objectiveId, keyResultId: id },
        body: patch,
        ...(known !== undefined && { ifMatch: known }),
      });
    },
    onMutate: async ({ id, patch }) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const previous = queryClient.getQueryData<KeyResultDto[]>(listKey)?.find((k) => k.id === id);
      if (previous) {
        const next = { ...previous, ...(patch as Partial<KeyResultDto>) };
        replaceKeyResult(queryClient, ws, objectiveId, { ...next, progress: keyResultProgress(next) });
      }
      return { previous };
    },
    onSuccess: (kr) => {
      replaceKeyResult(queryClient, ws, objectiveId, kr);
      void queryClient.invalidateQueries({ queryKey: skeys.objective(ws, objectiveId) });
      touchObjectives(queryClient, ws);
    },
    onError: (error, _vars, context) => {
      if (isApiError(error, 'version_conflict') && error.current)
        replaceKeyResult(queryClient, ws, objectiveId, error.current as KeyResultDto);
      else if (context?.previous) replaceKeyResult(queryClient, ws, objectiveId, context.previous);
    },
  });
}

export function useDeleteKeyResult(ws: string, objectiveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      call(routes.deleteKeyResult, {
        params: { workspace: ws, id: objectiveId, keyResultId: id },
        ...(version !== undefined && { ifMatch: version }),
      }),
    onSuccess: (_r, { id }) => {
      queryClient.setQueryData<KeyResultDto[]>(skeys.keyResults(ws, objectiveId), (list) => list?.filter((k) => k.id !== id));
      touchKeyResults(queryClient, ws, objectiveId);
    },
  });
}

/** Links change both sides: the objective's features and the feature's objectives. */
function touchLinks(queryClient: QueryClient, ws: string, featureId: string, objectiveId: string) {
  void queryClient.invalidateQueries({ queryKey: skeys.featureObjectives(ws, featureId) });
  void queryClient.invalidateQueries({ queryKey: skeys.objectiveFeatures(ws, objectiveId) });
  void queryClient.invalidateQueries({ queryKey: skeys.objective(ws, objectiveId) });
  void queryClient.invalidateQueries({ queryKey: skeys.objectivesAll(ws) });
  void queryClient.invalidateQueries({ queryKey: dkeys.feature(ws, featureId) });
  void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
}

export function useLinkFeatureObjective(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ featureId, objectiveId }: { featureId: string; objectiveId: string }) =>
      call(routes.linkFeatureObjective, { params: { workspace: ws, id: featureId }, body: { objectiveId } }),
    onSuccess: (_link, { featureId, objectiveId }) => touchLinks(queryClient, ws, featureId, objectiveId),
  });
}

export function useUnlinkFeatureObjective(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ featureId, objectiveId }: { featureId: string; objectiveId: string }) =>
      call(routes.unlinkFeatureObjective, { params: { workspace: ws, id: featureId, objectiveId } }),
    onSuccess: (_r, { featureId, objectiveId }) => touchLinks(queryClient, ws, featureId, objectiveId),
  });
}
