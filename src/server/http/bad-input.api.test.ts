import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../testing/harness.js';

describe.each(DIALECTS)('bad input is refused cleanly on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ws: string;
  let productUrl: string;

  const changeCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('change_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const productCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('products')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Sends a request that must fail with `status` as problem+json and write nothing. */
  async function refused(
    send: () => Promise<{ statusCode: number; headers: Record<string, unknown>; json: () => { code: string; errors?: unknown } }>,
    status: number,
    code?: string,
  ) {
    const [changesBefore, productsBefore] = [await changeCount(), await productCount()];
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    const body = res.json();
    if (code) expect(body.code).toBe(code);
    expect(await changeCount()).toBe(changesBefore);
    expect(await productCount()).toBe(productsBefore);
    return body;
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    ws = (await owner.post('/api/v1/workspaces', { name: 'Inputs' })).json().slug;
    const product = (await owner.post(`/api/v1/workspaces/${ws}/products`, { name: 'Target' })).json();
    productUrl = `/api/v1/workspaces/${ws}/products/${product.id}`;
  });
  afterAll(() => t.close());

  it('malformed JSON', async () => {
    await refused(
      () => owner.request('POST', `/api/v1/workspaces/${ws}/products`, '{"name": "x",', { 'content-type': 'application/json' }),
      400,
      'malformed_json',
    );
  });

  it('wrong types, listing the failing fields', async () => {
    const body = await refused(
      () => owner.post(`/api/v1/workspaces/${ws}/products`, { name: 42, stage: 'bogus' }),
      400,
      'validation_failed',
    );
    expect(body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'body.name' }), expect.objectContaining({ path: 'body.stage' })]),
    );
  });

  it('unknown fields', async () => {
    const body = await refused(
      () => owner.post(`/api/v1/workspaces/${ws}/products`, { name: 'ok', owner_id: 'x' }),
      400,
      'validation_failed',
    );
    expect(JSON.stringify(body.errors)).toContain('owner_id');
    await refused(() => owner.patch(productUrl, { version: 1, isAdmin: true }), 400, 'validation_failed');
  });

  it('over-long strings and blank names', async () => {
    await refused(() => owner.post(`/api/v1/workspaces/${ws}/products`, { name: 'x'.repeat(121) }), 400, 'validation_failed');
    await refused(() => owner.post(`/api/v1/workspaces/${ws}/products`, { name: '   ' }), 400, 'validation_failed');
    await refused(
      () => owner.post(`/api/v1/workspaces/${ws}/products`, { name: 'ok', vision: 'v'.repeat(20_001) }),
      400,
      'validation_failed',
    );
  });

  it('bodies over 1 MiB', async () => {
    await refused(
      () => owner.post(`/api/v1/workspaces/${ws}/products`, { name: 'big', vision: 'v'.repeat(1_100_000) }),
      413,
      'payload_too_large',
    );
  });

  it('unsupported content types', async () => {
    await refused(
      () => owner.request('POST', `/api/v1/workspaces/${ws}/products`, 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
    );
  });

  it('bad ids, bad versions, bad cursors and unknown query parameters', async () => {
    await refused(() => owner.get(`/api/v1/workspaces/${ws}/products/not-a-uuid`), 400, 'validation_failed');
    await refused(() => owner.patch(productUrl, { name: 'x' }, { 'if-match': 'banana' }), 400, 'validation_failed');
    await refused(() => owner.patch(productUrl, { name: 'x', version: 99 }), 409, 'version_conflict');
    await refused(() => owner.get(`/api/v1/workspaces/${ws}/products?cursor=%%%`), 400, 'validation_failed');
    await refused(() => owner.get(`/api/v1/workspaces/${ws}/products?limit=100000`), 400, 'validation_failed');
    await refused(() => owner.get(`/api/v1/workspaces/${ws}/products?sort=evil`), 400, 'validation_failed');
  });

  it('injection strings are stored and returned as plain text', async () => {
    const name = `'; DROP TABLE products; -- <script>alert(1)</script>`;
    const res = await owner.post(`/api/v1/workspaces/${ws}/products`, { name });
    expect(res.statusCode).toBe(201);
    expect((await owner.get(`/api/v1/workspaces/${ws}/products/${res.json().id}`)).json().name).toBe(name);
    expect((await owner.get(`/api/v1/workspaces/${ws}/products?q=${encodeURIComponent("%' OR 1=1 --")}`)).json().items).toEqual([]);
  });

  it('malformed URLs and multipart bodies answer problem+json', async () => {
    await refused(() => owner.get(`/api/v1/workspaces/${ws}/products/%E0%A4%A`), 400);
    await refused(() => owner.get(`/api/v1/workspaces/${'x'.repeat(300)}/products`), 400);
    await refused(
      () =>
        owner.request('POST', `/api/v1/workspaces/${ws}/imports`, '--nope\r\nnot multipart', {
          'content-type': 'multipart/form-data; boundary=nope',
        }),
      400,
      'validation_failed',
    );
  });

  it('the NUL character, which PostgreSQL text cannot hold, is refused on both databases', async () => {
    await refused(() => owner.post(`/api/v1/workspaces/${ws}/products`, { name: 'bad\u0000name' }), 400, 'validation_failed');
    await refused(() => owner.get(`/api/v1/workspaces/${ws}%00/products`), 400, 'validation_failed');
    await refused(() => owner.get(`/api/v1/workspaces/${ws}/products?q=a%00b`), 400, 'validation_failed');
  });

  it('a cursor from another list is refused, not misread', async () => {
    const page = (await owner.get(`/api/v1/workspaces/${ws}/products?limit=1`)).json();
    expect(page.nextCursor).toBeTruthy();
    await refused(() => owner.get(`/api/v1/workspaces/${ws}/activity?cursor=${page.nextCursor}`), 400, 'validation_failed');
  });

  it('unknown routes and methods answer problem+json', async () => {
    const res = await owner.get('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  });
});
