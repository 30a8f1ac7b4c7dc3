import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteDef } from '../../contract/route.js';
import type { Auth } from '../modules/auth/service.js';
import type { Access } from '../modules/workspaces/service.js';
import type { Services } from '../services.js';

type Out<T> = [Exclude<T, undefined>] extends [never] ? undefined : z.output<Exclude<T, undefined>>;

/** What a route handler receives: validated input, who is calling, and the app's services. */
export interface HandlerContext<R extends RouteDef> {
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  /** Set on every route whose auth is 'user'; null only on public routes. */
  auth: Auth | null;
  /** Set on workspace routes (those with a :workspace param). */
  access: Access | null;
  /** The version the client edited, from If-Match or the body (versioned routes only). */
  expectedVersion: number | null;
  services: Services;
  request: FastifyRequest;
  reply: FastifyReply;
}

export type Handler<R extends RouteDef> = (ctx: HandlerContext<R>) => Promise<z.output<R['response']>>;

export function requireAuth(ctx: { auth: Auth | null }): Auth {
  if (!ctx.auth) throw new Error('Route declared auth: user but no auth was resolved');
  return ctx.auth;
}

export function requireAccess(ctx: { access: Access | null }): Access {
  if (!ctx.access) throw new Error('Workspace route without resolved access');
  return ctx.access;
}

export function requireVersion(ctx: { expectedVersion: number | null }): number {
  if (ctx.expectedVersion === null) throw new Error('Versioned route without an expected version');
  return ctx.expectedVersion;
}
