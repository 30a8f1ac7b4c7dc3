import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { can, type Permission } from '../../domain/roles.js';
import { type WorkspaceDto, workspaceQuery } from '../api/queries.js';
import { lastWorkspace } from './preferences.js';

/** The workspace of the current page (its route has loaded it before rendering). */
export function useWorkspace(): WorkspaceDto & { can: (permission: Permission) => boolean; key: string } {
  const { workspace: key } = useParams({ strict: false }) as { workspace?: string };
  if (!key) throw new Error('useWorkspace is used outside a workspace route');
  const { data } = useSuspenseQuery(workspaceQuery(key));
  return { ...data, key, can: (permission) => can(data.role, permission) };
}

/**
 * The workspace in the URL, or the last one used: pages outside a workspace (profile,
 * API tokens) keep the navigation of the workspace the person came from.
 */
export function useCurrentWorkspace(): WorkspaceDto | null {
  const { workspace: fromUrl } = useParams({ strict: false }) as { workspace?: string };
  const key = fromUrl ?? lastWorkspace() ?? '';
  const { data } = useQuery({ ...workspaceQuery(key), enabled: key !== '' });
  return data ?? null;
}
