import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { buildTree, flattenTree, type TreeNode } from '../../../domain/strategy/index.js';
import { membersQuery } from '../../api/queries.js';
import { type ObjectiveDto, objectivesQuery } from '../../api/strategy.js';

/** Every objective of the workspace (all pages), and lookups over them. */
export function useAllObjectives(ws: string) {
  const query = useInfiniteQuery(objectivesQuery(ws));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const byId = useMemo(() => new Map(items.map((o) => [o.id, o])), [items]);
  return { query, items, byId, complete: !hasNextPage };
}

/** Siblings by period start, then title: the way an alignment tree reads. */
export const bySiblingOrder = (a: ObjectiveDto, b: ObjectiveDto) =>
  a.period.start.localeCompare(b.period.start) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/** The whole tree as rows, parents first, each with its depth. */
export function treeRows(items: ObjectiveDto[]): TreeNode<ObjectiveDto>[] {
  return flattenTree(buildTree(items, bySiblingOrder));
}

/** Ids under an objective (not itself): where it cannot be moved. */
export function descendantsOf(items: ObjectiveDto[], id: string): Set<string> {
  const out = new Set<string>();
  let frontier = [id];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const o of items) {
      if (o.parentId !== null && frontier.includes(o.parentId) && !out.has(o.id) && o.id !== id) {
        out.add(o.id);
        next.push(o.id);
      }
    }
    frontier = next;
  }
  return out;
}

/** Parents from the top down to the objective's parent. */
export function ancestorsOf(byId: Map<string, ObjectiveDto>, objective: ObjectiveDto): ObjectiveDto[] {
  const out: ObjectiveDto[] = [];
  const seen = new Set([objective.id]);
  let current = objective.parentId ? byId.get(objective.parentId) : undefined;
  while (current && !seen.has(current.id)) {
    out.unshift(current);
    seen.add(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return out;
}

/** Names of the workspace's people by user id (owners are users). */
export function useMemberNames(ws: string) {
  const members = useQuery(membersQuery(ws));
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const m of members.data ?? []) if (m.userId) names.set(m.userId, m.name ?? m.email);
    return { names, members: (members.data ?? []).filter((m) => m.userId && m.status === 'active') };
  }, [members.data]);
}
