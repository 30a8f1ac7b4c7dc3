import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceSince, reachWindowSince, utcDay } from '../../../domain/scoring/reach-window.js';
import { type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

interface Rice {
  reach: number | null;
  reachSource: string;
  reachWindowDays: number | null;
  reachWindow: { since: string; insights: number; customers: number } | null;
  value: number | null;
}

describe.each(DIALECTS)('RICE reach over a period on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;
  const links: { receivedAt: string; customerId: string | null }[] = [];
  let feature: { id: string };
  const insightIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    base = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Windows' })).json().slug}`;
    const acme = (await owner.post(`${base}/customers`, { name: 'Acme' })).json();
    const globex = (await owner.post(`${base}/customers`, { name: 'Globex' })).json();
    feature = (
      await owner.post(`${base}/features`, {
        title: 'Windowed',
        scores: { rice: { reachSource: 'insights', reachWindowDays: 90, impact: 1, confidence: 1, effort: 1 } },
      })
    ).json();
    for (const [ago, customerId] of [
      [5, acme.id],
      [40, acme.id],
      [60, globex.id],
      [200, globex.id],
      [400, null],
    ] as const) {
      const receivedAt = daysAgo(ago);
      const insight = (
        await owner.post(`${base}/insights`, {
          text: `Asked ${ago} days ago`,
          source: 'support',
          receivedAt,
          ...(customerId && { customerId }),
        })
      ).json();
      expect((await owner.post(`${base}/features/${feature.id}/insights`, { insightId: insight.id })).statusCode).toBe(201);
      links.push({ receivedAt: insight.receivedAt, customerId });
      insightIds.push(insight.id);
    }
  });
  afterAll(() => t.close());

  const rice = async (id = feature.id): Promise<Rice> => (await owner.get(`${base}/features/${id}`)).json().scores.rice;
  const stored = async (id = feature.id) =>
    t.db.kysely.selectFrom('features').select(['score_rice', 'reach_since', 'reach_as_of']).where('id', '=', id).executeTakeFirstOrThrow();
  const patchRice = async (body: Record<string, unknown>) => {
    const { version } = (await owner.get(`${base}/features/${feature.id}`)).json();
    const res = await owner.patch(`${base}/features/${feature.id}`, { version, scores: { rice: body } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().scores.rice as Rice;
  };

  it('counts the linked insights received in the window, and their distinct customers, as the domain does', async () => {
    const today = utcDay(new Date());
    const since = reachWindowSince(today, 90);
    const r = await rice();
    expect(r).toMatchObject({ reach: 3, value: 3, reachWindowDays: 90, reachWindow: { since, insights: 3, customers: 2 } });
    expect(r.reachWindow).toEqual({ since, ...evidenceSince(links, since) });
    // The stored rank is the number shown, and knows which day it was counted for.
    expect(await stored()).toMatchObject({ score_rice: 3, reach_since: since, reach_as_of: today });
    const byCustomers = await patchRice({ reachSource: 'customers' });
    expect(byCustomers).toMatchObject({ reach: 2, value: 2, reachWindow: { insights: 3, customers: 2 } });
    expect((await stored()).score_rice).toBe(2);
    await patchRice({ reachSource: 'insights' });
  });

  it('follows a new window at once, and without one counts all the evidence (as before windows existed)', async () => {
    expect(await patchRice({ reachWindowDays: 30 })).toMatchObject({ reach: 1, value: 1, reachWindowDays: 30 });
    expect((await stored()).score_rice).toBe(1);
    const allTime = await patchRice({ reachWindowDays: null });
    expect(allTime).toMatchObject({ reach: 5, value: 5, reachWindowDays: null, reachWindow: null });
    expect(await stored()).toMatchObject({ score_rice: 5, reach_since: null, reach_as_of: null });
    // A typed reach ignores a window left in the inputs.
    expect(await patchRice({ reachSource: 'manual', reach: 40, reachWindowDays: 90 })).toMatchObject({ reach: 40, reachWindow: null });
    expect(await stored()).toMatchObject({ score_rice: 40, reach_since: null });
    expect(await patchRice({ reachSource: 'insights', reachWindowDays: 90 })).toMatchObject({ reach: 3 });
  });

  it('refuses a window that is not a whole number of days from 1 to 3650', async () => {
    const { version } = (await owner.get(`${base}/features/${feature.id}`)).json();
    for (const bad of [0, 3651, 1.5]) {
      const res = await owner.patch(`${base}/features/${feature.id}`, { version, scores: { rice: { reachWindowDays: bad } } });
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json().errors[0].path).toBe('body.scores.rice.reachWindowDays');
    }
  });

  it('moves when a linked insight is dated into or out of the window', async () => {
    const old = (await owner.get(`${base}/insights/${insightIds[3]}`)).json();
    const res = await owner.patch(`${base}/insights/${old.id}`, { version: old.version, receivedAt: daysAgo(1) });
    expect(res.statusCode, res.body).toBe(200);
    expect(await rice()).toMatchObject({ reach: 4, value: 4 });
    expect((await stored()).score_rice).toBe(4);
    const last = (await owner.get(`${base}/features/${feature.id}/score-explanation?framework=rice`)).json();
    expect(last.lastChange).toMatchObject({ field: 'evidence.receivedAt', evidence: { kind: 'insight', id: old.id } });
    expect(last.summary).toContain('linked insights received in the last 90 days (since');
    expect(last.settings).toMatchObject({ reachSource: 'insights', reachWindowDays: 90 });
    // Linking an insight received before the window moves nothing: it is not the last change.
    const older = (await owner.post(`${base}/insights`, { text: 'Long ago', source: 'support', receivedAt: daysAgo(300) })).json();
    await owner.post(`${base}/features/${feature.id}/insights`, { insightId: older.id });
    expect((await owner.get(`${base}/features/${feature.id}/score-explanation?framework=rice`)).json().lastChange.field).toBe(
      'evidence.receivedAt',
    );
    await owner.delete(`${base}/features/${feature.id}/insights/${older.id}`);
    const back = (await owner.get(`${base}/insights/${old.id}`)).json();
    await owner.patch(`${base}/insights/${old.id}`, { version: back.version, receivedAt: daysAgo(200) });
    expect((await rice()).reach).toBe(3);
  });

  it('a read on a later day counts the window ending that day: a stale stored rank is recounted first', async () => {
    // As if the score had been counted long ago: another window start, another rank.
    await t.db.kysely
      .updateTable('features')
      .set({ reach_as_of: '2000-01-01', reach_since: '1999-10-04T00:00:00.000Z', score_rice: 999 })
      .where('id', '=', feature.id)
      .execute();
    const list = (await owner.get(`${base}/features?sort=rice`)).json().items;
    const today = utcDay(new Date());
    expect(list[0].scores.rice).toMatchObject({ reach: 3, reachWindow: { since: reachWindowSince(today, 90) } });
    expect(await stored()).toMatchObject({ score_rice: 3, reach_as_of: today, reach_since: reachWindowSince(today, 90) });
  });

  it('keeps the ranked list in the order of the scores shown', async () => {
    const make = async (title: string, scores: unknown) => (await owner.post(`${base}/features`, { title, scores })).json();
    const f = await make('All time', { rice: { reachSource: 'insights', impact: 1, confidence: 1, effort: 1 } });
    for (const id of insightIds.slice(0, 2)) await owner.post(`${base}/features/${f.id}/insights`, { insightId: id });
    await make('Typed', { rice: { reach: 2.5, impact: 1, confidence: 1, effort: 1 } });
    const items = (await owner.get(`${base}/features?sort=rice`)).json().items as { title: string; scores: { rice: Rice } }[];
    const values = items.map((i) => i.scores.rice.value ?? Number.NEGATIVE_INFINITY);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(items.map((i) => i.title)).toEqual(['Windowed', 'Typed', 'All time']);
  });
});
