/**
 * The alignment tree: company goals at the top, the objectives that serve them below
 * (product objectives, team objectives…). Built from flat rows that name their parent.
 * A tree is at most MAX_DEPTH levels deep, and no objective may end up its own ancestor.
 */
export const MAX_DEPTH = 5;

export interface TreeItem {
  id: string;
  parentId: string | null;
}

export interface TreeNode<T extends TreeItem> {
  item: T;
  /** 1 for a root. */
  depth: number;
  children: TreeNode<T>[];
}

/**
 * Nests flat items under their parents. An item whose parent is not in the list (filtered
 * out, or in a period not shown) is shown as a root, so nothing disappears from view; rows
 * caught in a cycle (which the rules below prevent, but old or hand-edited data could hold)
 * are shown too, each once. Siblings keep the order of `compare`, or of the input.
 */
export function buildTree<T extends TreeItem>(items: readonly T[], compare?: (a: T, b: T) => number): TreeNode<T>[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  const childrenOf = new Map<string, T[]>();
  const roots: T[] = [];
  for (const item of byId.values()) {
    const parent = item.parentId;
    if (parent !== null && parent !== item.id && byId.has(parent)) {
      const list = childrenOf.get(parent);
      if (list) list.push(item);
      else childrenOf.set(parent, [item]);
    } else roots.push(item);
  }
  const sort = (list: T[]) => (compare ? [...list].sort(compare) : list);
  const placed = new Set<string>();
  const grow = (item: T, depth: number): TreeNode<T> => {
    placed.add(item.id);
    const children = sort(childrenOf.get(item.id) ?? [])
      .filter((child) => !placed.has(child.id))
      .map((child) => grow(child, depth + 1));
    return { item, depth, children };
  };
  const forest = sort(roots).map((root) => grow(root, 1));
  // Whatever is left sits in a cycle: break it at its first item in input order.
  for (const item of byId.values()) if (!placed.has(item.id)) forest.push(grow(item, 1));
  return forest;
}

/** Depth-first list of a forest, parents before their children: the order rows are drawn in. */
export function flattenTree<T extends TreeItem>(forest: readonly TreeNode<T>[]): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  const walk = (nodes: readonly TreeNode<T>[]) => {
    for (const node of nodes) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(forest);
  return out;
}

/** Parent ids from the item up to its root (not the item itself); stops at a cycle. */
export function ancestorsOf(parentOf: ReadonlyMap<string, string | null>, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  let current = parentOf.get(id) ?? null;
  while (current !== null && !seen.has(current)) {
    out.push(current);
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return out;
}

/** Levels in the subtree under an item, itself included: 1 for a leaf. */
export function subtreeHeight(parentOf: ReadonlyMap<string, string | null>, id: string): number {
  const childrenOf = new Map<string, string[]>();
  for (const [child, parent] of parentOf) {
    if (parent === null) continue;
    const list = childrenOf.get(parent);
    if (list) list.push(child);
    else childrenOf.set(parent, [child]);
  }
  let height = 0;
  let level = [id];
  const seen = new Set<string>([id]);
  while (level.length > 0) {
    height += 1;
    const next: string[] = [];
    for (const node of level) {
      for (const child of childrenOf.get(node) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        next.push(child);
      }
    }
    level = next;
  }
  return height;
}

export type MoveRefusal = 'self_parent' | 'cycle' | 'unknown_parent' | 'too_deep';

export type MoveVerdict = { allowed: true; depth: number } | { allowed: false; reason: MoveRefusal };

/**
 * Whether an objective may sit under `parentId` (null: at the top). `id` is null for an
 * objective not created yet. Refused: being one's own parent, going under one's own
 * descendant (it would become its own ancestor), a parent that does not exist, and ending
 * up — with everything under it — deeper than MAX_DEPTH levels.
 * `parentOf` maps every existing objective of the workspace to its parent.
 */
export function checkMove(parentOf: ReadonlyMap<string, string | null>, id: string | null, parentId: string | null): MoveVerdict {
  if (parentId === null) {
    const height = id === null ? 1 : subtreeHeight(parentOf, id);
    return height > MAX_DEPTH ? { allowed: false, reason: 'too_deep' } : { allowed: true, depth: 1 };
  }
  if (id !== null && parentId === id) return { allowed: false, reason: 'self_parent' };
  if (!parentOf.has(parentId)) return { allowed: false, reason: 'unknown_parent' };
  const chain = ancestorsOf(parentOf, parentId);
  if (id !== null && chain.includes(id)) return { allowed: false, reason: 'cycle' };
  const depth = chain.length + 2;
  const height = id === null ? 1 : subtreeHeight(parentOf, id);
  if (depth + height - 1 > MAX_DEPTH) return { allowed: false, reason: 'too_deep' };
  return { allowed: true, depth };
}

export const MOVE_REFUSALS: Record<MoveRefusal, string> = {
  self_parent: 'An objective cannot be its own parent.',
  cycle: 'That parent sits under this objective: it would become its own ancestor.',
  unknown_parent: 'No such objective in this workspace.',
  too_deep: `Alignment trees are at most ${MAX_DEPTH} levels deep.`,
};
