import type { Routes } from '../../../contract/routes.js';
import { type Handler, requireAccess } from '../../http/handler.js';
import { setSessionCookies } from '../../http/session-cookie.js';
import { createSession } from '../auth/service.js';
import { acceptInvitation, getInvitation, inviteMember, listMembers, removeMember, updateMemberRole } from './service.js';

export const memberHandlers = {
  listMembers: async (ctx) => ({ items: await listMembers(ctx.services.db, requireAccess(ctx)) }),
  inviteMember: async (ctx) => {
    const base = ctx.services.config.publicUrl ?? `${ctx.request.protocol}://${ctx.request.host}`;
    return inviteMember(ctx.services.db, requireAccess(ctx), ctx.body, base);
  },
  updateMember: async (ctx) =>
    updateMemberRole(
      ctx.services.db,
      ctx.services.dialect,
      requireAccess(ctx),
      ctx.params.id,
      ctx.body.role,
      ctx.expectedVersion ?? undefined,
    ),
  removeMember: async (ctx) => {
    await removeMember(ctx.services.db, ctx.services.dialect, requireAccess(ctx), ctx.params.id);
    return null;
  },
  getInvitation: async (ctx) => getInvitation(ctx.services.db, ctx.params.token),
  acceptInvitation: async (ctx) => {
    const { workspace, newUserId } = await acceptInvitation(ctx.services.db, ctx.params.token, ctx.auth, ctx.body);
    if (!newUserId) return { workspace, csrfToken: null };
    // A new account is signed in straight away, as after set-up.
    const session = await createSession(ctx.services.db, newUserId, ctx.services.config.sessionDays);
    setSessionCookies(ctx.request, ctx.reply, session);
    return { workspace, csrfToken: session.csrfToken };
  },
} satisfies {
  [K in 'listMembers' | 'inviteMember' | 'updateMember' | 'removeMember' | 'getInvitation' | 'acceptInvitation']: Handler<Routes[K]>;
};
