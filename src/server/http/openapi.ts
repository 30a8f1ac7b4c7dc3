import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDef } from '../../contract/route.js';
import { routes } from '../../contract/routes.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './session-cookie.js';

/**
 * What the OpenAPI document says about credentials and headers that the route schemas do not
 * carry (headers are read by register-routes.ts, not validated by a schema): how to sign in,
 * the CSRF header cookie-authenticated writes need, and If-Match on versioned changes.
 */
export const securitySchemes = {
  bearer: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/v1/auth/tokens' },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Set by sign-in (HttpOnly). Writes with it also need the csrf header.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: `Cookie-authenticated writes: the value of the readable ${CSRF_COOKIE} cookie (also \`csrfToken\` in the sign-in answer). Not needed with a Bearer token. On /api/docs it is filled in from the cookie.`,
  },
} as const;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Ways to call an operation: a Bearer token, or the session cookie (with the CSRF header on writes). */
export function securityOf(def: RouteDef): Record<string, string[]>[] | undefined {
  const write = WRITES.has(def.method);
  const session: Record<string, string[]> = write ? { session: [], csrf: [] } : { session: [] };
  if (def.auth === 'user') return [{ bearer: [] }, session];
  // Public writes need no credentials, but a browser signed in still sends its cookie, and
  // then the CSRF header is checked too.
  return write ? [{}, session] : undefined;
}

/** Whether the operation reads If-Match: PATCHes of resources that carry a version, and their DELETEs. */
export function takesIfMatch(def: RouteDef): boolean {
  if (def.checksVersion) return true;
  if (def.method !== 'PATCH') return false;
  if (def.versioned) return true;
  return def.response instanceof z.ZodObject && 'version' in def.response.shape;
}

function ifMatchHeader(def: RouteDef) {
  return {
    type: 'string',
    pattern: '^\\s*(W/)?"?\\d{1,9}"?\\s*$',
    examples: ['"3"'],
    description: def.versioned
      ? 'The version you edited, e.g. "3". Required, unless `version` is in the body; a stale version gets 409 with the current state.'
      : def.checksVersion
        ? 'Optional: the version you saw, e.g. "3"; deletes only that version, a stale one gets 409 with the current state.'
        : 'Optional: the version you edited, e.g. "3"; a stale version gets 409 with the current state.',
  };
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** The zod → JSON Schema transform, plus each operation's security and documented headers. */
export function openApiTransform(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const out = jsonSchemaTransform(input);
  const operationId = (input.schema as { operationId?: unknown } | undefined)?.operationId;
  const def = typeof operationId === 'string' ? (routes as Record<string, RouteDef>)[operationId] : undefined;
  if (!def) return out;
  const schema: Record<string, unknown> = { ...out.schema };
  const security = securityOf(def);
  if (security) schema.security = security;
  if (takesIfMatch(def)) schema.headers = { type: 'object', properties: { 'if-match': ifMatchHeader(def) } };
  // Errors go out as application/problem+json (RFC 9457): say so rather than application/json.
  const responses = schema.response as Record<string, unknown> | undefined;
  if (responses) {
    schema.response = Object.fromEntries(
      Object.entries(responses).map(([status, body]) =>
        /^[45]XX$/.test(status)
          ? [status, { description: 'A problem (RFC 9457)', content: { 'application/problem+json': { schema: body } } }]
          : [status, body],
      ),
    );
  }
  return { ...out, schema };
}

/**
 * Swagger UI's request interceptor: "Try it out" while signed in sends the CSRF header from
 * the cookie, as the web app does. Runs in the browser, so it names the cookie and header
 * itself (it is sent as source text; the test checks the names against the server's).
 */
export function sendCsrfFromCookie<R extends { [key: string]: unknown }>(request: R): R {
  const headers = (request.headers ?? {}) as Record<string, string>;
  Object.assign(request, { headers });
  // `document` exists where this runs (the docs page), not where it is compiled.
  const { cookie } = (globalThis as unknown as { document: { cookie: string } }).document;
  const match = /(?:^|;\s*)cairn_csrf=([^;]*)/.exec(cookie);
  if (match?.[1] && !headers['x-csrf-token']) headers['x-csrf-token'] = decodeURIComponent(match[1]);
  return request;
}
