import { useSyncExternalStore } from 'react';

/**
 * Features an insight was linked to during this visit, to show them by name next to the
 * insight (the API gives the insight's number of links, not the features).
 */
interface LinkedFeature {
  id: string;
  title: string;
}

let links: ReadonlyMap<string, LinkedFeature[]> = new Map();
const listeners = new Set<() => void>();
const EMPTY: LinkedFeature[] = [];

export function rememberLink(insightId: string, feature: LinkedFeature) {
  const next = new Map(links);
  const known = next.get(insightId) ?? [];
  if (!known.some((f) => f.id === feature.id)) next.set(insightId, [...known, feature]);
  links = next;
  for (const listener of listeners) listener();
}

export function forgetLink(insightId: string, featureId: string) {
  const known = links.get(insightId);
  if (!known) return;
  const next = new Map(links);
  next.set(
    insightId,
    known.filter((f) => f.id !== featureId),
  );
  links = next;
  for (const listener of listeners) listener();
}

export function useSessionLinks(insightId: string): LinkedFeature[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => links.get(insightId) ?? EMPTY,
  );
}
