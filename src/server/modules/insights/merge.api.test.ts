import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

/**
 * Merging duplicates keeps the evidence truthful: feedback from two different customers is
 * merged only when confirmed (the duplicate's customer leaves the features' evidence), the
 * answer says what was dropped, and a merge can be undone while nothing changed since.
 */
describe.each(DIALECTS)('merging insights on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;
  let acme: { id: string };
  let dupont: { id: string };

  const insight = async (text: string, customerId?: string) =>
    (await owner.post(`${base}/insights`, { text, source: 'support', ...(customerId && { customerId }) })).json() as {
      id: string;
      version: number;
    };
  const feature = async (title: string) => (await owner.post(`${base}/features`, { title })).json() as { id: string };
  const link = (featureId: string, insightId: string, highlight?: string) =>
    owner.post(`${base}/features/${featureId}/insights`, { insightId, ...(highlight && { highlight }) });
  const evidence = async (featureId: string) => (await owner.get(`${base}/features/${featureId}/evidence`)).json();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    const ws = (await owner.post('/api/v1/workspaces', { name: 'Merging' })).json().slug;
    base = `/api/v1/workspaces/${ws}`;
    acme = (await owner.post(`${base}/customers`, { name: 'Acme Retail', revenue: 1000, currency: 'USD' })).json();
    dupont = (await owner.post(`${base}/customers`, { name: 'Boulangerie Dupont', revenue: 99, currency: 'EUR' })).json();
  });
  afterAll(() => t.close());

  it('shows who gave each similar insight', async () => {
    const kept = await insight('Exporting the roadmap as a PDF would save us hours every week', acme.id);
    await insight('Exporting the roadmap as PDF would save us hours each week', dupont.id);
    const items = (await owner.get(`${base}/insights/${kept.id}/similar`)).json().items;
    expect(items[0]).toMatchObject({ kind: 'insight', likelyDuplicate: true, customer: { id: dupont.id, name: 'Boulangerie Dupont' } });
  });

  it('refuses to drop a customer unless confirmed, says what is dropped, and undoes the merge', async () => {
    const f = await feature('Roadmap PDF export');
    const kept = await insight('We need PDF exports of the roadmap for the board', acme.id);
    const dup = await insight('PDF export of the roadmap, please', dupont.id);
    expect((await link(f.id, kept.id, 'PDF exports')).statusCode).toBe(201);
    expect((await link(f.id, dup.id, 'PDF export')).statusCode).toBe(201);
    const before = await evidence(f.id);
    expect(before).toMatchObject({ insightCount: 2, customerCount: 2 });
    expect(before.revenue).toEqual(
      expect.arrayContaining([
        { currency: 'EUR', monthly: 99 },
        { currency: 'USD', monthly: 1000 },
      ]),
    );

    // Not confirmed: refused, with the consequence, and nothing written.
    const refused = await owner.post(`${base}/insights/${kept.id}/merge`, { duplicateId: dup.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({
      code: 'confirmation_required',
      warnings: [{ kind: 'customer_dropped', customer: { id: dupont.id, name: 'Boulangerie Dupont' }, features: [{ id: f.id }] }],
    });
    expect(refused.json().detail).toContain('Boulangerie Dupont');
    expect((await owner.get(`${base}/insights/${dup.id}`)).json()).toMatchObject({ status: 'linked', mergedIntoId: null });
    expect(await evidence(f.id)).toMatchObject({ insightCount: 2, customerCount: 2 });
    expect((await owner.post(`${base}/insights/${kept.id}/merge`, { duplicateId: dup.id, confirm: 'yes' })).statusCode).toBe(400);

    // Confirmed: merged, and the answer says who was dropped.
    const merged = await owner.post(`${base}/insights/${kept.id}/merge`, { duplicateId: dup.id, confirm: true });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      customer: { id: acme.id },
      featureCount: 1,
      warnings: [
        { kind: 'customer_dropped', customer: { name: 'Boulangerie Dupont' }, features: [{ id: f.id, title: 'Roadmap PDF export' }] },
      ],
    });
    const after = await evidence(f.id);
    expect(after).toMatchObject({ insightCount: 1, customerCount: 1, revenue: [{ currency: 'USD', monthly: 1000 }] });
    expect(after.quotes[0].highlight).toBe('PDF exports\n\nPDF export');
    expect((await owner.get(`${base}/features/${f.id}`)).json()).toMatchObject({ insightCount: 1, customerCount: 1 });
    // The archived duplicate is not suggested any more.
    const similar = (await owner.get(`${base}/insights/${kept.id}/similar`)).json().items as { id: string }[];
    expect(similar.map((i) => i.id)).not.toContain(dup.id);

    // Undo: both insights, their links and the evidence as before.
    const undone = await owner.post(`${base}/insights/${dup.id}/unmerge`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json().kept).toMatchObject({ text: 'We need PDF exports of the roadmap for the board', customer: { id: acme.id } });
    expect(undone.json().restored).toMatchObject({ id: dup.id, status: 'linked', mergedIntoId: null, featureCount: 1 });
    const back = await evidence(f.id);
    expect(back).toMatchObject({ insightCount: 2, customerCount: 2 });
    expect(back.revenue).toEqual(before.revenue);
    expect(back.quotes.map((q: { highlight: string }) => q.highlight).sort()).toEqual(['PDF export', 'PDF exports']);
    expect((await owner.get(`${base}/features/${f.id}`)).json()).toMatchObject({ insightCount: 2, customerCount: 2 });
    expect((await owner.post(`${base}/insights/${dup.id}/unmerge`)).json().code).toBe('rule_violated');
  });

  it('merges feedback of one customer without asking, and keeps a merge once either insight changed', async () => {
    const kept = await insight('Dark mode for the night shift', acme.id);
    const dup = await insight('A dark theme would help at night', acme.id);
    const merged = await owner.post(`${base}/insights/${kept.id}/merge`, { duplicateId: dup.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().warnings).toEqual([]);
    const edited = await owner.patch(`${base}/insights/${kept.id}`, { tags: ['ui'], version: merged.json().version });
    expect(edited.statusCode).toBe(200);
    const late = await owner.post(`${base}/insights/${dup.id}/unmerge`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('version_conflict');
    expect((await owner.get(`${base}/insights/${dup.id}`)).json()).toMatchObject({ status: 'archived', mergedIntoId: kept.id });
  });

  it('keeps a merge whose links changed since', async () => {
    const kept = await insight('Slack alerts when a feature ships', acme.id);
    const dup = await insight('Notify our Slack channel on release', dupont.id);
    await owner.post(`${base}/insights/${kept.id}/merge`, { duplicateId: dup.id, confirm: true });
    const f = await feature('Slack notifications');
    expect((await link(f.id, kept.id)).statusCode).toBe(201);
    expect((await owner.post(`${base}/insights/${dup.id}/unmerge`)).statusCode).toBe(409);
  });
});
