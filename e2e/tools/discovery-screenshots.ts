/**
 * Captures the discovery screens (inbox, import wizard, features with evidence, customers,
 * search, palette) in English and French, light and dark, and times the inbox with 10,000
 * insights: `npx tsx e2e/tools/discovery-screenshots.ts [baseURL] [outDir]`. Needs a running
 * Cairn; sets it up if it is fresh. Not a test: a tool for looking at the interface.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { Api, OWNER, uid } from '../support/api.js';

const baseURL = process.argv[2] ?? 'http://127.0.0.1:3000';
const outDir = path.resolve(process.argv[3] ?? 'test-results/discovery-screenshots');
const BIG = Number(process.env.BIG_IMPORT ?? 10_000);
fs.mkdirSync(outDir, { recursive: true });

const CUSTOMERS = [
  { name: 'Globex Corporation', domain: 'globex.com', segment: 'Enterprise', plan: 'Business', revenue: 4800, currency: 'EUR' },
  { name: 'Initech', domain: 'initech.io', segment: 'Mid-market', plan: 'Team', revenue: 1200, currency: 'EUR' },
  {
    name: 'Umbrella Health',
    domain: 'umbrella.health',
    segment: 'Enterprise',
    plan: 'Business',
    revenue: 96000,
    currency: 'USD',
    revenuePeriod: 'year',
  },
  { name: 'Hooli', domain: 'hooli.com', segment: 'Enterprise', plan: 'Enterprise', revenue: 12500, currency: 'USD' },
  { name: 'Boulangerie Martin', domain: 'boulangerie-martin.fr', segment: 'SMB', plan: 'Starter', revenue: 90, currency: 'EUR' },
  { name: 'Vandelay Industries', domain: 'vandelay.com', segment: 'Mid-market', plan: 'Team', revenue: 2100, currency: 'EUR' },
  { name: 'Soylent Foods', domain: 'soylent.co', segment: 'SMB', plan: 'Starter', revenue: 150, currency: 'EUR' },
];

const FEEDBACK: { text: string; source: string; customer: number; person?: string; tags: string[]; importance: string; days: number }[] = [
  {
    text: 'We need to export the whole roadmap as a PDF for our board meeting every quarter. Right now we take screenshots and paste them into slides, which takes hours.',
    source: 'interview',
    customer: 0,
    person: 'Dana Scully',
    tags: ['export', 'roadmap'],
    importance: 'critical',
    days: 1,
  },
  {
    text: 'Single sign-on with Okta is a must before we can roll Cairn out to the other 400 people in product.',
    source: 'sales',
    customer: 3,
    person: 'Gavin Belson',
    tags: ['sso', 'security'],
    importance: 'critical',
    days: 2,
  },
  {
    text: 'The CSV export breaks accents: “Société Générale” becomes garbage when opened in Excel.',
    source: 'support',
    customer: 4,
    person: 'Claire Martin',
    tags: ['export', 'csv'],
    importance: 'important',
    days: 2,
  },
  {
    text: 'Could we get a Slack notification when a customer we follow sends new feedback?',
    source: 'survey',
    customer: 1,
    tags: ['notifications', 'slack'],
    importance: 'nice_to_have',
    days: 3,
  },
  {
    text: 'Roadmap PDF export please — our executives do not log in to tools, they read PDFs.',
    source: 'sales',
    customer: 2,
    person: 'Walter Skinner',
    tags: ['export'],
    importance: 'important',
    days: 4,
  },
  {
    text: 'Bulk edit of tags on many insights at once would save me an afternoon each week.',
    source: 'interview',
    customer: 5,
    person: 'Art Vandelay',
    tags: ['triage'],
    importance: 'important',
    days: 5,
  },
  {
    text: 'On mobile the inbox is hard to read; the detail panel hides the list.',
    source: 'portal',
    customer: 6,
    tags: ['mobile'],
    importance: 'nice_to_have',
    days: 6,
  },
  {
    text: 'We want SAML SSO and SCIM provisioning; our security team will not approve otherwise.',
    source: 'sales',
    customer: 2,
    tags: ['sso', 'security'],
    importance: 'critical',
    days: 8,
  },
  {
    text: 'Offline mode for our field technicians: they often have no network in basements.',
    source: 'interview',
    customer: 0,
    person: 'Fox Mulder',
    tags: ['mobile', 'offline'],
    importance: 'important',
    days: 9,
  },
  {
    text: 'Importing our Zendesk tickets took two tries because the dates were in French format.',
    source: 'support',
    customer: 1,
    tags: ['import', 'csv'],
    importance: 'important',
    days: 11,
  },
  {
    text: 'It would be great to see which customers asked for a feature, weighted by their revenue.',
    source: 'interview',
    customer: 3,
    person: 'Jared Dunn',
    tags: ['prioritisation'],
    importance: 'important',
    days: 12,
  },
  {
    text: 'Nous aimerions exporter la roadmap en PDF pour le comité de direction.',
    source: 'sales',
    customer: 4,
    person: 'Claire Martin',
    tags: ['export', 'roadmap'],
    importance: 'important',
    days: 13,
  },
  {
    text: 'Please add dark mode to the public portal, our users complain about the glare at night.',
    source: 'portal',
    customer: 6,
    tags: ['portal'],
    importance: 'nice_to_have',
    days: 15,
  },
  {
    text: 'Notifications by email are too many; we need a daily digest instead.',
    source: 'survey',
    customer: 5,
    tags: ['notifications'],
    importance: 'nice_to_have',
    days: 18,
  },
  {
    text: 'Jira sync both ways: when an epic is done in Jira the feature should move to released.',
    source: 'interview',
    customer: 3,
    person: 'Dinesh Chugtai',
    tags: ['integrations', 'jira'],
    importance: 'critical',
    days: 20,
  },
  {
    text: 'Une connexion SSO avec Google Workspace simplifierait beaucoup l’accueil des nouveaux.',
    source: 'support',
    customer: 1,
    tags: ['sso'],
    importance: 'important',
    days: 22,
  },
];

const FEATURES = [
  {
    title: 'Export the roadmap as PDF',
    status: 'planned',
    tags: ['export'],
    description:
      '## Problem\nExecutives and boards read **PDFs**, not tools.\n\n## Done when\n- One click from the roadmap\n- Matches the brand colours',
  },
  { title: 'Single sign-on (SAML, Okta, Google)', status: 'discovery', tags: ['security'] },
  { title: 'Offline mode for field apps', status: 'idea', tags: ['mobile'] },
  { title: 'Two-way Jira sync', status: 'in_progress', tags: ['integrations'] },
];

async function seed(api: Api) {
  const id = uid();
  const ws = await api.createWorkspace('Northwind Studio', `northwind-${id}`);
  const big = await api.createWorkspace('Big Inbox', `big-${id}`);
  const empty = await api.createWorkspace('Globex (client)', `globex-${id}`);
  await api.createProduct(ws.slug, { name: 'Customer Portal', vision: 'Self-service for retailers.' });
  await api.createProduct(ws.slug, { name: 'Field App', vision: 'Offline-first app for technicians.' });
  const customers: { id: string }[] = [];
  for (const c of CUSTOMERS) customers.push(await api.createCustomer(ws.slug, c));
  const insights: { id: string }[] = [];
  for (const f of FEEDBACK) {
    const received = new Date(Date.now() - f.days * 86_400_000).toISOString();
    insights.push(
      await api.createInsight(ws.slug, {
        text: f.text,
        source: f.source,
        customerId: customers[f.customer]?.id,
        ...(f.person && { personName: f.person }),
        tags: f.tags,
        importance: f.importance,
        receivedAt: received,
      }),
    );
  }
  const features: { id: string }[] = [];
  for (const f of FEATURES) features.push(await api.createFeature(ws.slug, f));
  const link = async (feature: number, insight: number, highlight?: string) =>
    api.linkInsight(ws.slug, features[feature]?.id ?? '', { insightId: insights[insight]?.id ?? '', ...(highlight && { highlight }) });
  await link(0, 0, 'export the whole roadmap as a PDF for our board meeting');
  await link(0, 4, 'our executives do not log in to tools, they read PDFs');
  await link(0, 11, 'exporter la roadmap en PDF');
  await link(1, 1, 'Single sign-on with Okta is a must');
  await link(1, 7);
  await link(3, 14, 'Jira sync both ways');

  // The big inbox: a CSV import of BIG rows.
  const lines = ['ID,Feedback,Client,Date,Tags,Priorité,Source'];
  const words = ['export', 'roadmap', 'sso', 'mobile', 'slack', 'jira', 'csv', 'portal', 'search', 'billing'];
  for (let i = 0; i < BIG; i++) {
    const w = words[i % words.length];
    const day = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
    lines.push(
      `FB-${i},"Feedback #${i}: please improve ${w} — it matters for our team (${i % 7} people asked).",Customer ${i % 50},${day},${w},${['low', 'medium', 'high'][i % 3]},${['support', 'sales', 'survey'][i % 3]}`,
    );
  }
  const started = Date.now();
  const job = await api.importCsv(big.slug, {
    kind: 'insights',
    mapping: {
      ID: 'externalId',
      Feedback: 'text',
      Client: 'customer',
      Date: 'receivedAt',
      Tags: 'tags',
      Priorité: 'importance',
      Source: 'source',
    },
    csv: lines.join('\n'),
    fileName: 'big.csv',
  });
  console.log(`imported ${BIG} rows in ${Date.now() - started} ms:`, JSON.stringify(job).slice(0, 200));
  return { ws: ws.slug, big: big.slug, empty: empty.slug, feature: features[0]?.id ?? '' };
}

async function shot(page: Page, name: string, ready?: () => Promise<unknown>) {
  if (ready) await ready();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.getAnimations().some((a) => a.playState === 'running'));
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
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await Api.for(context, baseURL).login(OWNER);
  const tag = `${lang}-${scheme}`;
  await page.goto(`/w/${data.ws}/insights`);
  await shot(page, `${tag}-inbox`, () => page.getByTestId('insight-detail').waitFor());
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await shot(page, `${tag}-inbox-selection`, () => page.getByTestId('bulk-bar').waitFor());
  await page.keyboard.press('Escape');
  await page.keyboard.press('l');
  await shot(page, `${tag}-link`, () => page.getByTestId('feature-picker').waitFor());
  await page.keyboard.press('Escape');
  await page.goto(`/w/${data.ws}/insights?import=true`);
  await page.getByTestId('import-dropzone').waitFor();
  await shot(page, `${tag}-import-file`);
  const csv = path.resolve('e2e/fixtures', lang === 'fr' ? 'retours-fr.csv' : 'feedback-en.csv');
  await page.locator('input[type=file]').setInputFiles(csv);
  await shot(page, `${tag}-import-mapping`, () => page.getByTestId('mapping-table').waitFor());
  await page.getByTestId('start-import').click();
  await shot(page, `${tag}-import-report`, () => page.getByTestId('import-report').waitFor());
  await page.goto(`/w/${data.ws}/features/${data.feature}`);
  await shot(page, `${tag}-feature`, () => page.getByTestId('evidence-quote').first().waitFor());
  await page.goto(`/w/${data.ws}/features`);
  await shot(page, `${tag}-features`, () => page.getByTestId('features-table').waitFor());
  await page.goto(`/w/${data.ws}/customers`);
  await shot(page, `${tag}-customers`, () => page.getByTestId('customers-table').waitFor());
  await page.goto(`/w/${data.ws}/search?q=export`);
  await shot(page, `${tag}-search`, () => page.getByTestId('search-hit').first().waitFor());
  await page.goto(`/w/${data.ws}/insights`);
  await page.getByTestId('insight-detail').waitFor();
  await page.keyboard.press('Control+K');
  const palette = page.locator('input.mantine-Spotlight-search');
  await palette.waitFor();
  await palette.fill('roadmap');
  await shot(page, `${tag}-palette-search`, () =>
    page.locator('.mantine-Spotlight-action', { hasText: 'Export the roadmap as PDF' }).waitFor(),
  );
  await page.keyboard.press('Escape');
  await palette.waitFor({ state: 'detached' });
  await page.keyboard.press('Shift+?');
  await shot(page, `${tag}-shortcuts`, () => page.getByRole('dialog').waitFor());
  await page.keyboard.press('Escape');
  await page.goto(`/w/${data.empty}/insights`);
  await shot(page, `${tag}-inbox-empty`, () => page.locator('.mantine-EmptyState-root').waitFor());
  if (tag === 'en-light') {
    // Timing: the big inbox opens, scrolls and moves by keyboard.
    const t0 = Date.now();
    await page.goto(`/w/${data.big}/insights`);
    await page.getByTestId('insight-row').first().waitFor();
    console.log(`big inbox: first rows after ${Date.now() - t0} ms`);
    await shot(page, `${tag}-inbox-big`);
    const t1 = Date.now();
    for (let i = 0; i < 60; i++) {
      await page.getByTestId('insight-list').evaluate((el) => {
        el.scrollTop += 3000;
      });
      await page.waitForTimeout(30);
    }
    console.log(`scrolled 60 steps in ${Date.now() - t1} ms; rows in DOM: ${await page.getByTestId('insight-row').count()}`);
    console.log('count label:', await page.getByTestId('insight-count').textContent());
    await shot(page, `${tag}-inbox-big-scrolled`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/w/${data.ws}/insights`);
    await shot(page, `${tag}-mobile-inbox`, () => page.getByTestId('insight-row').first().waitFor());
    await page.getByTestId('insight-row').first().locator('button[data-main]').click();
    await shot(page, `${tag}-mobile-detail`, () => page.getByTestId('insight-detail').waitFor());
  }
  await context.close();
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const setup = await browser.newContext({ baseURL });
  const api = Api.for(setup, baseURL);
  await api.ensureSetup();
  await api.login(OWNER);
  const data = await seed(api);
  await setup.close();
  const only = process.env.ONLY;
  for (const lang of ['en', 'fr'] as const)
    for (const scheme of ['light', 'dark'] as const) if (!only || only === `${lang}-${scheme}`) await capture(browser, lang, scheme, data);
} finally {
  await browser.close();
}
