import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

describe.each(DIALECTS)('discovery API on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ws: string;
  let base: string;
  let acme: { id: string };
  let globex: { id: string };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    ws = (await owner.post('/api/v1/workspaces', { name: 'Discovery' })).json().slug;
    base = `/api/v1/workspaces/${ws}`;
    acme = (
      await owner.post(`${base}/customers`, {
        name: 'Acme',
        domain: 'ACME.com',
        segment: 'Enterprise',
        revenue: 12_000,
        currency: 'eur',
        revenuePeriod: 'year',
      })
    ).json();
    globex = (await owner.post(`${base}/customers`, { name: 'Globex', segment: 'SMB', revenue: 500, currency: 'EUR' })).json();
  });
  afterAll(() => t.close());

  it('creates customers with normalised fields and refuses bad ones', async () => {
    const got = (await owner.get(`${base}/customers/${acme.id}`)).json();
    expect(got).toMatchObject({ name: 'Acme', domain: 'acme.com', currency: 'EUR', revenuePeriod: 'year', insightCount: 0 });
    expect((await owner.post(`${base}/customers`, { name: 'Bad', currency: 'euro' })).statusCode).toBe(400);
    expect((await owner.post(`${base}/customers`, { name: 'Bad', revenue: -5 })).statusCode).toBe(400);
    const list = (await owner.get(`${base}/customers?q=glob`)).json();
    expect(list.items.map((c: { name: string }) => c.name)).toEqual(['Globex']);
  });

  it('records insights, filters the inbox and finds them by full text', async () => {
    const a = await owner.post(`${base}/insights`, {
      text: 'Exporting the roadmap to PDF takes forever and the layout breaks',
      source: 'support',
      customerId: acme.id,
      tags: ['export', 'pdf', 'Export'],
      importance: 'critical',
      receivedAt: '2026-10-01',
    });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({
      status: 'new',
      tags: ['export', 'pdf'],
      customer: { name: 'Acme', segment: 'Enterprise' },
      receivedAt: '2026-10-01T00:00:00.000Z',
    });
    await owner.post(`${base}/insights`, {
      text: 'Nous voulons un export CSV des retours clients',
      source: 'interview',
      customerId: globex.id,
      receivedAt: '2026-10-05',
    });
    await owner.post(`${base}/insights`, {
      text: 'Dark mode please, my eyes hurt at night',
      source: 'survey',
      importance: 'nice_to_have',
      receivedAt: '2026-10-03',
    });

    const all = (await owner.get(`${base}/insights`)).json().items;
    expect(all.map((i: { receivedAt: string }) => i.receivedAt.slice(0, 10))).toEqual(['2026-10-05', '2026-10-03', '2026-10-01']);
    const critical = (await owner.get(`${base}/insights?importance=critical&source=support`)).json().items;
    expect(critical).toHaveLength(1);
    expect((await owner.get(`${base}/insights?segment=SMB`)).json().items).toHaveLength(1);
    expect((await owner.get(`${base}/insights?tag=pdf`)).json().items).toHaveLength(1);
    expect((await owner.get(`${base}/insights?from=2026-10-02&to=2026-10-04`)).json().items).toHaveLength(1);
    const search = (await owner.get(`${base}/insights?q=roadmap%20pdf`)).json().items;
    expect(search.map((i: { text: string }) => i.text)).toEqual(['Exporting the roadmap to PDF takes forever and the layout breaks']);
    // Accents are ignored and the last word matches as a prefix.
    expect((await owner.get(`${base}/insights?q=retours%20cli`)).json().items).toHaveLength(1);
    expect((await owner.get(`${base}/insights?status=bogus`)).statusCode).toBe(400);
  });

  it('refuses references to another workspace', async () => {
    const other = (await owner.post('/api/v1/workspaces', { name: 'Other client' })).json().slug;
    const foreign = (await owner.post(`/api/v1/workspaces/${other}/customers`, { name: 'Foreign' })).json();
    const res = await owner.post(`${base}/insights`, { text: 'x', source: 'other', customerId: foreign.id });
    expect(res.statusCode).toBe(422);
    const foreignInsight = (await owner.post(`/api/v1/workspaces/${other}/insights`, { text: 'elsewhere', source: 'other' })).json();
    const feature = (await owner.post(`${base}/features`, { title: 'Cross link' })).json();
    expect((await owner.post(`${base}/features/${feature.id}/insights`, { insightId: foreignInsight.id })).statusCode).toBe(404);
    expect((await owner.get(`${base}/insights/${foreignInsight.id}`)).statusCode).toBe(404);
  });

  it('links insights to a feature as evidence with highlights, and aggregates evidence', async () => {
    const feature = (
      await owner.post(`${base}/features`, { title: 'Better exports', description: 'PDF and CSV exports that work', tags: ['export'] })
    ).json();
    expect(feature).toMatchObject({ status: 'idea', insightCount: 0 });
    const pdf = (await owner.get(`${base}/insights?q=pdf`)).json().items[0];
    const csv = (await owner.get(`${base}/insights?q=csv`)).json().items[0];
    const link = await owner.post(`${base}/features/${feature.id}/insights`, {
      insightId: pdf.id,
      highlight: 'takes forever',
      importance: 'critical',
    });
    expect(link.statusCode).toBe(201);
    expect((await owner.post(`${base}/features/${feature.id}/insights`, { insightId: pdf.id })).statusCode).toBe(409);
    await owner.post(`${base}/features/${feature.id}/insights`, { insightId: csv.id });
    expect((await owner.get(`${base}/insights/${pdf.id}`)).json()).toMatchObject({ status: 'linked', featureCount: 1 });

    const evidence = (await owner.get(`${base}/features/${feature.id}/evidence`)).json();
    expect(evidence).toMatchObject({ insightCount: 2, customerCount: 2 });
    // Acme pays 12,000 EUR a year (1,000 a month); Globex 500 a month.
    expect(evidence.revenue).toEqual([{ currency: 'EUR', monthly: 1500 }]);
    expect(evidence.importance).toMatchObject({ critical: 1, important: 1 });
    expect(evidence.quotes.map((q: { highlight: string | null }) => q.highlight)).toContain('takes forever');
    const smb = (await owner.get(`${base}/features/${feature.id}/evidence?segment=SMB`)).json();
    expect(smb).toMatchObject({ insightCount: 1, customerCount: 1 });
    expect((await owner.get(`${base}/features/${feature.id}`)).json()).toMatchObject({ insightCount: 2, customerCount: 2 });
    expect((await owner.get(`${base}/insights?featureId=${feature.id}`)).json().items).toHaveLength(2);

    expect((await owner.delete(`${base}/features/${feature.id}/insights/${pdf.id}`)).statusCode).toBe(204);
    expect((await owner.get(`${base}/insights/${pdf.id}`)).json().status).toBe('triaged');
  });

  it('triages in bulk, all or nothing', async () => {
    const ids = (await owner.get(`${base}/insights?status=new`)).json().items.map((i: { id: string }) => i.id);
    expect(ids.length).toBeGreaterThan(0);
    const res = await owner.post(`${base}/insights/bulk`, { ids, action: 'add_tags', tags: ['q4'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.every((i: { tags: string[] }) => i.tags.includes('q4'))).toBe(true);
    const bad = await owner.post(`${base}/insights/bulk`, {
      ids: [...ids, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'],
      action: 'set_status',
      status: 'archived',
    });
    expect(bad.statusCode).toBe(404);
    expect((await owner.get(`${base}/insights?status=archived`)).json().items).toHaveLength(0);
    expect((await owner.post(`${base}/insights/bulk`, { ids, action: 'set_status' })).statusCode).toBe(400);
  });

  it('searches across insights, features, customers and products with safe highlighted snippets', async () => {
    await owner.post(`${base}/products`, { name: 'Export studio', vision: 'Exports people <b>love</b>' });
    const res = (await owner.get(`${base}/search?q=export`)).json().items as { type: string; snippet: string }[];
    expect(new Set(res.map((h) => h.type))).toEqual(new Set(['insight', 'feature', 'product']));
    expect(res.some((h) => h.snippet.includes('<mark>'))).toBe(true);
    expect(res.every((h) => !h.snippet.includes('<b>'))).toBe(true);
    const onlyCustomers = (await owner.get(`${base}/search?q=acme&types=customer`)).json().items;
    expect(onlyCustomers.map((h: { type: string }) => h.type)).toEqual(['customer']);
    expect((await owner.get(`${base}/search?q=%22%20OR%20*`)).statusCode).toBe(200);
  });

  it('suggests similar insights and features', async () => {
    const dup = (
      await owner.post(`${base}/insights`, {
        text: 'Exporting the roadmap as a PDF takes forever, and the layout is broken',
        source: 'sales',
      })
    ).json();
    const res = await owner.get(`${base}/insights/${dup.id}/similar`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { kind: string; title: string; likelyDuplicate: boolean }[];
    expect(items[0]).toMatchObject({ kind: 'insight', likelyDuplicate: true });
    expect(items[0]?.title).toContain('Exporting the roadmap to PDF');
    expect(items.some((i) => i.kind === 'feature')).toBe(true);
  });

  it('merges a duplicate: both texts kept, links moved, the duplicate archived', async () => {
    const keep = (await owner.post(`${base}/insights`, { text: 'Need SSO with Okta', source: 'sales', tags: ['sso'] })).json();
    const dup = (
      await owner.post(`${base}/insights`, {
        text: 'Okta single sign-on is a must for us',
        source: 'interview',
        tags: ['security'],
        importance: 'critical',
      })
    ).json();
    const feature = (await owner.post(`${base}/features`, { title: 'SSO' })).json();
    await owner.post(`${base}/features/${feature.id}/insights`, { insightId: dup.id, highlight: 'a must' });
    const merged = await owner.post(`${base}/insights/${keep.id}/merge`, { duplicateId: dup.id });
    expect(merged.statusCode).toBe(200);
    const m = merged.json();
    expect(m.text).toContain('Need SSO with Okta');
    expect(m.text).toContain('Okta single sign-on is a must for us');
    expect(m.tags).toEqual(expect.arrayContaining(['sso', 'security']));
    expect(m.importance).toBe('critical');
    expect(m.featureCount).toBe(1);
    expect((await owner.get(`${base}/insights/${dup.id}`)).json()).toMatchObject({
      status: 'archived',
      mergedIntoId: keep.id,
      featureCount: 0,
    });
    expect((await owner.post(`${base}/insights/${keep.id}/merge`, { duplicateId: keep.id })).statusCode).toBe(422);
  });

  it('exports CSV with formula cells neutralised', async () => {
    await owner.post(`${base}/insights`, { text: '=HYPERLINK("http://evil.example","click")', source: 'portal' });
    const res = await owner.get(`${base}/insights/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body).toContain(`'=HYPERLINK`);
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('lets a contributor log feedback but not shape features; a viewer only reads', async () => {
    const dev = await addMember(t.app, owner, ws, 'dev@example.com', 'contributor');
    expect((await dev.post(`${base}/insights`, { text: 'Heard at the booth', source: 'other' })).statusCode).toBe(201);
    expect((await dev.post(`${base}/features`, { title: 'Nope' })).statusCode).toBe(403);
    const viewer = await addMember(t.app, owner, ws, 'client@example.com', 'viewer');
    expect((await viewer.get(`${base}/insights`)).statusCode).toBe(200);
    expect((await viewer.post(`${base}/insights`, { text: 'x', source: 'other' })).statusCode).toBe(403);
  });

  it('keeps concurrent edits of an insight from overwriting each other', async () => {
    const i = (await owner.post(`${base}/insights`, { text: 'Race', source: 'other' })).json();
    const [a, b] = await Promise.all([
      owner.patch(`${base}/insights/${i.id}`, { status: 'triaged', version: 1 }),
      owner.patch(`${base}/insights/${i.id}`, { tags: ['x'], version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});
