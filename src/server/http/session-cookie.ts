import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'cairn_session';
export const CSRF_COOKIE = 'cairn_csrf';
export const CSRF_HEADER = 'x-csrf-token';

function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** The session cookie is HttpOnly; the CSRF cookie is readable by the web app, which echoes it in a header. */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; csrfToken: string; expiresAt: Date },
) {
  const common = { path: '/', sameSite: 'lax' as const, secure: isHttps(request), expires: session.expiresAt };
  reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply) {
  const common = { path: '/', sameSite: 'lax' as const, secure: isHttps(request) };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, { ...common, httpOnly: false });
}
