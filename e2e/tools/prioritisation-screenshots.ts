/**
 * Captures the prioritisation screens (ranked table per framework, explanation, comparison,
 * MoSCoW check, Kano survey, value/effort 2×2, scoring rules with a formula mistake, the
 * feature page's scores) in English and French, light and dark, and measures a keystroke's
 * re-rank on a 1,000-feature table in the browser:
 * `npx tsx e2e/tools/prioritisation-screenshots.ts [baseURL] [outDir]`. Needs a running Cairn;
 * sets it up if it is fresh. Not a test: a tool for looking at the interface.
 * ONLY=en-light limits the captures; BIG=0 skips the 1,000-feature measurement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { Api, OWNER, uid } from '../support/api.js';

const baseURL = process.argv[2] ?? 'http://127.0.0.1:3000';
const outDir = path.resolve(process.argv[3] ?? 'test-results/prioritisation-screenshots');
const BIG = Number(process.env.BIG ?? 1000);
fs.mkdirSync(outDir, { recursive: true });

const FEATURES: { title: string; status?: string; scores: Record<string, unknown> }[] = [
  {
    title: 'Export the roadmap as PDF',
    status: 'planned',
    scores: {
      rice: { reach: 450, impact: 3, confidence: 1, effort: 2 },
      ice: { impact: 8, confidence: 6, ease: 3 },
      wsjf: { businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 5 },
      moscow: { category: 'must', effort: 8 },
      valueEffort: { value: 8, effort: 3 },
      kano: { answers: [...Array(9)].map(() => ({ functional: 'like', dysfunctional: 'neutral' })) },
      custom: { values: { strategic_fit: 4, risk: 2 } },
    },
  },
  {
    title: 'Single sign-on with Okta',
    status: 'discovery',
    scores: {
      rice: { reach: 2000, impact: 1, confidence: 0.8, effort: 4 },
      ice: { impact: 7, confidence: 8, ease: 4 },
      wsjf: { businessValue: 13, timeCriticality: 8, riskReduction: 5, jobSize: 8 },
      moscow: { category: 'must', effort: 13 },
      valueEffort: { value: 9, effort: 8 },
      kano: { category: 'must_be' },
      custom: { values: { strategic_fit: 5, risk: 4 } },
    },
  },
  {
    title: 'Bulk-tag insights',
    status: 'idea',
    scores: {
      rice: { reach: 800, impact: 2, confidence: 0.5, effort: 1 },
      ice: { impact: 5, confidence: 7, ease: 9 },
      wsjf: { businessValue: 5, timeCriticality: 2, riskReduction: 1, jobSize: 2 },
      moscow: { category: 'should', effort: 3 },
      valueEffort: { value: 6, effort: 2 },
      kano: {
        answers: [
          ...[...Array(6)].map(() => ({ functional: 'like', dysfunctional: 'dislike' })),
          ...[...Array(3)].map(() => ({ functional: 'neutral', dysfunctional: 'neutral' })),
        ],
      },
      custom: { values: { strategic_fit: 3, risk: 1 } },
    },
  },
  {
    title: 'Dark mode for the portal',
    scores: {
      rice: { reachSource: 'customers', impact: 0.5, confidence: 0.8, effort: 1 },
      ice: { impact: 3, confidence: 9, ease: 8 },
      moscow: { category: 'could', effort: 2 },
      valueEffort: { value: 3, effort: 2 },
      kano: { category: 'attractive' },
    },
  },
  {
    title: 'Public changelog',
    scores: {
      rice: { reach: 300, impact: 1, effort: 2 },
      moscow: { category: 'should', effort: 5 },
      valueEffort: { value: 5, effort: 7 },
    },
  },
  {
    title: 'Slack notifications',
    scores: { rice: { reach: 1200, impact: 0.5, confidence: 1, effort: 0.5 }, valueEffort: { value: 4, effort: 9 } },
  },
  { title: 'Custom fields on features', scores: { moscow: { category: 'wont', effort: 8 }, valueEffort: { value: 2, effort: 3 } } },
  { title: 'Jira two-way sync', scores: { ice: { impact: 9, confidence: 4 } } },
];

async function seed(api: Api) {
  const id = uid();
  const ws = await api.createWorkspace('Northwind Studio', `northwind-prio-${id}`);
  const empty = await api.createWorkspace('Globex (client)', `globex-prio-${id}`);
  const product = await api.createProduct(ws.slug, {
    name: 'Customer Portal',
    vision: 'Self-service for shoppers.',
    scoringFrameworks: ['rice', 'moscow', 'kano'],
  } as never);
  const scoring = await api.getScoring(ws.slug);
  await api.updateScoring(ws.slug, scoring.version, {
    moscowLimit: 0.6,
    custom: {
      drivers: [
        { name: 'strategic_fit', label: 'Strategic fit', min: 1, max: 5, weight: 3 },
        { name: 'risk', label: 'Risk', min: 1, max: 5, weight: -1 },
      ],
      formula: '(strategic_fit * 3 - risk) * (1 + customers / 10)',
    },
  });
  const customer = await api.createCustomer(ws.slug, { name: 'Initech', revenue: 1200, currency: 'EUR' } as never);
  const created: { id: string; title: string }[] = [];
  for (const f of FEATURES) {
    created.push(
      await api.createFeature(ws.slug, { title: f.title, productId: product.id, ...(f.status && { status: f.status }), scores: f.scores }),
    );
  }
  // Evidence for the derived reach of "Dark mode".
  for (const text of ['Please add a dark theme', 'Our agents work at night: dark mode please', 'Eyes hurt in the evening']) {
    const insight = await api.createInsight(ws.slug, { text, source: 'support', customerId: customer.id });
    await api.linkInsight(ws.slug, created[3]!.id, { insightId: insight.id });
  }
  return { ws: ws.slug, empty: empty.slug, product: product.id, first: created[0]!.id, second: created[1]!.id, third: created[2]!.id };
}

async function shot(page: Page, name: string, ready?: () => Promise<unknown>) {
  if (ready) await ready();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: false });
  console.log('saved', name);
}

async function capture(browser: Browser, lang: 'en' | 'fr', scheme: 'light' | 'dark', data: Awaited<ReturnType<typeof seed>>) {
  const context = await browser.newContext({
    baseURL,
    locale: lang === 'fr' ? 'fr-FR' : 'en-US',
    colorScheme: scheme,
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const tag = `${lang}-${scheme}`;
  await Api.for(context, baseURL).login(OWNER);
  const go = async (p: string, name: string, ready: () => Promise<unknown>) => {
    await page.goto(p);
    await shot(page, `${tag}-${name}`, ready);
  };
  const table = () => page.getByTestId('ranked-row').first().waitFor();
  await go(`/w/${data.ws}/prioritise?framework=rice`, 'rice', table);
  await page.getByTestId('score').first().click();
  await shot(page, `${tag}-rice-explanation`, () => page.getByTestId('explanation-last-change').waitFor());
  await page.keyboard.press('Escape');
  await go(`/w/${data.ws}/prioritise?framework=ice`, 'ice', table);
  await go(`/w/${data.ws}/prioritise?framework=wsjf`, 'wsjf', table);
  await go(`/w/${data.ws}/prioritise?framework=moscow`, 'moscow', () => page.getByTestId('moscow-share').waitFor());
  await go(`/w/${data.ws}/prioritise?framework=kano`, 'kano', table);
  await page.getByTestId('kano-survey-button').first().click();
  await shot(page, `${tag}-kano-survey`, () => page.getByTestId('kano-result').waitFor());
  await page.keyboard.press('Escape');
  await go(`/w/${data.ws}/prioritise?framework=valueEffort`, 'value-effort', () => page.getByTestId('chart-point').first().waitFor());
  await go(`/w/${data.ws}/prioritise?framework=custom`, 'custom', table);
  await page.getByTestId('score').first().click();
  await shot(page, `${tag}-custom-explanation`, () => page.getByTestId('explanation-numbers').waitFor());
  await page.keyboard.press('Escape');
  await page.goto(`/w/${data.ws}/prioritise?framework=rice`);
  await table();
  for (const id of [data.first, data.second, data.third])
    await page.locator(`[data-feature="${id}"] [data-testid="compare-checkbox"]`).check();
  await page.getByTestId('compare-button').click();
  await shot(page, `${tag}-compare`, () => page.getByTestId('compare-table').waitFor());
  await page.keyboard.press('Escape');
  await go(`/w/${data.ws}/settings/scoring`, 'scoring-settings', () => page.getByTestId('formula').waitFor());
  await page.getByTestId('formula').fill('(strategic_fit * 3 - risk) * (1 + customers / )');
  await shot(page, `${tag}-scoring-formula-error`, () => page.getByTestId('formula-errors').waitFor());
  await go(`/w/${data.ws}/features/${data.first}`, 'feature-scores', () =>
    page
      .getByTestId('scores-card')
      .waitFor()
      .catch(() => undefined),
  );
  await go(`/w/${data.empty}/prioritise`, 'empty', () => page.locator('.mantine-EmptyState-root').waitFor());
  await context.close();
}

/** 1,000 features in one workspace; a keystroke in the table, timed in the page (User Timing). */
async function measure(browser: Browser, api: Api) {
  const id = uid();
  const ws = await api.createWorkspace('Big backlog', `big-${id}`);
  const started = Date.now();
  for (let i = 0; i < BIG; i += 10) {
    await Promise.all(
      [...Array(Math.min(10, BIG - i))].map((_, k) =>
        api.createFeature(ws.slug, {
          title: `Feature ${String(i + k).padStart(4, '0')}`,
          scores: {
            rice: {
              reach: 100 + (((i + k) * 37) % 900),
              impact: [3, 2, 1, 0.5, 0.25][(i + k) % 5],
              confidence: [1, 0.8, 0.5][(i + k) % 3],
              effort: 1 + ((i + k) % 8),
            },
          },
        }),
      ),
    );
  }
  console.log(`seeded ${BIG} features in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  await Api.for(context, baseURL).login(OWNER);
  const page = await context.newPage();
  await page.goto(`/w/${ws.slug}/prioritise?framework=rice`);
  await page
    .getByTestId('scored-count')
    .filter({ hasText: String(BIG) })
    .waitFor({ timeout: 60_000 });
  const input = page.locator('[data-testid="ranked-row"] input[data-field="reach"]').nth(5);
  await input.click();
  const durations: number[] = [];
  for (let k = 0; k < 60; k += 1) {
    await page.evaluate(() => performance.clearMeasures('cairn:rerank'));
    await page.keyboard.type(String(k % 10));
    await page.waitForFunction(() => performance.getEntriesByName('cairn:rerank').length > 0);
    durations.push(await page.evaluate(() => performance.getEntriesByName('cairn:rerank')[0]!.duration));
    if (k % 4 === 3) await page.keyboard.press('Backspace');
  }
  // Keystroke to the next painted frame, measured from the input event.
  const frames = await page.evaluate(async () => {
    const el = document.activeElement as HTMLInputElement;
    const out: number[] = [];
    for (let k = 0; k < 20; k += 1) {
      const start = performance.now();
      el.value = String(100 + k * 50);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push(performance.now() - start);
    }
    return out;
  });
  durations.sort((a, b) => a - b);
  frames.sort((a, b) => a - b);
  const pct = (list: number[], p: number) => list[Math.min(list.length - 1, Math.floor(list.length * p))]!.toFixed(1);
  console.log(
    `keystroke → re-ranked ${BIG} rows in the page: median ${pct(durations, 0.5)} ms, p95 ${pct(durations, 0.95)} ms (n=${durations.length})`,
  );
  console.log(`keystroke → next frame: median ${pct(frames, 0.5)} ms, p95 ${pct(frames, 0.95)} ms (n=${frames.length})`);
  await context.close();
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const setup = await browser.newContext({ baseURL });
  const api = Api.for(setup, baseURL);
  await api.ensureSetup();
  await api.login(OWNER);
  const data = await seed(api);
  const only = process.env.ONLY;
  for (const lang of ['en', 'fr'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      if (!only || only === `${lang}-${scheme}`) await capture(browser, lang, scheme, data);
    }
  }
  if (BIG > 0) await measure(browser, api);
  await setup.close();
} finally {
  await browser.close();
}
