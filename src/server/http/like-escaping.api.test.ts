import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../testing/harness.js';

/**
 * Filters that match text with LIKE take `%`, `_` and `\` in what people type literally, on
 * both databases (SQLite only honours the escaped form with an explicit ESCAPE clause).
 */
describe.each(DIALECTS)('literal wildcards in filters on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ws: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    ws = (await owner.post('/api/v1/workspaces', { name: 'Wildcards' })).json().slug;
  });
  afterAll(() => t.close());

  const post = async (path: string, body: unknown) => {
    const res = await owner.post(`/api/v1/workspaces/${ws}/${path}`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const list = async (path: string, key: string) => {
    const res = await owner.get(`/api/v1/workspaces/${ws}/${path}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Record<string, string>[]).map((x) => x[key]).sort();
  };

  it('finds products by a name with % and _ in it', async () => {
    for (const name of ['50% off', '500 club', 'Plan_B', 'PlanXB', 'Back\\slash']) await post('products', { name });
    expect(await list(`products?q=${encodeURIComponent('50%')}`, 'name')).toEqual(['50% off']);
    expect(await list(`products?q=${encodeURIComponent('plan_')}`, 'name')).toEqual(['Plan_B']);
    expect(await list(`products?q=${encodeURIComponent('k\\s')}`, 'name')).toEqual(['Back\\slash']);
    expect(await list(`products?q=${encodeURIComponent('%')}`, 'name')).toEqual(['50% off']);
  });

  it('filters insights and features by a tag with _ and %', async () => {
    for (const tags of [['needs_review'], ['needsXreview'], ['100%'], ['1000']]) {
      await post('insights', { text: `Feedback ${tags[0]}`, source: 'support', tags });
      await post('features', { title: `Idea ${tags[0]}`, tags });
    }
    expect(await list('insights?tag=needs_review', 'text')).toEqual(['Feedback needs_review']);
    expect(await list(`insights?tag=${encodeURIComponent('100%')}`, 'text')).toEqual(['Feedback 100%']);
    expect(await list('features?tag=needs_review', 'title')).toEqual(['Idea needs_review']);
    expect(await list(`features?tag=${encodeURIComponent('100%')}`, 'title')).toEqual(['Idea 100%']);
  });

  it('finds a tag whatever the case it is typed in, on either database', async () => {
    await post('insights', { text: 'Feedback Onboarding', source: 'support', tags: ['Onboarding'] });
    await post('features', { title: 'Idea Onboarding', tags: ['Onboarding'] });
    expect(await list('insights?tag=onboarding', 'text')).toEqual(['Feedback Onboarding']);
    expect(await list('insights?tag=ONBOARDING', 'text')).toEqual(['Feedback Onboarding']);
    expect(await list('features?tag=onboarding', 'title')).toEqual(['Idea Onboarding']);
    // Still a whole tag, not a part of one.
    expect(await list('insights?tag=onboard', 'text')).toEqual([]);
  });

  it('finds customers by a name or domain with _ and %', async () => {
    for (const [name, domain] of [
      ['Acme_Corp', 'acme.example'],
      ['AcmeXCorp', 'other.example'],
      ['Big Co', 'big_co.example'],
      ['Bigger', 'bigxco.example'],
    ])
      await post('customers', { name, domain });
    expect(await list('customers?q=acme_', 'name')).toEqual(['Acme_Corp']);
    expect(await list('customers?q=big_co', 'name')).toEqual(['Big Co']);
  });

  it('finds objectives by a word with % in it', async () => {
    const period = { kind: 'quarter', year: 2027, number: 1 };
    await post('objectives', { title: 'Grow 20% a year', period });
    await post('objectives', { title: 'Grow 200 a year', period });
    expect(await list(`objectives?q=${encodeURIComponent('20%')}`, 'title')).toEqual(['Grow 20% a year']);
  });
});
