import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ProfilePatch } from '../../contract/auth.js';
import { routes } from '../../contract/routes.js';
import type { WorkspaceCreateBody } from '../../contract/workspaces.js';
import type { Role } from '../../domain/roles.js';
import { call, isApiError } from './client.js';
import { keys, type MeDto, type WorkspaceDto } from './queries.js';

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof WorkspaceCreateBody>) => call(routes.createWorkspace, { body }),
    onSuccess: (workspace) => {
      queryClient.setQueryData(keys.workspace(workspace.slug), workspace);
      void queryClient.invalidateQueries({ queryKey: keys.workspaces });
    },
  });
}

export function useUpdateWorkspace(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, slug, version }: { name?: string; slug?: string; version: number }) =>
      call(routes.updateWorkspace, {
        params: { workspace: ws },
        body: { ...(name !== undefined && { name }), ...(slug !== undefined && { slug }) },
        ifMatch: version,
      }),
    onSuccess: (workspace) => {
      queryClient.setQueryData(keys.workspace(workspace.slug), workspace);
      if (workspace.slug !== ws) queryClient.setQueryData(keys.workspace(ws), workspace);
      void queryClient.invalidateQueries({ queryKey: keys.workspaces });
      void queryClient.invalidateQueries({ queryKey: keys.activityAll(workspace.slug) });
    },
    onError: (error) => {
      if (isApiError(error, 'version_conflict') && error.current) {
        queryClient.setQueryData(keys.workspace(ws), error.current as WorkspaceDto);
      }
    },
  });
}

export function useInviteMember(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) => call(routes.inviteMember, { params: { workspace: ws }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.members(ws) });
      void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
    },
  });
}

export function useUpdateMember(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role, version }: { id: string; role: Role; version: number }) =>
      call(routes.updateMember, { params: { workspace: ws, id }, body: { role, version } }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.members(ws) });
      void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
    },
  });
}

export function useRemoveMember(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(routes.removeMember, { params: { workspace: ws, id } }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.members(ws) });
      void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
    },
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(routes.createToken, { body: { name } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(routes.revokeToken, { params: { id } }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ProfilePatch>) => call(routes.updateMe, { body }),
    onSuccess: (user) => {
      const me = queryClient.getQueryData<MeDto>(keys.me);
      if (me) queryClient.setQueryData<MeDto>(keys.me, { ...me, user });
    },
  });
}
