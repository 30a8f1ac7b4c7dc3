import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../../contract/route.js';
import { type OperationId, routes } from '../../contract/routes.js';
import { DIALECTS, setupOwner, startTestApp, type TestApp } from '../testing/harness.js';
import { sendCsrfFromCookie } from './openapi.js';
import { CSRF_COOKIE, CSRF_HEADER } from './session-cookie.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface Operation {
  operationId: OperationId;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
}

/** What /api/docs shows must be enough to call the API with it: credentials, CSRF, If-Match. */
describe.each(DIALECTS)('the OpenAPI document on %s', (dialect) => {
  let t: TestApp;
  let doc: Doc;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops));
  });
  afterAll(() => t.close());

  it('declares the CSRF header as a security scheme next to the session cookie', () => {
    expect(doc.components.securitySchemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: CSRF_HEADER });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'cairn_session' });
  });

  it('asks for the CSRF header with the session cookie on every write, and never on reads', () => {
    for (const op of operations) {
      const def = routes[op.operationId] as RouteDef;
      const write = def.method !== 'GET';
      const withCookie = op.security?.find((s) => 'session' in s);
      if (def.auth === 'user') {
        expect(op.security, op.operationId).toContainEqual({ bearer: [] });
        expect(withCookie, op.operationId).toEqual(write ? { session: [], csrf: [] } : { session: [] });
      } else if (write) {
        // Public writes need nothing, but a signed-in browser's cookie brings the CSRF check with it.
        expect(op.security, op.operationId).toEqual([{}, { session: [], csrf: [] }]);
      } else {
        expect(op.security, op.operationId).toBeUndefined();
      }
    }
  });

  it('declares problem+json for client and server errors on every operation (health answers 503 without its database)', () => {
    for (const op of operations) {
      for (const status of ['4XX', '5XX'])
        expect(Object.keys(op.responses[status]?.content ?? {}), `${op.operationId} ${status}`).toContain('application/problem+json');
    }
  });

  it('declares If-Match on every versioned change', () => {
    for (const op of operations) {
      const def = routes[op.operationId] as RouteDef;
      const ifMatch = op.parameters?.find((p) => p.in === 'header' && p.name === 'if-match');
      if (def.versioned) expect(ifMatch, op.operationId).toMatchObject({ required: false });
      if (def.checksVersion) expect(ifMatch, op.operationId).toMatchObject({ required: false });
      if (def.method !== 'PATCH' && !def.checksVersion) expect(ifMatch, op.operationId).toBeUndefined();
    }
    // Every DELETE of something that has a version can be told which version it may delete.
    for (const id of ['deleteProduct', 'deleteCustomer', 'deleteInsight', 'deleteFeature', 'deleteObjective', 'deleteKeyResult'] as const)
      expect((routes[id] as RouteDef).checksVersion, id).toBe(true);
    const member = operations.find((op) => op.operationId === 'updateMember');
    expect(member?.parameters?.some((p) => p.name === 'if-match')).toBe(true);
  });

  it('is enough to make a cookie-authenticated change with the headers it names', async () => {
    const owner = await setupOwner(t.app, 'docs@example.com');
    const ws = (await owner.post('/api/v1/workspaces', { name: 'Docs' })).json();
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'docs@example.com', password: 'correct horse battery' },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = login.cookies.find((c) => c.name === CSRF_COOKIE)!.value;
    const update = operations.find((op) => op.operationId === 'updateWorkspace')!;
    const csrfHeader = doc.components.securitySchemes.csrf!.name!;
    const ifMatch = update.parameters!.find((p) => p.in === 'header')!.name;
    const send = (headers: Record<string, string>) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/workspaces/${ws.slug}`, headers: { cookie, ...headers }, payload: { name: 'Docs 2' } });
    expect((await send({ [ifMatch]: '"1"' })).json().code).toBe('csrf_failed');
    const ok = await send({ [csrfHeader]: csrf, [ifMatch]: '"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Docs 2', version: 2 });
    expect((await send({ [csrfHeader]: csrf, [ifMatch]: '"1"' })).statusCode).toBe(409);
  });

  it('has /api/docs send the CSRF header from the cookie', async () => {
    const script = (await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' })).body;
    expect(script).toContain('requestInterceptor');
    expect(script).toContain(`${CSRF_COOKIE}=`);
    expect(script).toContain(CSRF_HEADER);
  });
});

describe('sendCsrfFromCookie (Swagger UI request interceptor)', () => {
  const original = (globalThis as { document?: unknown }).document;
  afterEach(() => {
    (globalThis as { document?: unknown }).document = original;
  });
  const withCookie = (cookie: string) => {
    (globalThis as { document?: unknown }).document = { cookie };
  };

  it('copies the CSRF cookie into the header', () => {
    withCookie(`other=1; ${CSRF_COOKIE}=abc%3D; more=2`);
    expect(sendCsrfFromCookie({ url: '/x', headers: {} as Record<string, string> }).headers).toEqual({ [CSRF_HEADER]: 'abc=' });
  });

  it('keeps a header typed in by hand, and adds nothing when signed out', () => {
    withCookie(`${CSRF_COOKIE}=from-cookie`);
    expect(sendCsrfFromCookie({ headers: { [CSRF_HEADER]: 'typed' } }).headers).toEqual({ [CSRF_HEADER]: 'typed' });
    withCookie('other=1');
    expect(sendCsrfFromCookie({ headers: {} }).headers).toEqual({});
  });
});
