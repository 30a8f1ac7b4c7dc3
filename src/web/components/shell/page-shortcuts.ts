import { useEffect, useSyncExternalStore } from 'react';

export interface ShortcutRow {
  keys: string[];
  label: string;
}

export interface ShortcutSection {
  title: string;
  rows: ShortcutRow[];
}

/**
 * Shortcuts a page adds while it is shown (the inbox's j/k/x…), listed by the "?" help
 * under the global ones. A page registers its section on mount and removes it on unmount.
 */
let sections: ReadonlyMap<string, ShortcutSection> = new Map();
const listeners = new Set<() => void>();

function publish(next: ReadonlyMap<string, ShortcutSection>) {
  sections = next;
  for (const listener of listeners) listener();
}

export function usePageShortcuts(id: string, section: ShortcutSection) {
  const signature = JSON.stringify(section);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the section is compared by value (signature)
  useEffect(() => {
    const next = new Map(sections);
    next.set(id, section);
    publish(next);
    return () => {
      const rest = new Map(sections);
      rest.delete(id);
      publish(rest);
    };
  }, [id, signature]);
}

export function usePageShortcutSections(): ShortcutSection[] {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => sections,
  );
  return [...current.values()];
}
