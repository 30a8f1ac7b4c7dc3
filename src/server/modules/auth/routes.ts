import type { Routes } from '../../../contract/routes.js';
import { AppError } from '../../http/errors.js';
import { type Handler, requireAuth } from '../../http/handler.js';
import { clearSessionCookies, setSessionCookies } from '../../http/session-cookie.js';
import {
  authenticate,
  createApiToken,
  createSession,
  endSession,
  isSetupNeeded,
  listApiTokens,
  revokeApiToken,
  runSetup,
  toUserDto,
  updateProfile,
} from './service.js';

export const authHandlers = {
  getSetup: async ({ services }) => ({ needed: await isSetupNeeded(services.db) }),

  runSetup: async ({ services, body, request, reply }) => {
    const user = await runSetup(services.db, services.dialect, body);
    const session = await createSession(services.db, user.id, services.config.sessionDays);
    setSessionCookies(request, reply, session);
    return { user: toUserDto(user), csrfToken: session.csrfToken };
  },

  login: async ({ services, body, request, reply }) => {
    const { loginThrottle } = services;
    // Counted before the (slow) password check, so parallel guesses cannot all slip in.
    const reservation = loginThrottle.reserve(request.ip);
    if (!reservation) {
      reply.header('retry-after', String(loginThrottle.retryAfterSeconds(request.ip)));
      throw new AppError('rate_limited', 'Too many failed sign-ins from this address; wait a minute and try again.');
    }
    const user = await authenticate(services.db, body.email, body.password);
    if (!user) throw new AppError('invalid_credentials', 'Wrong email or password.');
    loginThrottle.release(reservation);
    const session = await createSession(services.db, user.id, services.config.sessionDays);
    setSessionCookies(request, reply, session);
    return { user: toUserDto(user), csrfToken: session.csrfToken };
  },

  logout: async (ctx) => {
    const auth = requireAuth(ctx);
    if (auth.sessionId) await endSession(ctx.services.db, auth.sessionId);
    clearSessionCookies(ctx.request, ctx.reply);
    return null;
  },

  me: async (ctx) => {
    const auth = requireAuth(ctx);
    return { user: toUserDto(auth.user), csrfToken: auth.csrfToken, via: auth.via };
  },

  updateMe: async (ctx) => toUserDto(await updateProfile(ctx.services.db, requireAuth(ctx).user, ctx.body)),

  listTokens: async (ctx) => ({ items: await listApiTokens(ctx.services.db, requireAuth(ctx).user.id) }),

  createToken: async (ctx) => createApiToken(ctx.services.db, requireAuth(ctx).user.id, ctx.body.name),

  revokeToken: async (ctx) => {
    await revokeApiToken(ctx.services.db, requireAuth(ctx).user.id, ctx.params.id);
    return null;
  },
} satisfies {
  [K in 'getSetup' | 'runSetup' | 'login' | 'logout' | 'me' | 'updateMe' | 'listTokens' | 'createToken' | 'revokeToken']: Handler<
    Routes[K]
  >;
};
