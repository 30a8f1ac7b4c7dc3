import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankFeatureOrder } from '../../../domain/scoring/rank.js';
import { titleKey } from '../../../domain/text-key.js';
import { type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

interface Item {
  id: string;
  title: string;
  scores: { rice: { value: number | null }; ice: { value: number | null } };
}

/** The browser's ranking (the domain's rankFeatureOrder over titleKey) of the features the API returned. */
function domainOrder(items: readonly Item[], framework: 'rice' | 'ice'): string[] {
  // Input order must not matter: rank a reversed copy.
  return rankFeatureOrder([...items].reverse(), {
    score: (f) => f.scores[framework].value,
    titleKey: (f) => titleKey(f.title),
    id: (f) => f.id,
  }).map((r) => r.item.id);
}

describe.each(DIALECTS)('ranked feature lists and the domain ranking on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    base = `/api/v1/workspaces/${(await owner.post('/api/v1/workspaces', { name: 'Order' })).json().slug}`;
  });
  afterAll(() => t.close());

  const create = async (title: string, scores?: unknown) => {
    const res = await owner.post(`${base}/features`, { title, ...(scores !== undefined && { scores }) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Item;
  };
  const all = async (sort: string, limit: number) => {
    const items: Item[] = [];
    let cursor = '';
    for (;;) {
      const res = await owner.get(`${base}/features?sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      items.push(...res.json().items);
      cursor = res.json().nextCursor;
      if (!cursor) return items;
    }
  };

  it('puts tied and unscored features in the same order as the browser, for accented, spaced and case-varied titles', async () => {
    const one = { rice: { reach: 1, impact: 1, confidence: 1, effort: 1 }, ice: { impact: 2, confidence: 2, ease: 2 } };
    const two = { rice: { reach: 2, impact: 1, confidence: 1, effort: 1 } };
    const titles: [string, unknown][] = [
      ['Zoo', one],
      ['Élan', one],
      ['elan', one],
      ['ELAN', one],
      ['zebra   crossing', one],
      ['Zebra crossing', one],
      ['Zèbre', two],
      ['zebre', two],
      ['Öl', undefined],
      ['ode', undefined],
      ['Ocean', undefined],
      ['Ünïcödé  tītle', undefined],
      ['unicode title', undefined],
      ['ｆｕｌｌｗｉｄｔｈ', one],
      ['Émoji 😀', one],
      ['émoji \uff01', one],
      // U+FFFD sorts before an emoji by code point (UTF-8 bytes), after it by UTF-16 units.
      ['Tie \ufffd', one],
      ['tie 😀', one],
      ['Ça va', undefined],
      ['ca va', undefined],
    ];
    for (const [title, scores] of titles) await create(title, scores);

    for (const sort of ['rice', 'ice'] as const) {
      const whole = await all(sort, 100);
      expect(whole).toHaveLength(titles.length);
      expect(whole.map((f) => f.id)).toEqual(domainOrder(whole, sort));
      // Page by page (cursors resume inside runs of ties) gives the same order.
      expect((await all(sort, 3)).map((f) => f.id)).toEqual(whole.map((f) => f.id));
    }

    // The reported case: both RICE 1, Élan before Zoo on both sides.
    const rice = (await all('rice', 100)).map((f) => f.title);
    expect(rice.indexOf('Élan')).toBeLessThan(rice.indexOf('Zoo'));
    expect(rice.indexOf('Tie \ufffd')).toBe(rice.indexOf('tie 😀') - 1);
    expect(rice.slice(0, 2).sort()).toEqual(['zebre', 'Zèbre'].sort());
    expect(rice.slice(-8)).toEqual(expect.arrayContaining(['Öl', 'ode', 'Ocean', 'Ça va', 'ca va']));
  });
});
