import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { seedInsightsDirectly } from '../discovery/seed.js';
import { bootstrap, type Tenant } from '../lib/bootstrap.js';
import { topUpProducts } from '../lib/bulk-seed.js';
import { requireBuild, startCairn } from '../lib/cairn-process.js';
import { withCleanup } from '../lib/cleanup.js';
import { fail, UsageError } from '../lib/cli.js';
import { REPO_ROOT } from '../lib/paths.js';
import { createStore } from '../lib/store.js';
import { fmt, textTable, verdict } from '../lib/table.js';
import type { Table } from '../report/figures.js';
import { renderSections, reportHeader, type Section, writeReport } from '../report/markdown.js';
import { initialJs, type JsFile, sizeOf, total } from './bundle.js';
import { type LoadTiming, measureLoad, measureScroll, type ScrollTiming } from './measure.js';

/**
 * npm run bench:browser — loads the heaviest screens (the products list with 10,000 products,
 * the insights inbox with 10,000 insights) in headless Chromium and reports paint and
 * interactivity timings, how scrolling the inbox feels, and the JavaScript they need.
 * A measurement, not a gate.
 */
const COUNT = 10_000;
const RUNS = 5;
const INITIAL_JS_GZIP_KB = 300;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DIST_WEB = path.join(REPO_ROOT, 'dist', 'web');

interface Screen {
  title: string;
  /** What the screen lists, in words ("products"). */
  items: string;
  path: (slug: string) => string;
  /** The first row of the list: its paint is the "first meaningful paint". */
  row: string;
  /** Picks the list's API call among the page's requests. */
  api: string;
  firstRowTargetMs: number;
  scroll: boolean;
}

/** The screens measured, heaviest first. Add one in a few lines (and seed its data below). */
const SCREENS: Screen[] = [
  {
    title: 'Products list',
    items: 'products',
    path: (slug) => `/w/${slug}/products`,
    row: 'table tbody tr a[href*="/products/"]',
    api: '/products?',
    firstRowTargetMs: 1_500,
    scroll: false,
  },
  {
    title: 'Insights inbox',
    items: 'insights',
    path: (slug) => `/w/${slug}/insights`,
    row: '[data-testid="insight-row"]',
    api: '/insights?',
    firstRowTargetMs: 1_000,
    scroll: true,
  },
];

const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function sessionCookies(tenant: Tenant, url: string) {
  return [tenant.session.cookie, `cairn_csrf=${tenant.session.csrf}`].map((pair) => {
    const [name = '', value = ''] = pair.split('=');
    return { name, value, url, httpOnly: name === 'cairn_session' };
  });
}

