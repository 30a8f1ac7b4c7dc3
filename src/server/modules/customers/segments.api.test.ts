import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

/** Segment filters ignore case (and spaces around), the same on SQLite and PostgreSQL. */
describe.each(DIALECTS)('segment filters on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;
  let feature: { id: string };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    base = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Segments' })).json().slug}`;
    feature = (await owner.post(`${base}/features`, { title: 'SSO' })).json();
    const customers: [string, string][] = [
      ['Acme', 'Enterprise'],
      ['Globex', 'ENTERPRISE'],
      ['Initech', 'SMB'],
      ['Crémerie', 'Élite'],
    ];
    for (const [name, segment] of customers) {
      const c = (await owner.post(`${base}/customers`, { name, segment })).json();
      const i = (await owner.post(`${base}/insights`, { text: `${name} wants SSO`, source: 'sales', customerId: c.id })).json();
      await owner.post(`${base}/features/${feature.id}/insights`, { insightId: i.id });
    }
  });
  afterAll(() => t.close());

  const names = (items: { name?: string; text?: string; customer?: { name: string } | null }[]) =>
    items.map((i) => i.name ?? i.customer?.name).sort();

  it('filters the inbox, the customers and the evidence without regard to case', async () => {
    expect(names((await owner.get(`${base}/insights?segment=enterprise`)).json().items)).toEqual(['Acme', 'Globex']);
    expect(names((await owner.get(`${base}/insights?segment=%20Enterprise%20`)).json().items)).toEqual(['Acme', 'Globex']);
    expect(names((await owner.get(`${base}/customers?segment=ENTERPRISE`)).json().items)).toEqual(['Acme', 'Globex']);
    const evidence = (await owner.get(`${base}/features/${feature.id}/evidence?segment=enterprise`)).json();
    expect(evidence).toMatchObject({ insightCount: 2, customerCount: 2 });
    expect(names(evidence.quotes)).toEqual(['Acme', 'Globex']);
    expect((await owner.get(`${base}/insights/export?segment=smb`)).body).toContain('Initech wants SSO');
  });

  it('folds case beyond ASCII but keeps accents, and matches nothing for an unknown segment', async () => {
    expect(names((await owner.get(`${base}/insights?segment=${encodeURIComponent('élite')}`)).json().items)).toEqual(['Crémerie']);
    expect((await owner.get(`${base}/insights?segment=elite`)).json().items).toEqual([]);
    expect((await owner.get(`${base}/customers?segment=Mid-market`)).json().items).toEqual([]);
    expect((await owner.get(`${base}/features/${feature.id}/evidence?segment=nobody`)).json()).toMatchObject({ insightCount: 0 });
  });

  it("finds every segment among many, skips customers without one and never another workspace's", async () => {
    const other = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Many segments' })).json().slug}`;
    const segments = Array.from({ length: 15 }, (_, k) => `Segment ${String.fromCharCode(90 - k)}`);
    for (const [k, segment] of segments.entries()) {
      await owner.post(`${other}/customers`, { name: `Customer ${k}`, segment });
      await owner.post(`${other}/customers`, { name: `No segment ${k}` });
    }
    for (const [k, segment] of segments.entries()) {
      expect(names((await owner.get(`${other}/customers?segment=${encodeURIComponent(segment.toLowerCase())}`)).json().items)).toEqual([
        `Customer ${k}`,
      ]);
    }
    expect((await owner.get(`${other}/customers?segment=enterprise`)).json().items).toEqual([]);
    expect(names((await owner.get(`${base}/customers?segment=segment%20z`)).json().items)).toEqual([]);
  });
});
