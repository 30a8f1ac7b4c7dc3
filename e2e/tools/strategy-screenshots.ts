/**
 * Captures the strategy screens (English and French, light and dark, empty and with data):
 * `npx tsx e2e/tools/strategy-screenshots.ts [baseURL] [outDir]`. Needs a running Cairn;
 * sets it up if it is fresh. Not a test: a tool for reviewing the interface.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { Api, OWNER, uid } from '../support/api.js';
import { StrategyApi } from '../support/strategy-api.js';

const baseURL = process.argv[2] ?? 'http://127.0.0.1:3000';
const outDir = path.resolve(process.argv[3] ?? 'test-results/strategy-screenshots');
fs.mkdirSync(outDir, { recursive: true });

interface Seeded {
  ws: string;
  empty: string;
  goal: string;
  portal: string;
  feature: string;
}

async function seed(api: Api, strategy: StrategyApi): Promise<Seeded> {
  const id = uid();
  const now = new Date();
  const year = now.getFullYear();
  const quarter = Math.ceil((now.getMonth() + 1) / 3);
  const ws = await api.createWorkspace('Northwind Studio', `northwind-okr-${id}`);
  const empty = await api.createWorkspace('Globex (client)', `globex-okr-${id}`);
  const portal = await api.createProduct(ws.slug, { name: 'Customer Portal', vision: 'Self-service for mid-size retailers.' });
  const app = await api.createProduct(ws.slug, { name: 'Field App', vision: 'Offline-first app for technicians.' });
  const q = { kind: 'quarter', year, number: quarter };

  const growth = await strategy.createObjective(ws.slug, {
    title: 'Make self-service the easiest way to buy',
    description: '## Why\nRetailers who order **on their own** renew twice as often.\n\n- Fewer support tickets\n- Faster orders',
    period: { kind: 'year', year },
  });
  const retention = await strategy.createObjective(ws.slug, {
    title: 'Keep every customer we win',
    period: { kind: 'half', year, number: quarter <= 2 ? 1 : 2 },
  });
  const portalObjective = await strategy.createObjective(ws.slug, {
    title: 'Checkout anyone can finish in a minute',
    period: q,
    parentId: growth.id,
    productId: portal.id,
  });
  await strategy.createKeyResult(ws.slug, portalObjective.id, {
    title: 'Checkout completion',
    metric: 'Completed / started checkouts, weekly',
    baseline: 54,
    target: 75,
    current: 66,
    unit: '%',
  });
  await strategy.createKeyResult(ws.slug, portalObjective.id, {
    title: 'Median checkout time',
    metric: 'From cart to confirmation, p50',
    baseline: 140,
    target: 60,
    current: 118,
    unit: 's',
  });
  await strategy.createKeyResult(ws.slug, portalObjective.id, {
    title: 'Support tickets about payment',
    baseline: 320,
    target: 100,
    unit: '/ month',
  });
  const tracking = await strategy.createObjective(ws.slug, {
    title: 'Order tracking customers trust',
    period: q,
    parentId: growth.id,
    productId: portal.id,
  });
  await strategy.createKeyResult(ws.slug, tracking.id, { title: '“Where is my order?” tickets', baseline: 900, target: 300, current: 810 });
  const offline = await strategy.createObjective(ws.slug, {
    title: 'Technicians never lose work offline',
    period: q,
    parentId: retention.id,
    productId: app.id,
  });
  await strategy.createKeyResult(ws.slug, offline.id, {
    title: 'Sync failures per 1,000 visits',
    baseline: 12,
    target: 1,
    current: 2,
    unit: '‰',
  });
  await strategy.createKeyResult(ws.slug, offline.id, { title: 'App store rating', baseline: 3.6, target: 4.5, current: 4.4 });
  const nps = await strategy.createObjective(ws.slug, {
    title: 'NPS above 40 in every region',
    period: q,
    parentId: retention.id,
    status: 'draft',
  });
  await strategy.createKeyResult(ws.slug, nps.id, {
    title: 'Lowest regional NPS',
    baseline: 40,
    target: 40,
    direction: 'increase',
    current: 37,
  });
  await strategy.createObjective(ws.slug, {
    title: 'Pricing page that sells',
    period: { kind: 'quarter', year: quarter === 4 ? year + 1 : year, number: (quarter % 4) + 1 },
    parentId: growth.id,
  });

  const oneClick = await api.createFeature(ws.slug, { title: 'One-click reorder', status: 'in_progress', productId: portal.id });
  const applePay = await api.createFeature(ws.slug, { title: 'Apple Pay and Google Pay', status: 'planned', productId: portal.id });
  await api.createFeature(ws.slug, { title: 'Guest checkout', status: 'idea', productId: portal.id });
  await strategy.linkFeature(ws.slug, oneClick.id, portalObjective.id);
  await strategy.linkFeature(ws.slug, applePay.id, portalObjective.id);
  await strategy.linkFeature(ws.slug, oneClick.id, growth.id);
  return { ws: ws.slug, empty: empty.slug, goal: growth.id, portal: portalObjective.id, feature: oneClick.id };
}

async function shot(page: Page, name: string, ready?: () => Promise<unknown>) {
  if (ready) await ready();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: false });
  console.log('saved', name);
}

async function capture(browser: Browser, lang: 'en' | 'fr', scheme: 'light' | 'dark', data: Seeded) {
  const context = await browser.newContext({
    baseURL,
    locale: lang === 'fr' ? 'fr-FR' : 'en-US',
    colorScheme: scheme,
    viewport: { width: 1360, height: 860 },
  });
  const page = await context.newPage();
  const tag = `${lang}-${scheme}`;
  await Api.for(context, baseURL).login(OWNER);
  const go = async (p: string, name: string, ready: () => Promise<unknown>) => {
    await page.goto(p);
    await shot(page, `${tag}-${name}`, ready);
  };
  await go(`/w/${data.ws}/strategy`, 'strategy', () => page.getByTestId('objective-tree').waitFor());
  await go(`/w/${data.empty}/strategy`, 'strategy-empty', () => page.locator('.mantine-EmptyState-root').waitFor());
  await go(`/w/${data.ws}/strategy/${data.portal}`, 'objective', () => page.getByTestId('key-result').first().waitFor());
  await go(`/w/${data.ws}/strategy?new=true`, 'create-objective', () => page.getByRole('dialog').waitFor());
  await go(`/w/${data.ws}/features/${data.feature}`, 'feature-objectives', async () => {
    await page.getByTestId('feature-objective').first().waitFor();
    await page.getByTestId('feature-objective').first().scrollIntoViewIfNeeded();
  });
  if (tag === 'en-light' || tag === 'fr-dark') {
    await page.goto(`/w/${data.ws}/strategy/${data.portal}`);
    await page.getByTestId('key-result').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(outDir, `${tag}-objective-full.png`), fullPage: true });
    await page.getByTestId('add-key-result').click();
    await shot(page, `${tag}-add-key-result`, () => page.getByTestId('save-key-result').waitFor());
    await go(`/w/${data.ws}/strategy?period=all`, 'strategy-all', () => page.getByTestId('objective-tree').waitFor());
    await go(`/w/${data.ws}/activity`, 'activity', () => page.getByTestId('activity-entry').first().waitFor());
    await page.setViewportSize({ width: 390, height: 844 });
    await go(`/w/${data.ws}/strategy`, 'mobile-strategy', () => page.getByTestId('objective-tree').waitFor());
    await go(`/w/${data.ws}/strategy/${data.portal}`, 'mobile-objective', () => page.getByTestId('key-result').first().waitFor());
  }
  await context.close();
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const setupContext = await browser.newContext({ baseURL });
  const api = Api.for(setupContext, baseURL);
  await api.ensureSetup();
  await api.login(OWNER);
  const data = await seed(api, new StrategyApi(setupContext, baseURL));
  await setupContext.close();
  for (const lang of ['en', 'fr'] as const) for (const scheme of ['light', 'dark'] as const) await capture(browser, lang, scheme, data);
} finally {
  await browser.close();
}
