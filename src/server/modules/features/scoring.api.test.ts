import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

interface FeatureOut {
  id: string;
  title: string;
  version: number;
  scores: Record<'rice' | 'ice' | 'wsjf' | 'moscow' | 'kano' | 'valueEffort' | 'custom', Record<string, unknown>>;
}

describe.each(DIALECTS)('feature scoring API on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let viewer: Client;
  let po: Client;
  let ws: string;
  let base: string;
  let other: string;
  let otherFeature: FeatureOut;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    ws = (await owner.post('/api/v1/workspaces', { name: 'Scoring' })).json().slug;
    base = `/api/v1/workspaces/${ws}`;
    viewer = await addMember(t.app, owner, ws, 'viewer@example.com', 'viewer');
    po = await addMember(t.app, owner, ws, 'po@example.com', 'product_owner');
    other = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Elsewhere' })).json().slug}`;
    otherFeature = (await owner.post(`${other}/features`, { title: 'Not yours' })).json();
  });
  afterAll(() => t.close());

  const create = async (title: string, scores?: unknown, client = owner): Promise<FeatureOut> => {
    const res = await client.post(`${base}/features`, { title, ...(scores !== undefined && { scores }) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const patch = async (f: { id: string }, body: Record<string, unknown>, client = owner) => {
    const current = (await owner.get(`${base}/features/${f.id}`)).json();
    return client.patch(`${base}/features/${f.id}`, { version: current.version, ...body });
  };
  const titles = async (query: string) => {
    const res = await owner.get(`${base}/features?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((f: FeatureOut) => f.title);
  };
  const settings = async () => (await owner.get(`${base}/scoring`)).json();
  const patchSettings = async (body: Record<string, unknown>, client = owner) => {
    const { version } = await settings();
    return client.patch(`${base}/scoring`, { version, ...body });
  };

  it('computes the published RICE examples from the inputs sent, and returns every framework', async () => {
    const f = await create('Intercom A');
    const res = await patch(f, { scores: { rice: { reach: 450, impact: 3, confidence: 1, effort: 2 } } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.scores.rice).toEqual({
      reach: 450,
      reachSource: 'manual',
      reachWindowDays: null,
      reachWindow: null,
      impact: 3,
      confidence: 1,
      effort: 2,
      value: 675,
      missing: [],
    });
    expect(Object.keys(body.scores).sort()).toEqual(['custom', 'ice', 'kano', 'moscow', 'rice', 'valueEffort', 'wsjf']);
    expect(body.scores.ice).toMatchObject({ value: null, missing: ['impact', 'confidence', 'ease'] });

    const b = await create('Intercom B', { rice: { reach: 2000, impact: 1, confidence: 0.8, effort: 4 } });
    expect(b.scores.rice.value).toBe(400);
    const c = await create('Intercom C', { rice: { reach: 800, impact: 2, confidence: 0.5, effort: 1 } });
    expect((await owner.get(`${base}/features/${c.id}`)).json().scores.rice.value).toBe(800);
  });

  it('merges a PATCH into the stored inputs: only the named input changes, null clears', async () => {
    const f = await create('Merge me', {
      rice: { reach: 450, impact: 3, confidence: 1, effort: 2 },
      ice: { impact: 8, confidence: 6, ease: 3 },
    });
    const res = await patch(f, { scores: { rice: { effort: 3 } } });
    expect(res.json().scores.rice).toMatchObject({ reach: 450, effort: 3, value: 450 });
    expect(res.json().scores.ice.value).toBe(144);
    const cleared = (await patch(f, { scores: { rice: { reach: null }, ice: null } })).json();
    expect(cleared.scores.rice).toMatchObject({ reach: null, value: null, missing: ['reach'] });
    expect(cleared.scores.ice).toMatchObject({ impact: null, value: null });
  });

  it('refuses out-of-range inputs with their paths, and explains percentages', async () => {
    const f = await create('Invalid');
    const res = await patch(f, { scores: { rice: { confidence: 80, effort: 0 }, wsjf: { jobSize: 4 }, ice: { ease: 11 } } });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual([
      'body.scores.ice.ease',
      'body.scores.rice.confidence',
      'body.scores.rice.effort',
      'body.scores.wsjf.jobSize',
    ]);
    expect(errors.find((e) => e.path === 'body.scores.rice.confidence')?.message).toContain('80% is 0.8');
    const wrongType = await patch(f, { scores: { rice: { reach: 'lots' }, moscow: { category: 'maybe' } } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.scores.rice.reach', 'body.scores.moscow.category']),
    );
    expect((await owner.post(`${base}/features`, { title: 'Bad on create', scores: { rice: { impact: 5 } } })).statusCode).toBe(400);
    // Nothing was stored.
    expect((await owner.get(`${base}/features/${f.id}`)).json().version).toBe(1);
  });

  it('ranks by each framework, highest first, unscored last, ties by title, across pages', async () => {
    // A fresh product keeps this list to the features made here.
    const product = (await owner.post(`${base}/products`, { name: 'Ranked' })).json();
    const make = (title: string, scores?: unknown) =>
      owner.post(`${base}/features`, { title, productId: product.id, ...(scores !== undefined && { scores }) });
    await make('Low', {
      rice: { reach: 10, impact: 1, confidence: 1, effort: 1 },
      ice: { impact: 2, confidence: 2, ease: 2 },
      valueEffort: { value: 2, effort: 8 },
    });
    await make('High', {
      rice: { reach: 1000, impact: 1, confidence: 1, effort: 1 },
      ice: { impact: 9, confidence: 9, ease: 9 },
      valueEffort: { value: 9, effort: 1 },
    });
    await make('b tie', {
      rice: { reach: 100, impact: 1, confidence: 1, effort: 1 },
      wsjf: { businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 2 },
    });
    await make('A tie', {
      rice: { reach: 200, impact: 0.5, confidence: 1, effort: 1 },
      wsjf: { businessValue: 1, timeCriticality: 1, riskReduction: 1, jobSize: 1 },
    });
    await make('Zero', { rice: { reach: 0, impact: 1, confidence: 1, effort: 1 } });
    await make('Unscored');
    await make('Half', { rice: { reach: 5000 } });
    const q = `productId=${product.id}`;

    expect(await titles(`${q}&sort=rice`)).toEqual(['High', 'A tie', 'b tie', 'Low', 'Zero', 'Half', 'Unscored']);
    expect(await titles(`${q}&sort=ice`)).toEqual(['High', 'Low', 'A tie', 'b tie', 'Half', 'Unscored', 'Zero']);
    expect(await titles(`${q}&sort=wsjf`)).toEqual(['b tie', 'A tie', 'Half', 'High', 'Low', 'Unscored', 'Zero']);
    expect(await titles(`${q}&sort=value_effort`)).toEqual(['High', 'Low', 'A tie', 'b tie', 'Half', 'Unscored', 'Zero']);
    expect(await titles(`${q}&sort=title`)).toEqual(['A tie', 'b tie', 'Half', 'High', 'Low', 'Unscored', 'Zero']);

    // Cursor pagination walks the same order, two at a time, for a score sort and the others.
    for (const sort of ['rice', 'title', 'updated', 'created', 'wsjf']) {
      const whole = await titles(`${q}&sort=${sort}`);
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await owner.get(`${base}/features?${q}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        walked.push(...res.json().items.map((f: FeatureOut) => f.title));
        cursor = res.json().nextCursor;
      } while (cursor);
      expect(walked, sort).toEqual(whole);
    }
    // A cursor from another sort is refused rather than misread.
    const first = (await owner.get(`${base}/features?${q}&sort=rice&limit=2`)).json();
    expect((await owner.get(`${base}/features?${q}&sort=ice&cursor=${first.nextCursor}`)).statusCode).toBe(400);
    expect((await owner.get(`${base}/features?sort=bogus`)).statusCode).toBe(400);
  });

  it('re-ranks when the ICE variant changes, and shows the variant with the score', async () => {
    const product = (await owner.post(`${base}/products`, { name: 'ICE variant' })).json();
    const make = (title: string, ice: unknown) => owner.post(`${base}/features`, { title, productId: product.id, scores: { ice } });
    // Product: 10×10×1 = 100 < 6×6×6 = 216; average: 7 > 6.
    await make('Lopsided', { impact: 10, confidence: 10, ease: 1 });
    await make('Balanced', { impact: 6, confidence: 6, ease: 6 });
    expect(await titles(`productId=${product.id}&sort=ice`)).toEqual(['Balanced', 'Lopsided']);
    const res = await patchSettings({ iceVariant: 'average' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ iceVariant: 'average', version: 2 });
    expect(await titles(`productId=${product.id}&sort=ice`)).toEqual(['Lopsided', 'Balanced']);
    const items = (await owner.get(`${base}/features?productId=${product.id}&sort=ice`)).json().items;
    expect(items[0].scores.ice).toMatchObject({ variant: 'average', value: 7 });
    await patchSettings({ iceVariant: 'product' });
  });

  it('refuses a bad formula with the position and a caret, and re-ranks when the formula changes', async () => {
    const bad = await patchSettings({ custom: { drivers: [{ name: 'fit', min: 0, max: 10, weight: 1 }], formula: 'fit * (insights + ' } });
    expect(bad.statusCode).toBe(400);
    const error = bad.json().errors[0];
    expect(error.path).toBe('body.custom.formula');
    expect(typeof error.position).toBe('number');
    expect(error.pointer).toContain('^');
    expect(error.message).toMatch(/at character \d+/);
    expect(error.message).toContain('^');
    const unknown = await patchSettings({ custom: { drivers: [{ name: 'fit', min: 0, max: 10, weight: 1 }], formula: 'fit + bogus' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'body.custom.formula', position: 6 });

    const product = (await owner.post(`${base}/products`, { name: 'Custom' })).json();
    const make = async (title: string, fit: number) =>
      (await owner.post(`${base}/features`, { title, productId: product.id, scores: { custom: { values: { fit } } } })).json();
    // Before any custom score exists, values for unknown drivers are refused.
    expect((await owner.post(`${base}/features`, { title: 'x', scores: { custom: { values: { fit: 1 } } } })).statusCode).toBe(400);

    const ok = await patchSettings({
      custom: { drivers: [{ name: 'fit', min: 0, max: 10, weight: 1 }], formula: 'fit * 10 + insights * 100' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const fitted = await make('Fits well', 9);
    const evidenced = await make('Much asked', 2);
    expect(fitted.scores.custom).toEqual({ values: { fit: 9 }, value: 90, missing: [], errors: [] });
    expect(await titles(`productId=${product.id}&sort=custom`)).toEqual(['Fits well', 'Much asked']);

    // Linking insights moves the evidence the formula reads: 20 + 2 × 100 = 220 > 90.
    for (const text of ['Please add this', 'We need this too']) {
      const insight = (await owner.post(`${base}/insights`, { text, source: 'support' })).json();
      expect((await owner.post(`${base}/features/${evidenced.id}/insights`, { insightId: insight.id })).statusCode).toBe(201);
    }
    expect(await titles(`productId=${product.id}&sort=custom`)).toEqual(['Much asked', 'Fits well']);
    expect((await owner.get(`${base}/features/${evidenced.id}`)).json().scores.custom.value).toBe(220);

    // A new formula re-ranks every feature.
    expect((await patchSettings({ custom: { drivers: [{ name: 'fit', min: 0, max: 10, weight: 1 }], formula: 'fit' } })).statusCode).toBe(
      200,
    );
    expect(await titles(`productId=${product.id}&sort=custom`)).toEqual(['Fits well', 'Much asked']);
    const explained = (await owner.get(`${base}/features/${fitted.id}/score-explanation?framework=custom`)).json();
    expect(explained).toMatchObject({ framework: 'custom', value: 9, settings: { formula: 'fit' } });
    expect(explained.lastChange).toMatchObject({ field: 'settings.custom', by: { email: 'owner@example.com' } });
    expect(explained.lastChange.to.formula).toBe('fit');
  });

  it('lets a formula read the drivers’ weights with weight(name), so changing a weight re-scores', async () => {
    const drivers = (fitWeight: number) => [
      { name: 'fit', min: 0, max: 10, weight: fitWeight },
      { name: 'risk', min: 0, max: 10, weight: 1 },
    ];
    const set = await patchSettings({ custom: { drivers: drivers(2), formula: 'weight(fit) * fit - weight(risk) * risk' } });
    expect(set.statusCode, set.body).toBe(200);
    const product = (await owner.post(`${base}/products`, { name: 'Weights' })).json();
    const make = async (title: string, fit: number, risk: number) =>
      (await owner.post(`${base}/features`, { title, productId: product.id, scores: { custom: { values: { fit, risk } } } })).json();
    const fits = await make('Fits', 5, 1);
    const safe = await make('Safe', 3, 0);
    expect(fits.scores.custom.value).toBe(9);
    expect(safe.scores.custom.value).toBe(6);
    expect(await titles(`productId=${product.id}&sort=custom`)).toEqual(['Fits', 'Safe']);
    // A lighter weight for fit, same formula: 0.25 × 5 − 1 = 0.25 < 0.25 × 3 − 0 = 0.75; the stored ranks follow.
    const lighter = await patchSettings({ custom: { drivers: drivers(0.25), formula: 'weight(fit) * fit - weight(risk) * risk' } });
    expect(lighter.statusCode).toBe(200);
    expect(await titles(`productId=${product.id}&sort=custom`)).toEqual(['Safe', 'Fits']);
    expect((await owner.get(`${base}/features/${fits.id}`)).json().scores.custom.value).toBe(0.25);
    const bad = await patchSettings({ custom: { drivers: drivers(1), formula: 'weight(insights) * fit' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'body.custom.formula', position: 7 });
    await patchSettings({ custom: { drivers: [], formula: null } });
  });

  it('derives RICE reach from linked insights or distinct customers, and says so', async () => {
    const acme = (await owner.post(`${base}/customers`, { name: 'Acme', revenue: 1200, currency: 'EUR', revenuePeriod: 'year' })).json();
    const f = await create('Derived reach', { rice: { reachSource: 'customers', impact: 2, confidence: 0.5, effort: 1 } });
    expect(f.scores.rice).toMatchObject({ reach: 0, reachSource: 'customers', value: 0, missing: [] });
    const insights = [];
    for (const text of ['From Acme', 'Acme again', 'Anonymous']) {
      insights.push(
        (await owner.post(`${base}/insights`, { text, source: 'sales', ...(text !== 'Anonymous' && { customerId: acme.id }) })).json(),
      );
    }
    for (const i of insights) await owner.post(`${base}/features/${f.id}/insights`, { insightId: i.id });
    expect((await owner.get(`${base}/features/${f.id}`)).json().scores.rice).toMatchObject({ reach: 1, value: 1 });
    const byInsights = (await patch(f, { scores: { rice: { reachSource: 'insights' } } })).json();
    expect(byInsights.scores.rice).toMatchObject({ reach: 3, reachSource: 'insights', value: 3 });
    const explained = (await owner.get(`${base}/features/${f.id}/score-explanation?framework=rice`)).json();
    expect(explained.summary).toContain('linked insights');
    expect(explained.inputs.reachSource).toBe('insights');
    expect(explained.lastChange).toMatchObject({ field: 'scores.rice.reachSource', from: 'customers', to: 'insights' });
    // Unlinking moves it back down, in the same request.
    await owner.delete(`${base}/features/${f.id}/insights/${insights[2].id}`);
    expect((await owner.get(`${base}/features/${f.id}`)).json().scores.rice.reach).toBe(2);
    const last = (await owner.get(`${base}/features/${f.id}/score-explanation?framework=rice`)).json().lastChange;
    expect(last).toMatchObject({ field: 'evidence.unlinked', from: '“Anonymous”', evidence: { kind: 'insight', id: insights[2].id } });
  });

  it('keeps evidence-based scores current when customers and insights change', async () => {
    const drivers = [{ name: 'fit', min: 0, max: 10, weight: 1 }];
    expect((await patchSettings({ custom: { drivers, formula: 'revenue + customers * 1000' } })).statusCode).toBe(200);
    const product = (await owner.post(`${base}/products`, { name: 'Evidence' })).json();
    const euro = (
      await owner.post(`${base}/customers`, { name: 'Euro Co', revenue: 24_000, currency: 'EUR', revenuePeriod: 'year' })
    ).json();
    const dollar = (await owner.post(`${base}/customers`, { name: 'Dollar Inc', revenue: 5_000, currency: 'USD' })).json();
    const make = async (title: string) =>
      (
        await owner.post(`${base}/features`, {
          title,
          productId: product.id,
          scores: { rice: { reachSource: 'insights', impact: 1, confidence: 1, effort: 1 } },
        })
      ).json();
    const a = await make('Asked by Euro');
    const b = await make('Asked by Dollar');
    const link = async (feature: { id: string }, customerId: string | null, text: string) => {
      const insight = (await owner.post(`${base}/insights`, { text, source: 'support', ...(customerId && { customerId }) })).json();
      expect((await owner.post(`${base}/features/${feature.id}/insights`, { insightId: insight.id })).statusCode).toBe(201);
      return insight;
    };
    const euroInsight = await link(a, euro.id, 'Euro wants it');
    const dollarInsight = await link(b, dollar.id, 'Dollar wants it');
    const extra = await link(b, null, 'Someone else wants it too');
    const score = async (f: { id: string }) => (await owner.get(`${base}/features/${f.id}`)).json().scores;
    // 24 000 a year is 2 000 a month; USD revenue is not counted in a EUR workspace.
    expect((await score(a)).custom.value).toBe(3_000);
    // The revenue the formula read is on the feature, so the browser can preview the same number.
    expect((await owner.get(`${base}/features/${a.id}`)).json().evidenceRevenue).toBe(2_000);
    expect((await score(b)).custom.value).toBe(1_000);
    const explained = (await owner.get(`${base}/features/${b.id}/score-explanation?framework=custom`)).json();
    expect(JSON.stringify(explained)).toContain('other currencies are not counted');
    expect(await titles(`productId=${product.id}&sort=custom`)).toEqual(['Asked by Euro', 'Asked by Dollar']);

    // The customer's revenue changes: the stored rank follows in the same request.
    expect(
      (await owner.patch(`${base}/customers/${dollar.id}`, { version: dollar.version, currency: 'EUR', revenue: 9_000 })).statusCode,
    ).toBe(200);
    expect((await score(b)).custom.value).toBe(10_000);
    expect(await titles(`productId=${product.id}&sort=custom`)).toEqual(['Asked by Dollar', 'Asked by Euro']);
    // The workspace counts another currency instead.
    expect((await patchSettings({ revenueCurrency: 'usd' })).json().revenueCurrency).toBe('USD');
    expect((await score(a)).custom.value).toBe(1_000);
    await patchSettings({ revenueCurrency: 'EUR' });

    // An insight moves to another customer, is deleted, is merged: counts follow.
    const extraNow = (await owner.get(`${base}/insights/${extra.id}`)).json();
    expect((await owner.patch(`${base}/insights/${extra.id}`, { version: extraNow.version, customerId: euro.id })).statusCode).toBe(200);
    expect((await score(b)).custom.value).toBe(9_000 + 2_000 + 2_000);
    expect((await owner.delete(`${base}/insights/${extra.id}`)).statusCode).toBe(204);
    expect((await score(b)).rice.reach).toBe(1);
    // Dollar Inc stops counting for B: the merge has to be confirmed.
    const merged = await owner.post(`${base}/insights/${euroInsight.id}/merge`, { duplicateId: dollarInsight.id, confirm: true });
    expect(merged.statusCode, merged.body).toBe(200);
    // B's only evidence now points at the kept (Euro) insight.
    expect((await score(b)).custom.value).toBe(2_000 + 1_000);
    // A deleted customer leaves the insight anonymous.
    expect((await owner.delete(`${base}/customers/${euro.id}`)).statusCode).toBe(204);
    expect((await score(a)).custom.value).toBe(0);
    expect(await titles(`productId=${product.id}&sort=custom`)).toEqual(['Asked by Dollar', 'Asked by Euro'].sort());
  });

  it('explains a score: inputs, contributions, missing inputs, and what changed it last', async () => {
    const f = await create('Explained', { rice: { reach: 450, impact: 3, confidence: 1 } });
    const missing = (await owner.get(`${base}/features/${f.id}/score-explanation`)).json();
    expect(missing).toMatchObject({ framework: 'rice', value: null, missing: ['effort'], inputs: { reach: 450, effort: null } });
    await patch(f, { scores: { rice: { effort: 2 } } }, po);
    const res = await viewer.get(`${base}/features/${f.id}/score-explanation?framework=rice`);
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({ featureId: f.id, value: 675, missing: [], errors: [] });
    expect(e.contributions.map((c: { name: string }) => c.name)).toEqual(['reach', 'impact', 'confidence', 'effort']);
    expect(e.lastChange).toMatchObject({ field: 'scores.rice.effort', from: null, to: 2, by: { email: 'po@example.com' } });
    // ICE shows its variant; a framework with no change has no last change.
    const ice = (await owner.get(`${base}/features/${f.id}/score-explanation?framework=ice`)).json();
    expect(ice.settings).toEqual({ iceVariant: 'product' });
    expect(ice.lastChange?.field ?? null).not.toMatch(/^scores\.rice/);
    expect((await owner.get(`${base}/features/${f.id}/score-explanation?framework=nope`)).statusCode).toBe(400);
  });

  it('warns when Must-haves exceed the limit of planned effort', async () => {
    const product = (await owner.post(`${base}/products`, { name: 'Release 1' })).json();
    const make = (title: string, category: string, effort?: number) =>
      owner.post(`${base}/features`, {
        title,
        productId: product.id,
        status: 'planned',
        scores: { moscow: { category, ...(effort !== undefined && { effort }) } },
      });
    await make('Must 1', 'must', 5);
    await make('Should 1', 'should', 3);
    await make('Could 1', 'could', 2);
    await make('Wont 1', 'wont', 50);
    await make('Must, not estimated', 'must');
    const url = `${base}/features/moscow-summary?productId=${product.id}&status=planned`;
    const ok = (await owner.get(url)).json();
    expect(ok).toMatchObject({ share: 0.5, limit: 0.6, exceeded: false, warning: null, plannedEffort: 10, featureCount: 5 });
    expect(ok.totals).toEqual({ must: 5, should: 3, could: 2, wont: 50 });
    expect(ok.incomplete.map((i: { title: string }) => i.title)).toEqual(['Must, not estimated']);
    await make('Must 2', 'must', 5);
    const over = (await viewer.get(url)).json();
    expect(over).toMatchObject({ exceeded: true, plannedEffort: 15 });
    expect(over.share).toBeCloseTo(10 / 15);
    expect(over.warning).toContain('67%');
    expect((await owner.get(`${base}/features?productId=${product.id}&sort=moscow`)).json().items[0].scores.moscow.category).toBe('must');
  });

  it('scores Kano from survey answers with Better/Worse, unless set by hand', async () => {
    const answers = [
      { functional: 'like', dysfunctional: 'neutral' },
      { functional: 'like', dysfunctional: 'neutral' },
      { functional: 'expect', dysfunctional: 'dislike' },
    ];
    const f = await create('Kano', { kano: { answers } });
    expect(f.scores.kano).toMatchObject({ category: 'attractive', source: 'survey', respondents: 3, better: 2 / 3, worse: -1 / 3 });
    const manual = (await patch(f, { scores: { kano: { category: 'must_be' } } })).json();
    expect(manual.scores.kano).toMatchObject({ category: 'must_be', source: 'manual', manualCategory: 'must_be', respondents: 3 });
    const bad = await patch(f, { scores: { kano: { answers: [{ functional: 'love', dysfunctional: 'neutral' }] } } });
    expect(bad.statusCode).toBe(400);
  });

  it('appends Kano answers to the stored ones, which keep the pairs respondents gave', async () => {
    const imported = [
      { functional: 'expect', dysfunctional: 'dislike' },
      { functional: 'live_with', dysfunctional: 'dislike' },
      { functional: 'like', dysfunctional: 'expect' },
    ];
    const f = await create('Kano kept', { kano: { answers: imported } });
    expect(f.scores.kano).toMatchObject({ respondents: 3, counts: { must_be: 2, attractive: 1 } });
    const added = { functional: 'like', dysfunctional: 'dislike' };
    const res = await patch(f, { scores: { kano: { addAnswers: [added] } } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().scores.kano).toMatchObject({ respondents: 4, counts: { must_be: 2, attractive: 1, one_dimensional: 1 } });
    const stored = await t.db.kysely.selectFrom('features').select('scores').where('id', '=', f.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.scores).kano.answers).toEqual([...imported, added]);
    // Replacing then appending in one request; the total stays within the limit.
    const replaced = await patch(f, { scores: { kano: { answers: [added], addAnswers: [added] } } });
    expect(replaced.json().scores.kano.respondents).toBe(2);
    const many = Array.from({ length: 9_999 }, () => added);
    expect((await patch(f, { scores: { kano: { addAnswers: many } } })).statusCode).toBe(400);
    const bad = await patch(f, { scores: { kano: { addAnswers: [{ functional: 'love', dysfunctional: 'neutral' }] } } });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps scoring rules to owners and PMs, and scores to those who edit features', async () => {
    expect((await viewer.get(`${base}/scoring`)).statusCode).toBe(200);
    expect((await patchSettings({ iceVariant: 'average' }, viewer)).statusCode).toBe(403);
    expect((await patchSettings({ iceVariant: 'average' }, po)).statusCode).toBe(403);
    const f = await create('Guarded');
    expect((await patch(f, { scores: { rice: { reach: 1 } } }, viewer)).statusCode).toBe(403);
    expect((await po.patch(`${base}/features/${f.id}`, { version: 1, scores: { rice: { reach: 1 } } })).statusCode).toBe(200);
  });

  it('answers 404 for another workspace, 409 for a stale version, 428 without one', async () => {
    expect((await owner.get(`${base}/features/${otherFeature.id}/score-explanation`)).statusCode).toBe(404);
    expect((await owner.patch(`${base}/features/${otherFeature.id}`, { version: 1, scores: { rice: { reach: 1 } } })).statusCode).toBe(404);
    const f = await create('Versioned');
    expect((await owner.patch(`${base}/features/${f.id}`, { version: 1, scores: { rice: { reach: 1 } } })).statusCode).toBe(200);
    const stale = await owner.patch(`${base}/features/${f.id}`, { version: 1, scores: { rice: { reach: 2 } } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.scores.rice.reach).toBe(1);
    const { version } = await settings();
    expect((await owner.patch(`${base}/scoring`, { version: version + 5, moscowLimit: 0.5 })).statusCode).toBe(409);
    expect((await owner.patch(`${base}/scoring`, { moscowLimit: 0.5 })).statusCode).toBe(428);
    expect((await owner.patch(`${base}/scoring`, { version, moscowLimit: 1.5 })).statusCode).toBe(400);
  });

  it('stores which frameworks a product uses', async () => {
    const p = (await owner.post(`${base}/products`, { name: 'Frameworks', scoringFrameworks: ['rice', 'moscow'] })).json();
    expect(p.scoringFrameworks).toEqual(['rice', 'moscow']);
    const d = (await owner.post(`${base}/products`, { name: 'Default frameworks' })).json();
    expect(d.scoringFrameworks).toEqual(['rice']);
    const res = await owner.patch(`${base}/products/${d.id}`, { version: d.version, scoringFrameworks: ['wsjf', 'kano'] });
    expect(res.json().scoringFrameworks).toEqual(['wsjf', 'kano']);
    expect((await owner.patch(`${base}/products/${d.id}`, { version: 2, scoringFrameworks: ['rice', 'rice'] })).statusCode).toBe(400);
    expect((await owner.patch(`${base}/products/${d.id}`, { version: 2, scoringFrameworks: [] })).statusCode).toBe(400);
    // The order is kept (the first is the one shown first); a stale version is refused with the current list.
    const reordered = await owner.patch(`${base}/products/${d.id}`, { version: 2, scoringFrameworks: ['kano', 'wsjf', 'rice'] });
    expect(reordered.json().scoringFrameworks).toEqual(['kano', 'wsjf', 'rice']);
    const stale = await owner.patch(`${base}/products/${d.id}`, { version: 2, scoringFrameworks: ['ice'] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.scoringFrameworks).toEqual(['kano', 'wsjf', 'rice']);
  });

  it("gives a new product the workspace's default framework when none is chosen", async () => {
    expect((await patchSettings({ defaultFramework: 'wsjf' })).statusCode).toBe(200);
    try {
      const p = (await owner.post(`${base}/products`, { name: 'Follows the workspace' })).json();
      expect(p.scoringFrameworks).toEqual(['wsjf']);
      const chosen = (await owner.post(`${base}/products`, { name: 'Chose its own', scoringFrameworks: ['ice'] })).json();
      expect(chosen.scoringFrameworks).toEqual(['ice']);
      // Changing the workspace default later does not rewrite a product's choice.
      await patchSettings({ defaultFramework: 'kano' });
      expect((await owner.get(`${base}/products/${p.id}`)).json().scoringFrameworks).toEqual(['wsjf']);
    } finally {
      await patchSettings({ defaultFramework: 'rice' });
    }
  });
});
