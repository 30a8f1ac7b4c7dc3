// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../contract/routes.js';
import { ApiError, call, isApiError, readCookie } from './client.js';

type FetchArgs = [string, RequestInit];

function respond(status: number, body?: unknown, contentType = 'application/json') {
  const fetchMock = vi.fn(async (..._args: FetchArgs) =>
    body === undefined
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function headersOf(init: RequestInit): Record<string, string> {
  return Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
}

const WS = '01900000-0000-7000-8000-000000000001';
const ID = '01900000-0000-7000-8000-000000000002';

describe('call', () => {
  beforeEach(() => {
    // biome-ignore lint/suspicious/noDocumentCookie: the test sets the CSRF cookie the server would set
    document.cookie = 'cairn_csrf=csrf-token-123; path=/';
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    // biome-ignore lint/suspicious/noDocumentCookie: clean-up of the cookie set above
    document.cookie = 'cairn_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('builds the URL from the route path, params and query, and reads JSON', async () => {
    const fetchMock = respond(200, { items: [], nextCursor: null });
    const result = await call(routes.listProducts, {
      params: { workspace: 'acme' },
      query: { stage: 'build', q: 'a b', archived: 'all', limit: 20 },
    });
    expect(result).toEqual({ items: [], nextCursor: null });
    const [url, init] = fetchMock.mock.calls[0] as FetchArgs;
    expect(url).toBe('/api/v1/workspaces/acme/products?stage=build&q=a+b&archived=all&limit=20');
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('same-origin');
  });

  it('leaves empty query values out and encodes path params', async () => {
    const fetchMock = respond(200, { items: [], nextCursor: null });
    await call(routes.listProducts, { params: { workspace: 'a/b' }, query: { q: '', stage: undefined, archived: 'false' } });
    expect((fetchMock.mock.calls[0] as FetchArgs)[0]).toBe('/api/v1/workspaces/a%2Fb/products?archived=false');
  });

  it('sends the CSRF cookie as x-csrf-token on writes, with a JSON body', async () => {
    const fetchMock = respond(201, { id: ID });
    await call(routes.createProduct, { params: { workspace: WS }, body: { name: 'Atlas' } });
    const [, init] = fetchMock.mock.calls[0] as FetchArgs;
    expect(init.method).toBe('POST');
    expect(headersOf(init)['x-csrf-token']).toBe('csrf-token-123');
    expect(headersOf(init)['content-type']).toBe('application/json');
    expect(init.body).toBe(JSON.stringify({ name: 'Atlas' }));
  });

  it('does not send the CSRF header on reads', async () => {
    const fetchMock = respond(200, { needed: false });
    await call(routes.getSetup);
    expect(headersOf((fetchMock.mock.calls[0] as FetchArgs)[1])['x-csrf-token']).toBeUndefined();
  });

  it('sends If-Match with the version being edited', async () => {
    const fetchMock = respond(200, { id: ID, version: 4 });
    await call(routes.updateProduct, { params: { workspace: WS, id: ID }, body: { vision: 'New' }, ifMatch: 3 });
    const [url, init] = fetchMock.mock.calls[0] as FetchArgs;
    expect(url).toBe(`/api/v1/workspaces/${WS}/products/${ID}`);
    expect(init.method).toBe('PATCH');
    expect(headersOf(init)['if-match']).toBe('"3"');
    expect(headersOf(init)['x-csrf-token']).toBe('csrf-token-123');
  });

  it('resolves 204 No Content with null', async () => {
    respond(204);
    await expect(call(routes.deleteProduct, { params: { workspace: WS, id: ID } })).resolves.toBeNull();
  });

  it('turns problem+json into an ApiError with code, detail, field errors and current state', async () => {
    respond(
      409,
      {
        type: 'https://cairn.dev/problems/version_conflict',
        title: 'Someone else changed this first',
        status: 409,
        code: 'version_conflict',
        detail: 'Reload.',
        current: { version: 5 },
      },
      'application/problem+json',
    );
    const error = await call(routes.updateProduct, { params: { workspace: WS, id: ID }, body: { name: 'X' }, ifMatch: 4 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(isApiError(error, 'version_conflict')).toBe(true);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(409);
    expect(apiError.detail).toBe('Reload.');
    expect(apiError.message).toBe('Reload.');
    expect(apiError.current).toEqual({ version: 5 });
  });

  it('maps validation errors to form fields', async () => {
    respond(
      400,
      {
        type: 'x',
        title: 'The request is not valid',
        status: 400,
        code: 'validation_failed',
        errors: [
          { path: 'body.name', message: 'Too short' },
          { path: 'body.segments.0.name', message: 'Required' },
        ],
      },
      'application/problem+json',
    );
    const error = (await call(routes.createProduct, { params: { workspace: WS }, body: { name: '' } }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.fieldErrors()).toEqual({ name: 'Too short', 'segments.0.name': 'Required' });
  });

  it('reports a non-JSON failure and a network failure as ApiErrors too', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })),
    );
    const gateway = (await call(routes.me).catch((e: unknown) => e)) as ApiError;
    expect(gateway.status).toBe(502);
    expect(gateway.code).toBe('internal');

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const offline = (await call(routes.me).catch((e: unknown) => e)) as ApiError;
    expect(offline.code).toBe('network_error');
    expect(offline.status).toBe(0);
  });
});

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('cairn_csrf', 'a=1; cairn_csrf=x%3Dy; b=2')).toBe('x=y');
    expect(readCookie('missing', 'a=1')).toBeNull();
  });
});