async function measureScreen(browser: Browser, baseUrl: string, tenant: Tenant, screen: Screen): Promise<Section> {
  const url = `${baseUrl}${screen.path(tenant.workspace.slug)}`;
  const cookies = sessionCookies(tenant, baseUrl);
  const cold: LoadTiming[] = [];
  const warm: LoadTiming[] = [];
  const scrolls: ScrollTiming[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // A fresh context has an empty cache: a first visit. The second load in it is a return visit.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addCookies(cookies);
    cold.push(await measureLoad(context, url, screen.row, screen.api));
    warm.push(await measureLoad(context, url, screen.row, screen.api));
    if (screen.scroll) scrolls.push(await measureScroll(context, url, screen.row));
    await context.close();
  }
  const both = (pick: (t: LoadTiming) => number, format = fmt.ms) => [cold, warm].map((l) => format(median(l.map(pick))));
  const firstRow = median(cold.map((t) => t.firstRow));
  const timings: Table = {
    headers: [`measure (median of ${RUNS})`, 'first visit', 'return visit', 'target'],
    rows: [
      ['time to first byte', ...both((t) => t.ttfb), ''],
      ['first contentful paint', ...both((t) => t.fcp), ''],
      ['first row painted', ...both((t) => t.firstRow), `< ${screen.firstRowTargetMs} ms ${verdict(firstRow < screen.firstRowTargetMs)}`],
      ['DOMContentLoaded', ...both((t) => t.domContentLoaded), ''],
      ['load event', ...both((t) => t.load), ''],
      ['time to interactive (approx.)', ...both((t) => t.tti), ''],
      ['long tasks', ...both((t) => t.longTasks, String), ''],
      ['total blocking time', ...both((t) => t.blockingMs), ''],
      [`${screen.items} API call`, ...both((t) => t.apiMs), ''],
    ],
    align: ['left', 'right', 'right', 'left'],
  };
  const tables: Table[] = [timings];
  if (scrolls.length > 0) {
    const m = (pick: (s: ScrollTiming) => number) => median(scrolls.map(pick));
    tables.push({
      headers: ['scrolling (median of 5)', 'value', 'target'],
      rows: [
        ['frames painted while scrolling', String(m((s) => s.frames)), ''],
        ['frame time p95', fmt.ms(m((s) => s.p95FrameMs)), '< 50 ms ' + verdict(m((s) => s.p95FrameMs) < 50)],
        ['frames over 50 ms', String(m((s) => s.slowFrames)), ''],
        ['distance scrolled', `${Math.round(m((s) => s.scrolledPx)).toLocaleString('en-US')} px`, ''],
        [`rows in the DOM (of ${COUNT.toLocaleString('en-US')})`, String(m((s) => s.rowsInDom)), 'virtualised'],
      ],
      align: ['left', 'right', 'left'],
    });
  }
  const screenJs: JsFile[] = [...new Set(cold[0]?.jsFiles ?? [])].map((f) => sizeOf(DIST_WEB, f));
  tables.push({
    headers: ['JavaScript loaded by the screen', 'files', 'as served', 'gzip'],
    rows: [[screen.title, String(screenJs.length), kb(total(screenJs).bytes), kb(total(screenJs).gzipBytes)]],
    align: ['left', 'right', 'right', 'right'],
  });
  const rendered = cold.every((t) => Number.isFinite(t.firstRow));
  const note = rendered
    ? `Screen: ${screen.path('<slug>')} with ${COUNT.toLocaleString('en-US')} ${screen.items}; the first row is "${screen.row}".`
    : `The screen did not render a row matching "${screen.row}" within 20 s: figures are for what the page showed.`;
  console.log(`\n${screen.title}`);
  for (const t of tables) console.log(`${textTable(t.headers, t.rows, t.align)}\n`);
  console.log(note);
  const notes = [note];
  if (screen.scroll)
    notes.push(
      'Scrolling: the mouse wheel turns 40 times by 500 px, 50 ms apart, over the list of an open page; frame times are the gaps between requestAnimationFrame callbacks.',
    );
  return { title: screen.title, notes, tables };
}

async function main() {
  const loadBefore = os.loadavg();
  requireBuild();
  if (!fs.existsSync(path.join(DIST_WEB, 'index.html'))) throw new UsageError('No built web app in dist/web: run `npm run build` first.');
  await withCleanup(async (defer) => {
    const store = await createStore('sqlite');
    defer(() => store.dispose());
    const cairn = await startCairn({ dataDir: store.dataDir });
    defer(() => cairn.stop());
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    defer(() => browser.close());
    const tenant = await bootstrap(cairn.url);
    const db = store.open();
    await topUpProducts(db, tenant.workspace.id, tenant.userId, COUNT);
    await seedInsightsDirectly(db, tenant, 0, COUNT);
    await db.close();

    const sections: Section[] = [];
    for (const screen of SCREENS) sections.push(await measureScreen(browser, cairn.url, tenant, screen));

    const initial = initialJs(DIST_WEB);
    const initialKb = total(initial).gzipBytes / 1024;
    const js: Table = {
      headers: ['initial JavaScript (index.html)', 'files', 'as served', 'gzip', 'target'],
      rows: [
        [
          'every screen',
          String(initial.length),
          kb(total(initial).bytes),
          kb(total(initial).gzipBytes),
          `< ${INITIAL_JS_GZIP_KB} KB ${verdict(initialKb < INITIAL_JS_GZIP_KB)}`,
        ],
      ],
      align: ['left', 'right', 'right', 'right', 'left'],
    };
    console.log(`\n${textTable(js.headers, js.rows, js.align)}`);
    sections.push({
      title: 'JavaScript',
      notes: [
        'First visit: a new browser context (empty cache). Return visit: the same context loading the page again. ' +
          'Time to interactive is approximate: the latest of DOMContentLoaded, the first row and the end of the last long task, once the page has had 2 s without one. ' +
          'Cairn serves assets uncompressed; gzip sizes are what a compressing proxy would send.',
      ],
      tables: [js],
    });
    const file = writeReport(
      'browser.md',
      reportHeader(
        'Cairn browser benchmark',
        `headless Chromium (${browser.version()}), 1366×768, ${RUNS} runs per screen, server on SQLite from dist/`,
        loadBefore,
      ) + renderSections(sections),
    );
    console.log(`Report: ${path.relative(process.cwd(), file)}`);
  });
}

main().catch(fail);
