import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

interface LastChange {
  field: string;
  from: unknown;
  to: unknown;
  by: { email: string } | null;
  changes: { field: string; from: unknown; to: unknown }[];
  evidence: { kind: string; id: string; label: string | null } | null;
}

describe.each(DIALECTS)('what changed a score last, on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    base = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'History' })).json().slug}`;
  });
  afterAll(() => t.close());

  const last = async (id: string, framework: string): Promise<LastChange | null> => {
    const res = await owner.get(`${base}/features/${id}/score-explanation?framework=${framework}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().lastChange;
  };
  const insight = async (text: string, customerId?: string) =>
    (await owner.post(`${base}/insights`, { text, source: 'support', ...(customerId && { customerId }) })).json();
  const link = async (featureId: string, insightId: string) =>
    expect((await owner.post(`${base}/features/${featureId}/insights`, { insightId })).statusCode).toBe(201);
  const customer = async (name: string, revenue?: number, currency = 'EUR') =>
    (await owner.post(`${base}/customers`, { name, ...(revenue !== undefined && { revenue, currency }) })).json();

  it('lists every input of a change that set several at once', async () => {
    const f = (
      await owner.post(`${base}/features`, {
        title: 'Created scored',
        scores: { rice: { reach: 450, impact: 3, confidence: 0.8, effort: 2 } },
      })
    ).json();
    const l = await last(f.id, 'rice');
    expect(l).toMatchObject({ field: 'scores.rice.reach', from: null, to: 450, by: { email: 'owner@example.com' }, evidence: null });
    expect(l!.changes).toEqual([
      { field: 'scores.rice.reach', from: null, to: 450 },
      { field: 'scores.rice.impact', from: null, to: 3 },
      { field: 'scores.rice.confidence', from: null, to: 0.8 },
      { field: 'scores.rice.effort', from: null, to: 2 },
    ]);
  });

  it('names the evidence that moved a derived reach: links, customers, deletion and merge — never by id', async () => {
    const acme = await customer('Acme');
    const globex = await customer('Globex');
    const f = (
      await owner.post(`${base}/features`, {
        title: 'Reach from customers',
        scores: { rice: { reachSource: 'customers', impact: 1, confidence: 1, effort: 1 } },
      })
    ).json();
    const a = await insight(
      'We export every   report to PDF by hand, every single week, and it takes the whole of Monday morning',
      acme.id,
    );
    await link(f.id, a.id);
    let l = await last(f.id, 'rice');
    expect(l).toMatchObject({ field: 'evidence.linked', from: null, evidence: { kind: 'insight', id: a.id } });
    expect(l!.to).toBe(l!.evidence!.label);
    expect(l!.to).toMatch(/^“We export every report to PDF by hand, every single week, .*…” \(Acme\)$/);
    expect(JSON.stringify(l)).not.toContain(acme.id);

    // The linked insight now comes from another customer: the distinct customers moved.
    const current = (await owner.get(`${base}/insights/${a.id}`)).json();
    expect((await owner.patch(`${base}/insights/${a.id}`, { version: current.version, customerId: globex.id })).statusCode).toBe(200);
    l = await last(f.id, 'rice');
    expect(l).toMatchObject({ field: 'evidence.customer', from: 'Acme', to: 'Globex', evidence: { kind: 'insight', id: a.id } });
    expect(l!.evidence!.label).toContain('(Globex)');

    // A change of the insight that does not touch the evidence (its tags) is not it.
    const again = (await owner.get(`${base}/insights/${a.id}`)).json();
    await owner.patch(`${base}/insights/${a.id}`, { version: again.version, tags: ['pdf'] });
    expect((await last(f.id, 'rice'))!.field).toBe('evidence.customer');

    // Merged into another insight: named by both texts.
    const b = await insight('PDF export, please', acme.id);
    await link(f.id, b.id);
    const kept = await insight('Export reports to PDF');
    expect((await owner.post(`${base}/insights/${kept.id}/merge`, { duplicateId: b.id })).statusCode).toBe(200);
    l = await last(f.id, 'rice');
    expect(l).toMatchObject({ field: 'evidence.merged', from: '“PDF export, please” (Acme)', evidence: { kind: 'insight', id: b.id } });
    // The kept insight quotes the duplicate and takes its customer.
    expect(l!.to).toMatch(/^“Export reports to PDF .*” \(Acme\)$/);

    // Deleted: still named by its text, though it is gone.
    expect((await owner.delete(`${base}/insights/${a.id}`)).statusCode).toBe(204);
    l = await last(f.id, 'rice');
    expect(l).toMatchObject({ field: 'evidence.deleted', to: null, evidence: { kind: 'insight', id: a.id } });
    expect(l!.from).toMatch(/^“We export every report/);

    // Unlinked, then changed: its later changes no longer move this feature.
    const c = await insight('Send the PDF by email', acme.id);
    await link(f.id, c.id);
    await owner.delete(`${base}/features/${f.id}/insights/${c.id}`);
    expect((await last(f.id, 'rice'))!.field).toBe('evidence.unlinked');
    const cNow = (await owner.get(`${base}/insights/${c.id}`)).json();
    await owner.patch(`${base}/insights/${c.id}`, { version: cNow.version, customerId: globex.id });
    expect(await last(f.id, 'rice')).toMatchObject({ field: 'evidence.unlinked', from: '“Send the PDF by email” (Globex)' });
  });

  it("names the customer whose revenue moved a formula that reads revenue, and only in the workspace's currency", async () => {
    const { version } = (await owner.get(`${base}/scoring`)).json();
    const set = await owner.patch(`${base}/scoring`, {
      version,
      custom: { drivers: [{ name: 'fit', min: 0, max: 10, weight: 1 }], formula: 'fit * revenue' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const euro = await customer('Euro Co', 1_000);
    const dollar = await customer('Dollar Inc', 5_000, 'USD');
    const f = (await owner.post(`${base}/features`, { title: 'Revenue weighted', scores: { custom: { values: { fit: 2 } } } })).json();
    await link(f.id, (await insight('From euro', euro.id)).id);
    await link(f.id, (await insight('From dollar', dollar.id)).id);

    expect((await owner.patch(`${base}/customers/${euro.id}`, { version: euro.version, revenue: 3_000 })).statusCode).toBe(200);
    let l = await last(f.id, 'custom');
    expect(l).toMatchObject({
      field: 'evidence.revenue',
      from: { amount: 1_000, currency: 'EUR', period: 'month' },
      to: { amount: 3_000, currency: 'EUR', period: 'month' },
      evidence: { kind: 'customer', id: euro.id, label: 'Euro Co' },
    });
    // USD revenue is not counted in a EUR workspace: editing it moved nothing.
    expect((await owner.patch(`${base}/customers/${dollar.id}`, { version: dollar.version, revenue: 9_000 })).statusCode).toBe(200);
    l = await last(f.id, 'custom');
    expect(l!.evidence!.label).toBe('Euro Co');
    // RICE with a typed reach reads no evidence: its last change is its own input.
    expect((await last(f.id, 'rice')) ?? null).toBeNull();
  });
});
