import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

/** A link's highlight is a quote: a passage of the insight's text, or the link is refused. */
describe.each(DIALECTS)('evidence highlights on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;
  let feature: { id: string };
  const insight = async (text: string) => (await owner.post(`${base}/insights`, { text, source: 'support' })).json() as { id: string };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    base = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Quotes' })).json().slug}`;
    feature = (await owner.post(`${base}/features`, { title: 'PDF export' })).json();
  });
  afterAll(() => t.close());

  it('refuses a highlight that is not in the text, and writes nothing', async () => {
    const i = await insight('Exporting the roadmap as a PDF takes forever');
    const res = await owner.post(`${base}/features/${feature.id}/insights`, { insightId: i.id, highlight: 'takes ages' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'rule_violated', errors: [{ path: 'body.highlight' }] });
    expect((await owner.get(`${base}/features/${feature.id}/evidence`)).json().insightCount).toBe(0);
    expect((await owner.get(`${base}/insights/${i.id}`)).json()).toMatchObject({ status: 'new', featureCount: 0 });
  });

  it('accepts a passage across line breaks or in another case, kept as given', async () => {
    const i = await insight('We export the roadmap\nevery Monday for the board');
    const res = await owner.post(`${base}/features/${feature.id}/insights`, { insightId: i.id, highlight: 'Roadmap every monday' });
    expect(res.statusCode).toBe(201);
    expect(res.json().highlight).toBe('Roadmap every monday');
    const blank = await insight('No quote needed');
    const none = await owner.post(`${base}/features/${feature.id}/insights`, { insightId: blank.id, highlight: '   ' });
    expect(none.statusCode).toBe(201);
    expect(none.json().highlight).toBeNull();
  });
});
