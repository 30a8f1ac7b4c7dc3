/**
 * Captures the main screens (English and French, light and dark, empty and with data) to
 * look at them: `npx tsx e2e/tools/screenshots.ts [baseURL] [outDir]`. Needs a running
 * Cairn; sets it up if it is fresh. Not a test: a tool for reviewing the interface.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { Api, OWNER, uid } from '../support/api.js';

const baseURL = process.argv[2] ?? 'http://127.0.0.1:3000';
const outDir = path.resolve(process.argv[3] ?? 'test-results/screenshots');
fs.mkdirSync(outDir, { recursive: true });

async function seed(api: Api) {
  const id = uid();
  const ws = await api.createWorkspace('Northwind Studio', `northwind-${id}`);
  const empty = await api.createWorkspace('Globex (client)', `globex-${id}`);
  const portal = await api.createProduct(ws.slug, {
    name: 'Customer Portal',
    vision:
      '## Why\nFor **mid-size retailers** who lose customers to slow support, the Customer Portal lets shoppers track, return and exchange orders themselves.\n\n- Self-service first\n- Answers in under a minute\n- One place for every order\n\n> Unlike a ticket form, it solves the problem instead of queueing it.',
    segments: [
      { name: 'Store managers', description: 'Run 5–50 stores; judged on repeat purchases.' },
      { name: 'Online shoppers', description: 'Buy monthly; expect Amazon-grade tracking.' },
      { name: 'Support agents', description: 'Drown in “where is my order?” tickets.' },
    ],
  });
  let version = portal.version;
  version = (
    await api.updateProduct(ws.slug, portal.id, version, {
      checklist: { 'conception.problem_validated': true, 'conception.vision_written': true },
    })
  ).version;
  await api.moveStage(ws.slug, portal.id, 'build', 'Interviews with 12 retailers confirmed the problem; vision agreed with the CEO.');
  await api.updateProduct(ws.slug, portal.id, version + 1, { checklist: { 'build.mvp_scope_agreed': true } });
  const mobile = await api.createProduct(ws.slug, {
    name: 'Field App',
    vision: 'Offline-first app for technicians on site.',
    stage: 'launch',
  });
  await api.moveStage(ws.slug, mobile.id, 'growth', 'Launched in 3 regions; NPS 48.');
  await api.createProduct(ws.slug, { name: 'Analytics Hub', vision: 'Dashboards every store manager understands.', stage: 'conception' });
  const legacy = await api.createProduct(ws.slug, { name: 'Legacy Kiosk', vision: 'In-store kiosks (2017).', stage: 'decline' });
  await api.updateProduct(ws.slug, legacy.id, legacy.version, { archived: true });
  await api.invite(ws.slug, 'priya@northwind.example', 'product_manager');
  await api.invite(ws.slug, 'tom@northwind.example', 'viewer');
  return { ws: ws.slug, empty: empty.slug, product: portal.id };
}

async function shot(page: Page, name: string, ready?: () => Promise<unknown>) {
  if (ready) await ready();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: false });
  console.log('saved', name);
}

async function capture(
  browser: Browser,
  lang: 'en' | 'fr',
  scheme: 'light' | 'dark',
  data: { ws: string; empty: string; product: string },
) {
  const context = await browser.newContext({
    baseURL,
    locale: lang === 'fr' ? 'fr-FR' : 'en-US',
    colorScheme: scheme,
    viewport: { width: 1360, height: 860 },
  });
  const page = await context.newPage();
  const tag = `${lang}-${scheme}`;
  await page.goto('/login');
  await shot(page, `${tag}-login`, () => page.getByRole('button').first().waitFor());
  await Api.for(context, baseURL).login(OWNER);
  const go = async (p: string, name: string, ready: () => Promise<unknown>) => {
    await page.goto(p);
    await shot(page, `${tag}-${name}`, ready);
  };
  await go(`/w/${data.ws}/products`, 'products', () => page.getByRole('table').waitFor());
  await go(`/w/${data.empty}/products`, 'products-empty', () => page.locator('.mantine-EmptyState-root').waitFor());
  await go(`/w/${data.ws}/products/${data.product}`, 'product', () => page.getByTestId('stage-history').waitFor());
  await page.getByTestId('move-stage').click();
  await shot(page, `${tag}-move-stage`, () => page.getByRole('dialog').waitFor());
  await page.getByRole('radio').nth(0).click();
  await page
    .getByRole('textbox')
    .last()
    .fill(lang === 'fr' ? 'Le périmètre doit être revu avec le client.' : 'The scope needs another look with the client.');
  await shot(page, `${tag}-move-stage-back`);
  await page.keyboard.press('Escape');
  await go(`/w/${data.ws}/activity`, 'activity', () => page.getByTestId('activity-entry').first().waitFor());
  await go(`/w/${data.ws}/members`, 'members', () => page.getByTestId('member-row').first().waitFor());
  await go(`/w/${data.ws}/settings`, 'settings', () => page.getByRole('heading', { level: 1 }).waitFor());
  await go(`/w/${data.ws}/roadmap`, 'area-roadmap', () => page.getByRole('heading', { level: 1 }).waitFor());
  await go('/settings/tokens', 'tokens', () => page.getByRole('heading', { level: 1 }).waitFor());
  await go(`/w/${data.ws}/products`, 'palette', () => page.getByRole('table').waitFor());
  await page.keyboard.press('Control+K');
  await shot(page, `${tag}-palette`, async () => {
    await page.locator('.mantine-Spotlight-content').waitFor();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.mantine-Spotlight-content') as Element).opacity === '1');
  });
  if (tag === 'en-light' || tag === 'fr-dark') await extras(page, tag, data);
  await context.close();
}

/** Dialogs, the long product page and the phone layout, for one language and theme each. */
async function extras(page: Page, tag: string, data: { ws: string; empty: string; product: string }) {
  await page.goto(`/w/${data.ws}/products/${data.product}`);
  await page.getByTestId('stage-history').waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(outDir, `${tag}-product-full.png`), fullPage: true });
  console.log('saved', `${tag}-product-full`);
  await page.goto(`/w/${data.ws}/products?new=true`);
  await shot(page, `${tag}-create-product`, () => page.getByRole('dialog').waitFor());
  await page.goto(`/w/${data.ws}/members`);
  await page.getByTestId('member-row').first().waitFor();
  await page.getByRole('main').getByRole('button').first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').first().fill(`sam.${uid()}@northwind.example`);
  await dialog.locator('button[type=submit]').click();
  await shot(page, `${tag}-invite-link`, () => page.getByTestId('invite-link').waitFor());
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/w/${data.ws}/products`);
  await shot(page, `${tag}-mobile-products`, () => page.getByRole('table').waitFor());
  await page.goto(`/w/${data.ws}/products/${data.product}`);
  await shot(page, `${tag}-mobile-product`, () => page.getByTestId('stage-history').waitFor());
  await page.getByRole('button', { name: /navigation/i }).click();
  await shot(page, `${tag}-mobile-nav`);
  await page.setViewportSize({ width: 1360, height: 860 });
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const setupContext = await browser.newContext({ baseURL });
  const setupPage = await setupContext.newPage();
  await setupPage.goto('/setup');
  await shot(setupPage, 'en-light-setup', () => setupPage.getByRole('heading', { level: 1 }).waitFor());
  const api = Api.for(setupContext, baseURL);
  await api.ensureSetup();
  await api.login(OWNER);
  const fresh = await setupContext.newPage();
  await fresh.goto('/');
  await shot(fresh, 'en-light-first-workspace', () => fresh.getByRole('heading', { level: 1 }).waitFor());
  const data = await seed(api);
  await setupContext.close();
  for (const lang of ['en', 'fr'] as const) for (const scheme of ['light', 'dark'] as const) await capture(browser, lang, scheme, data);
} finally {
  await browser.close();
}
