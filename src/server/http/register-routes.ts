import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { Problem } from '../../contract/common.js';
import type { RouteDef } from '../../contract/route.js';
import { type OperationId, type Routes, routes } from '../../contract/routes.js';
import { type Auth, resolveApiToken, resolveSession } from '../modules/auth/service.js';
import { type Access, authorize, resolveAccess } from '../modules/workspaces/service.js';
import type { Services } from '../services.js';
import { AppError } from './errors.js';
import type { Handler, HandlerContext } from './handler.js';
import { buildCacheable, CACHED_ROUTES, ResponseCache, workspaceStamp } from './response-cache.js';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.js';

export type Handlers = { [K in OperationId]: Handler<Routes[K]> };

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
    access: Access | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function identify(request: FastifyRequest, services: Services): Promise<Auth | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError('unauthenticated', 'Use "Authorization: Bearer <token>".');
    const auth = await resolveApiToken(services.db, match[1]);
    if (!auth) throw new AppError('unauthenticated', 'This API token is not valid or was revoked.');
    return auth;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? resolveSession(services.db, cookie) : null;
}

/**
 * Cookie-authenticated writes must echo the session's CSRF token. Bearer tokens are not
 * sent by browsers on their own, so they need no such defence. Public writes (sign-in)
 * refuse a cross-site Origin.
 */
function checkCsrf(request: FastifyRequest, auth: Auth | null): void {
  if (!UNSAFE.has(request.method)) return;
  if (auth?.via === 'session') {
    if (request.headers[CSRF_HEADER] !== auth.csrfToken) {
      throw new AppError('csrf_failed', `Cookie-authenticated writes need the ${CSRF_HEADER} header (the cairn_csrf cookie's value).`);
    }
    return;
  }
  const origin = request.headers.origin;
  if (auth === null && origin !== undefined && origin !== 'null') {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== request.host) throw new AppError('csrf_failed', 'Cross-site requests are not accepted.');
  }
}

function parseIfMatch(value: string | string[] | undefined): number | null {
  if (typeof value !== 'string') return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match?.[1])
    throw new AppError('validation_failed', 'If-Match must be the version number, e.g. If-Match: "3".', {
      errors: [{ path: 'headers.if-match', message: 'Not a version' }],
    });
  return Number(match[1]);
}

/** Registers every operation of the contract, with authentication, access and validation in front. */
export function registerRoutes(app: FastifyInstance, services: Services, handlers: Handlers): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const cache = new ResponseCache();
  for (const [operationId, def] of Object.entries(routes) as [OperationId, RouteDef][]) {
    const handler = handlers[operationId] as unknown as Handler<RouteDef>;
    if (!handler) throw new Error(`No handler for ${operationId}`);
    const needsWorkspace = def.path.includes(':workspace');
    const cached = def.method === 'GET' && needsWorkspace && CACHED_ROUTES.has(operationId);
    const description = [
      def.auth === 'public' ? 'No credentials needed.' : 'Needs a session cookie or a Bearer token.',
      def.permission ? `Workspace permission: \`${def.permission}\`.` : '',
      def.versioned ? 'Send the version you edited as `If-Match: "<version>"` or `version` in the body; a stale one gets 409.' : '',
      def.checksVersion ? 'Send the version you saw as `If-Match: "<version>"` to delete only that version; a stale one gets 409.' : '',
    ]
      .filter(Boolean)
      .join(' ');
    typed.route({
      method: def.method,
      url: def.path,
      schema: {
        operationId,
        summary: def.summary,
        description,
        tags: [def.tag],
        ...(def.params && { params: def.params }),
        ...(def.query && { querystring: def.query }),
        ...(def.body && { body: def.body }),
        ...(def.consumes && { consumes: [def.consumes] }),
        // Errors are problem+json whatever their status: 5XX too (503 while the database is out of reach).
        response: (def.produces
          ? { '4XX': Problem, '5XX': Problem }
          : { [def.status]: def.response, '4XX': Problem, '5XX': Problem }) as Record<string, z.ZodType>,
      },
      onRequest: async (request) => {
        request.access = null;
        if (/%00/.test(request.url)) throw new AppError('validation_failed', 'The URL cannot contain the NUL character (%00).');
        request.auth = await identify(request, services);
        if (def.auth === 'user' && !request.auth) throw new AppError('unauthenticated');
        checkCsrf(request, request.auth);
      },
      preValidation: async (request) => {
        if (!needsWorkspace || !request.auth) return;
        const { workspace } = request.params as { workspace: string };
        request.access = await resolveAccess(services.db, request.auth.user.id, workspace);
        if (def.permission) authorize(request.access, def.permission);
      },
      handler: async (request, reply) => {
        const body = request.body as { version?: unknown } | undefined;
        let expectedVersion: number | null = null;
        if (def.versioned || def.checksVersion || def.method === 'PATCH') {
          expectedVersion = parseIfMatch(request.headers['if-match']) ?? (typeof body?.version === 'number' ? body.version : null);
          if (def.versioned && expectedVersion === null) throw new AppError('precondition_required');
        }
        const ctx: HandlerContext<RouteDef> = {
          params: request.params,
          query: request.query,
          body: request.body,
          auth: request.auth,
          access: request.access,
          expectedVersion,
          services,
          request,
          reply,
        };
        if (cached && request.access) {
          // Same bytes as the normal path below (reply.serialize is the route's serializer).
          const workspaceId = request.access.workspace.id;
          const key = `${operationId}\u0000${workspaceId}\u0000${JSON.stringify(request.params)}\u0000${JSON.stringify(request.query)}`;
          const hit = cache.get(key, await workspaceStamp(services.db, workspaceId));
          reply.code(def.status).type('application/json; charset=utf-8');
          if (hit) return reply.send(hit);
          const { result, stamp } = await buildCacheable(services.db, services.dialect, workspaceId, (db) =>
            handler(db === services.db ? ctx : { ...ctx, services: { ...services, db } }),
          );
          const body = reply.serialize(result) as string;
          if (stamp !== null) cache.set(key, stamp, Buffer.from(body));
          return reply.send(body);
        }
        const result = await handler(ctx);
        reply.code(def.status);
        if (def.status === 204) return reply.send();
        // Non-JSON answers (CSV) are sent as they are, not serialised.
        if (def.produces) return reply.type(`${def.produces}; charset=utf-8`).send(result);
        return result;
      },
    });
  }
}
