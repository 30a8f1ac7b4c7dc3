/** Small things remembered on this device (never secrets). */
const LAST_WORKSPACE_KEY = 'cairn.last-workspace';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function rememberWorkspace(slug: string): void {
  storage()?.setItem(LAST_WORKSPACE_KEY, slug);
}

export function lastWorkspace(): string | null {
  return storage()?.getItem(LAST_WORKSPACE_KEY) ?? null;
}

export function forgetWorkspace(): void {
  storage()?.removeItem(LAST_WORKSPACE_KEY);
}
