import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

interface ObjectiveJson {
  id: string;
  parentId: string | null;
  productId: string | null;
  title: string;
  period: { kind: string; start: string; end: string };
  ownerId: string | null;
  status: string;
  progress: number | null;
  keyResultCount: number;
  featureCount: number;
  version: number;
}

describe.each(DIALECTS)('objectives and key results API on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let ws: string;
  let base: string;
  let product: { id: string };
  let other: string;

  const create = async (body: Record<string, unknown>) => {
    const res = await owner.post(`${base}/objectives`, { period: { kind: 'quarter', year: 2027, number: 1 }, ...body });
    if (res.statusCode !== 201) throw new Error(`create objective: ${res.statusCode} ${res.body}`);
    return res.json() as ObjectiveJson;
  };
  const get = async (id: string) => (await owner.get(`${base}/objectives/${id}`)).json() as ObjectiveJson;
  const titles = (res: { json: () => { items: { title: string }[] } }) => res.json().items.map((o) => o.title);
  const changes = (entity: string, id: string) =>
    t.db.kysely
      .selectFrom('change_log')
      .select(['action', 'changes'])
      .where('entity', '=', entity)
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    ownerId = (await owner.get('/api/v1/auth/me')).json().user.id;
    ws = (await owner.post('/api/v1/workspaces', { name: 'Strategy' })).json().slug;
    base = `/api/v1/workspaces/${ws}`;
    product = (await owner.post(`${base}/products`, { name: 'Customer Portal' })).json();
    other = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Other client' })).json().slug}`;
  });
  afterAll(() => t.close());

  it('creates objectives for a quarter, a half, a year or explicit dates', async () => {
    const res = await owner.post(`${base}/objectives`, {
      title: 'Grow self-service revenue',
      description: 'Company goal for **2027**',
      period: { kind: 'year', year: 2027 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: 'Grow self-service revenue',
      parentId: null,
      productId: null,
      period: { kind: 'year', start: '2027-01-01', end: '2027-12-31' },
      ownerId,
      status: 'active',
      progress: null,
      keyResultCount: 0,
      featureCount: 0,
      version: 1,
    });
    expect((await create({ title: 'Q4', period: { kind: 'quarter', year: 2026, number: 4 } })).period).toEqual({
      kind: 'quarter',
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect((await create({ title: 'H2', period: { kind: 'half', year: 2026, number: 2 } })).period).toMatchObject({
      start: '2026-07-01',
      end: '2026-12-31',
    });
    const custom = await create({
      title: 'Winter push',
      period: { kind: 'custom', start: '2026-11-15', end: '2027-02-14' },
      ownerId: null,
    });
    expect(custom).toMatchObject({ period: { kind: 'custom', start: '2026-11-15', end: '2027-02-14' }, ownerId: null });
    expect(await get(custom.id)).toMatchObject({ title: 'Winter push', period: custom.period });
  });

  it('refuses bad periods and bad fields with the failing paths', async () => {
    const post = (body: unknown) => owner.post(`${base}/objectives`, body);
    const paths = async (body: unknown) => {
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      return (res.json().errors as { path: string }[]).map((e) => e.path);
    };
    expect(await paths({ title: 'x', period: { kind: 'quarter', year: 2027, number: 5 } })).toContain('body.period.number');
    expect(await paths({ title: 'x', period: { kind: 'half', year: 2027, number: 3 } })).toContain('body.period.number');
    expect(await paths({ title: 'x', period: { kind: 'quarter', number: 1 } })).toContain('body.period.year');
    expect(await paths({ title: 'x', period: { kind: 'custom', start: '2027-03-01', end: '2027-02-01' } })).toContain('body.period.end');
    expect(await paths({ title: 'x', period: { kind: 'custom', start: '2027-02-30', end: '2027-03-01' } })).toContain('body.period.start');
    expect(await paths({ title: '  ', period: { kind: 'year', year: 2027 } })).toContain('body.title');
    expect(await paths({ title: 'x', period: { kind: 'year', year: 2027 }, status: 'done' })).toContain('body.status');
    expect(await paths({ title: 'x', period: { kind: 'year', year: 2027 }, weight: 3 })).toContain('body');
    expect((await owner.get(`${base}/objectives?activeOn=2027-13-01`)).statusCode).toBe(400);
    expect((await owner.get(`${base}/objectives?parentId=top`)).statusCode).toBe(400);
    expect((await owner.get(`${base}/objectives?limit=1001`)).statusCode).toBe(400);
    // References to things that are not in this workspace break a rule.
    const foreign = (await owner.post(`${other}/products`, { name: 'Foreign' })).json();
    const ref = await post({ title: 'x', period: { kind: 'year', year: 2027 }, productId: foreign.id });
    expect(ref.statusCode).toBe(422);
    expect(ref.json().errors).toEqual([expect.objectContaining({ path: 'body.productId' })]);
    const stranger = await post({ title: 'x', period: { kind: 'year', year: 2027 }, ownerId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
    expect(stranger.statusCode).toBe(422);
  });

  it('aligns product objectives under company goals and lists them with filters', async () => {
    const goal = await create({ title: 'Win mid-size retailers', period: { kind: 'year', year: 2031 } });
    const portal = await create({
      title: 'Portal self-service',
      parentId: goal.id,
      productId: product.id,
      period: { kind: 'quarter', year: 2031, number: 1 },
    });
    const app = await create({
      title: 'Field app adoption',
      parentId: goal.id,
      period: { kind: 'quarter', year: 2031, number: 2 },
      status: 'draft',
    });
    const checkout = await create({ title: 'Faster checkout', parentId: portal.id, period: { kind: 'quarter', year: 2031, number: 1 } });
    expect(portal).toMatchObject({ parentId: goal.id, productId: product.id });

    expect(titles(await owner.get(`${base}/objectives?parentId=${goal.id}`))).toEqual(['Portal self-service', 'Field app adoption']);
    expect(titles(await owner.get(`${base}/objectives?productId=${product.id}`))).toEqual(['Portal self-service']);
    // A day of Q1 2031: the yearly goal and the Q1 objectives, not the Q2 one.
    expect(titles(await owner.get(`${base}/objectives?activeOn=2031-02-14`))).toEqual([
      'Win mid-size retailers',
      'Portal self-service',
      'Faster checkout',
    ]);
    expect(titles(await owner.get(`${base}/objectives?activeOn=2031-02-14&status=draft`))).toEqual([]);
    expect(titles(await owner.get(`${base}/objectives?activeOn=2031-05-01&status=draft,active`))).toEqual([
      'Win mid-size retailers',
      'Field app adoption',
    ]);
    const roots = titles(await owner.get(`${base}/objectives?parentId=root&activeOn=2031-06-30`));
    expect(roots).toEqual(['Win mid-size retailers']);
    // q ignores case and accents; every word must match.
    await owner.patch(`${base}/objectives/${checkout.id}`, { description: 'Paiement en un clic, sans créer de compte', version: 1 });
    expect(titles(await owner.get(`${base}/objectives?q=${encodeURIComponent('CREER compte')}`))).toEqual(['Faster checkout']);
    expect(titles(await owner.get(`${base}/objectives?q=${encodeURIComponent('100%_')}`))).toEqual([]);
    expect(titles(await owner.get(`${base}/objectives?q=checkout%20nowhere`))).toEqual([]);

    // Pages of one, walked with the cursor, give every objective once.
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await owner.get(`${base}/objectives?activeOn=2031-02-14&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([goal.id, portal.id, checkout.id]);
    expect(app.status).toBe('draft');
  });

  it('refuses a move that would make an objective its own ancestor, and trees deeper than five levels', async () => {
    const goal = await create({ title: 'Root goal' });
    const child = await create({ title: 'Child', parentId: goal.id });
    const grandchild = await create({ title: 'Grandchild', parentId: child.id });

    const loop = await owner.patch(`${base}/objectives/${goal.id}`, { parentId: grandchild.id }, { 'if-match': '1' });
    expect(loop.statusCode).toBe(422);
    expect(loop.json()).toMatchObject({ code: 'rule_violated', errors: [{ path: 'body.parentId' }] });
    expect((await owner.patch(`${base}/objectives/${goal.id}`, { parentId: goal.id, version: 1 })).statusCode).toBe(422);
    expect((await get(goal.id)).parentId).toBeNull();

    // Levels 1–3 exist; two more fit, a sixth does not.
    const l4 = await create({ title: 'Level 4', parentId: grandchild.id });
    const l5 = await create({ title: 'Level 5', parentId: l4.id });
    const deep = await owner.post(`${base}/objectives`, { title: 'Level 6', period: { kind: 'year', year: 2027 }, parentId: l5.id });
    expect(deep.statusCode).toBe(422);
    // Moving a branch counts what hangs under it: child heads 4 levels, so it fits under a
    // top-level goal (levels 2–5) but not one level lower.
    const elsewhere = await create({ title: 'Elsewhere' });
    const below = await create({ title: 'Below elsewhere', parentId: elsewhere.id });
    expect((await owner.patch(`${base}/objectives/${child.id}`, { parentId: below.id, version: 1 })).statusCode).toBe(422);
    expect((await owner.patch(`${base}/objectives/${child.id}`, { parentId: elsewhere.id, version: 1 })).statusCode).toBe(200);
    // A leaf moves freely; to the top too.
    const moved = await owner.patch(`${base}/objectives/${l5.id}`, { parentId: elsewhere.id, version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: elsewhere.id, version: 2 });
    expect((await owner.patch(`${base}/objectives/${l5.id}`, { parentId: null, version: 2 })).json().parentId).toBeNull();

    // A parent from another workspace is no parent at all.
    const foreign = (await owner.post(`${other}/objectives`, { title: 'Theirs', period: { kind: 'year', year: 2027 } })).json();
    expect(
      (await owner.post(`${base}/objectives`, { title: 'x', period: { kind: 'year', year: 2027 }, parentId: foreign.id })).statusCode,
    ).toBe(422);
  });

  it('never lets two moves made at the same time create a cycle', async () => {
    const a = await create({ title: 'Race A' });
    const b = await create({ title: 'Race B' });
    const [ab, ba] = await Promise.all([
      owner.patch(`${base}/objectives/${a.id}`, { parentId: b.id, version: 1 }),
      owner.patch(`${base}/objectives/${b.id}`, { parentId: a.id, version: 1 }),
    ]);
    expect([ab.statusCode, ba.statusCode].sort()).toEqual([200, 422]);
    const [after, bfter] = [await get(a.id), await get(b.id)];
    expect(after.parentId === b.id && bfter.parentId === a.id).toBe(false);
  });

  it('computes key-result progress, capped, and right when lower is better', async () => {
    const objective = await create({ title: 'Retain customers' });
    const url = `${base}/objectives/${objective.id}/key-results`;
    const signups = await owner.post(url, {
      title: 'Weekly sign-ups',
      metric: 'Sign-ups per week',
      baseline: 200,
      target: 500,
      current: 350,
    });
    expect(signups.statusCode).toBe(201);
    expect(signups.json()).toMatchObject({ direction: 'increase', progress: 0.5, position: 0, unit: '', version: 1 });
    // Churn from 8 % to 5 %: the direction is implied by the target; 6.5 % is halfway.
    const churn = await owner.post(url, { title: 'Monthly churn', baseline: 8, target: 5, current: 6.5, unit: '%' });
    expect(churn.json()).toMatchObject({ direction: 'decrease', progress: 0.5, position: 1, unit: '%' });
    const nps = await owner.post(url, { title: 'NPS stays above 40', baseline: 40, target: 40, direction: 'increase' });
    expect(nps.json()).toMatchObject({ current: null, progress: null });

    // Not measured key results do not count: the mean of 0.5 and 0.5.
    expect(await get(objective.id)).toMatchObject({ progress: 0.5, keyResultCount: 3 });

    const patch = (id: string, version: number, body: Record<string, unknown>) =>
      owner.patch(`${url}/${id}`, body, { 'if-match': `"${version}"` });
    const over = await patch(signups.json().id, 1, { current: 900 });
    expect(over.json()).toMatchObject({ current: 900, progress: 1, version: 2 });
    const worse = await patch(churn.json().id, 1, { current: 9.5 });
    expect(worse.json()).toMatchObject({ progress: 0 });
    const held = await patch(nps.json().id, 1, { current: 41 });
    expect(held.json()).toMatchObject({ progress: 1 });
    expect((await get(objective.id)).progress).toBeCloseTo(2 / 3, 10);
    // Back to "not measured".
    expect((await patch(nps.json().id, 2, { current: null })).json().progress).toBeNull();

    const list = (await owner.get(url)).json().items as { title: string; progress: number | null }[];
    expect(list.map((k) => [k.title, k.progress])).toEqual([
      ['Weekly sign-ups', 1],
      ['Monthly churn', 0],
      ['NPS stays above 40', null],
    ]);
  });

  it('validates key results and keeps edits from overwriting each other', async () => {
    const objective = await create({ title: 'Key result rules' });
    const url = `${base}/objectives/${objective.id}/key-results`;
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await owner.post(url, { title: 'KR', baseline: 0, target: 10, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect((res.json().errors as { path: string }[]).map((e) => e.path)).toContain(path);
    };
    await bad({ direction: 'increase', target: -5 }, 'body.target');
    await bad({ direction: 'decrease' }, 'body.target');
    await bad({ unit: 'x'.repeat(21) }, 'body.unit');
    await bad({ baseline: '12' }, 'body.baseline');
    await bad({ target: 1e13 }, 'body.target');
    await bad({ current: -2e12 }, 'body.current');
    await bad({ direction: 'sideways' }, 'body.direction');

    const kr = (await owner.post(url, { title: 'Activation', baseline: 10, target: 40, current: 12, unit: '%' })).json();
    // A PATCH that makes the numbers disagree is refused as a whole.
    const flip = await owner.patch(`${url}/${kr.id}`, { target: 5, version: 1 });
    expect(flip.statusCode).toBe(400);
    expect(flip.json().errors).toEqual([expect.objectContaining({ path: 'body.target' })]);
    expect((await owner.patch(`${url}/${kr.id}`, { target: 5, direction: 'decrease', version: 1 })).json()).toMatchObject({
      target: 5,
      direction: 'decrease',
      version: 2,
    });
    const stale = await owner.patch(`${url}/${kr.id}`, { current: 20, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: kr.id, version: 2, target: 5 });
    expect((await owner.patch(`${url}/${kr.id}`, { current: 20 })).statusCode).toBe(428);
    const [a, b] = await Promise.all([
      owner.patch(`${url}/${kr.id}`, { current: 9, version: 2 }),
      owner.patch(`${url}/${kr.id}`, { current: 8, version: 2 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);

    const staleObjective = await owner.patch(`${base}/objectives/${objective.id}`, { title: 'Renamed', version: 7 });
    expect(staleObjective.statusCode).toBe(409);
    expect(staleObjective.json().current).toMatchObject({ id: objective.id, version: 1, title: 'Key result rules' });

    expect((await owner.delete(`${url}/${kr.id}`)).statusCode).toBe(204);
    expect((await owner.delete(`${url}/${kr.id}`)).statusCode).toBe(404);
    expect((await owner.get(url)).json().items).toEqual([]);
  });

  it('links features to the objectives they serve', async () => {
    const growth = await create({ title: 'Grow activation' });
    const retention = await create({ title: 'Improve retention' });
    const onboarding = (
      await owner.post(`${base}/features`, { title: 'Guided onboarding', status: 'planned', productId: product.id })
    ).json();
    const emails = (await owner.post(`${base}/features`, { title: 'Win-back emails' })).json();

    const link = await owner.post(`${base}/features/${onboarding.id}/objectives`, { objectiveId: growth.id });
    expect(link.statusCode).toBe(201);
    expect(link.json()).toMatchObject({ featureId: onboarding.id, objectiveId: growth.id, createdBy: { id: ownerId } });
    expect((await owner.post(`${base}/features/${onboarding.id}/objectives`, { objectiveId: growth.id })).statusCode).toBe(409);
    await owner.post(`${base}/features/${onboarding.id}/objectives`, { objectiveId: retention.id });
    await owner.post(`${base}/features/${emails.id}/objectives`, { objectiveId: retention.id });

    const served = (await owner.get(`${base}/features/${onboarding.id}/objectives`)).json().items as ObjectiveJson[];
    expect(served.map((o) => [o.title, o.featureCount])).toEqual([
      ['Grow activation', 1],
      ['Improve retention', 2],
    ]);
    const features = (await owner.get(`${base}/objectives/${retention.id}/features`)).json();
    expect(features.items).toEqual([
      { id: onboarding.id, title: 'Guided onboarding', status: 'planned', productId: product.id },
      { id: emails.id, title: 'Win-back emails', status: 'idea', productId: null },
    ]);
    const first = (await owner.get(`${base}/objectives/${retention.id}/features?limit=1`)).json();
    expect(first.items.map((f: { id: string }) => f.id)).toEqual([onboarding.id]);
    const second = (await owner.get(`${base}/objectives/${retention.id}/features?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ id: emails.id })], nextCursor: null });

    // The feature's status shows on the objective as it changes.
    await owner.patch(`${base}/features/${emails.id}`, { status: 'released', version: 1 });
    expect((await owner.get(`${base}/objectives/${retention.id}/features`)).json().items[1].status).toBe('released');

    expect((await owner.delete(`${base}/features/${onboarding.id}/objectives/${retention.id}`)).statusCode).toBe(204);
    expect((await owner.delete(`${base}/features/${onboarding.id}/objectives/${retention.id}`)).statusCode).toBe(404);
    expect((await get(retention.id)).featureCount).toBe(1);
    // Deleting a feature removes its links.
    expect((await owner.delete(`${base}/features/${emails.id}`)).statusCode).toBe(204);
    expect((await get(retention.id)).featureCount).toBe(0);
    expect((await changes('objective', growth.id)).map((c) => c.action)).toEqual(['created', 'feature_linked']);
  });

  it('answers 404 for ids of another workspace', async () => {
    const theirs = (await owner.post(`${other}/objectives`, { title: 'Their goal', period: { kind: 'year', year: 2027 } })).json();
    const theirKr = (
      await owner.post(`${other}/objectives/${theirs.id}/key-results`, { title: 'Their KR', baseline: 0, target: 1 })
    ).json();
    const theirFeature = (await owner.post(`${other}/features`, { title: 'Their feature' })).json();
    const mine = await create({ title: 'Mine' });
    const myFeature = (await owner.post(`${base}/features`, { title: 'My feature' })).json();

    expect((await owner.get(`${base}/objectives/${theirs.id}`)).statusCode).toBe(404);
    expect((await owner.patch(`${base}/objectives/${theirs.id}`, { title: 'x', version: 1 })).statusCode).toBe(404);
    expect((await owner.delete(`${base}/objectives/${theirs.id}`)).statusCode).toBe(404);
    expect((await owner.get(`${base}/objectives/${theirs.id}/key-results`)).statusCode).toBe(404);
    expect((await owner.get(`${base}/objectives/${theirs.id}/features`)).statusCode).toBe(404);
    expect((await owner.patch(`${base}/objectives/${theirs.id}/key-results/${theirKr.id}`, { current: 1, version: 1 })).statusCode).toBe(
      404,
    );
    // Their key result under my objective is not found either.
    expect((await owner.patch(`${base}/objectives/${mine.id}/key-results/${theirKr.id}`, { current: 1, version: 1 })).statusCode).toBe(404);
    expect((await owner.delete(`${base}/objectives/${mine.id}/key-results/${theirKr.id}`)).statusCode).toBe(404);
    expect((await owner.post(`${base}/features/${myFeature.id}/objectives`, { objectiveId: theirs.id })).statusCode).toBe(404);
    expect((await owner.post(`${base}/features/${theirFeature.id}/objectives`, { objectiveId: mine.id })).statusCode).toBe(404);
    expect((await owner.get(`${base}/features/${theirFeature.id}/objectives`)).statusCode).toBe(404);
    expect((await owner.get(`${other}/objectives/${theirs.id}`)).json().title).toBe('Their goal');
  });

  it('lets product managers shape strategy, product owners link features, viewers only read', async () => {
    const pm = await addMember(t.app, owner, ws, 'pm@example.com', 'product_manager');
    const po = await addMember(t.app, owner, ws, 'po@example.com', 'product_owner');
    const dev = await addMember(t.app, owner, ws, 'dev@example.com', 'contributor');
    const viewer = await addMember(t.app, owner, ws, 'client@example.com', 'viewer');
    const period = { kind: 'quarter', year: 2027, number: 2 };

    const pmGoal = await pm.post(`${base}/objectives`, { title: 'PM goal', period });
    expect(pmGoal.statusCode).toBe(201);
    const id = pmGoal.json().id;
    expect((await pm.post(`${base}/objectives/${id}/key-results`, { title: 'KR', baseline: 0, target: 1 })).statusCode).toBe(201);
    const kr = (await owner.get(`${base}/objectives/${id}/key-results`)).json().items[0];
    const feature = (await po.post(`${base}/features`, { title: 'PO feature' })).json();

    for (const [who, client] of [
      ['product owner', po],
      ['contributor', dev],
      ['viewer', viewer],
    ] as const) {
      expect((await client.get(`${base}/objectives/${id}`)).statusCode, who).toBe(200);
      expect((await client.get(`${base}/objectives/${id}/key-results`)).statusCode, who).toBe(200);
      expect((await client.post(`${base}/objectives`, { title: 'No', period })).statusCode, who).toBe(403);
      expect((await client.patch(`${base}/objectives/${id}`, { title: 'No', version: 1 })).statusCode, who).toBe(403);
      expect((await client.patch(`${base}/objectives/${id}/key-results/${kr.id}`, { current: 1, version: 1 })).statusCode, who).toBe(403);
      expect((await client.delete(`${base}/objectives/${id}`)).statusCode, who).toBe(403);
    }
    expect((await po.post(`${base}/features/${feature.id}/objectives`, { objectiveId: id })).statusCode).toBe(201);
    expect((await dev.delete(`${base}/features/${feature.id}/objectives/${id}`)).statusCode).toBe(403);
    const refused = await viewer.post(`${base}/features/${feature.id}/objectives`, { objectiveId: id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    expect((await get(id)).featureCount).toBe(1);
  });

  it('refuses to delete an objective that has children; deletes a leaf with its key results and links', async () => {
    const goal = await create({ title: 'Parent to keep' });
    const child = await create({ title: 'Only child', parentId: goal.id });
    await owner.post(`${base}/objectives/${child.id}/key-results`, { title: 'KR', baseline: 0, target: 1, current: 1 });
    const feature = (await owner.post(`${base}/features`, { title: 'Serving feature' })).json();
    await owner.post(`${base}/features/${feature.id}/objectives`, { objectiveId: child.id });

    const refused = await owner.delete(`${base}/objectives/${goal.id}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'rule_violated' });
    expect(refused.json().detail).toContain('1 child objective');
    expect((await get(goal.id)).title).toBe('Parent to keep');

    expect((await owner.delete(`${base}/objectives/${child.id}`)).statusCode).toBe(204);
    expect((await owner.get(`${base}/objectives/${child.id}`)).statusCode).toBe(404);
    expect((await owner.get(`${base}/features/${feature.id}/objectives`)).json().items).toEqual([]);
    const leftovers = await t.db.kysely.selectFrom('key_results').select('id').where('objective_id', '=', child.id).execute();
    expect(leftovers).toEqual([]);
    expect((await owner.delete(`${base}/objectives/${goal.id}`)).statusCode).toBe(204);
    expect((await changes('objective', child.id)).map((c) => c.action)).toEqual(['created', 'feature_linked', 'deleted']);
  });

  it('records every change in the change log, and a refused request writes nothing', async () => {
    const o = await create({ title: 'Logged' });
    await owner.patch(`${base}/objectives/${o.id}`, { status: 'achieved', period: { kind: 'half', year: 2027, number: 1 }, version: 1 });
    const kr = (await owner.post(`${base}/objectives/${o.id}/key-results`, { title: 'Logged KR', baseline: 0, target: 10 })).json();
    await owner.patch(`${base}/objectives/${o.id}/key-results/${kr.id}`, { current: 4, version: 1 });
    await owner.delete(`${base}/objectives/${o.id}/key-results/${kr.id}`);

    const log = await changes('objective', o.id);
    expect(log.map((c) => c.action)).toEqual(['created', 'updated']);
    expect(JSON.parse(log[1]!.changes)).toEqual({
      status: { from: 'active', to: 'achieved' },
      period: {
        from: { kind: 'quarter', start: '2027-01-01', end: '2027-03-31' },
        to: { kind: 'half', start: '2027-01-01', end: '2027-06-30' },
      },
    });
    const krLog = await changes('key_result', kr.id);
    expect(krLog.map((c) => c.action)).toEqual(['created', 'updated', 'deleted']);
    expect(JSON.parse(krLog[1]!.changes)).toMatchObject({ current: { from: null, to: 4 }, objectiveId: { to: o.id } });
    const activity = (await owner.get(`${base}/activity?entity=objective&id=${o.id}`)).json().items;
    expect(activity.map((e: { action: string }) => e.action)).toEqual(['updated', 'created']);

    const count = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('change_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect((await owner.patch(`${base}/objectives/${o.id}`, { title: 'Nope', version: 1 })).statusCode).toBe(409);
    expect((await owner.post(`${base}/objectives`, { title: 'x', period: { kind: 'quarter', year: 2027, number: 9 } })).statusCode).toBe(
      400,
    );
    expect(await count()).toBe(before);
  });
});
