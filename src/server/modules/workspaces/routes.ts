import type { Routes } from '../../../contract/routes.js';
import { type Handler, requireAccess, requireAuth, requireVersion } from '../../http/handler.js';
import { createWorkspace, listMyWorkspaces, toWorkspaceDto, updateWorkspace } from './service.js';

export const workspaceHandlers = {
  listWorkspaces: async (ctx) => ({ items: await listMyWorkspaces(ctx.services.db, requireAuth(ctx).user.id) }),
  createWorkspace: async (ctx) => createWorkspace(ctx.services.db, requireAuth(ctx).user, ctx.body),
  getWorkspace: async (ctx) => {
    const access = requireAccess(ctx);
    return toWorkspaceDto(access.workspace, access.role);
  },
  updateWorkspace: async (ctx) => updateWorkspace(ctx.services.db, requireAccess(ctx), requireVersion(ctx), ctx.body),
} satisfies { [K in 'listWorkspaces' | 'createWorkspace' | 'getWorkspace' | 'updateWorkspace']: Handler<Routes[K]> };
