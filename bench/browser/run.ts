import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { bootstrap } from '../lib/bootstrap.js';
import { topUpProducts } from '../lib/bulk-seed.js';
import { requireBuild, startCairn } from '../lib/cairn-process.js';
import { withCleanup } from '../lib/cleanup.js';
import { fail, UsageError } from '../lib/cli.js';
import { REPO_ROOT } from '../lib/paths.js';
import { createStore } from '../lib/store.js';
import { fmt, textTable, verdict } from '../lib/table.js';
import { renderSections, reportHeader, writeReport } from '../report/markdown.js';
import { initialJs, type JsFile, sizeOf, total } from './bundle.js';
import { type LoadTiming, measureLoad } from './measure.js';

/**
 * npm run bench:browser — loads the heaviest screen (the products list) with 10,000 products in
 * headless Chromium and reports paint and interactivity timings and the JavaScript it needs.
 * A measurement, not a gate.
 */
const PRODUCTS = 10_000;
const RUNS = 5;
const ROW = 'table tbody tr a[href*="/products/"]';
const TARGETS = { firstLoadMs: 1_500, initialJsGzipKb: 300 };
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

const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

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
    await topUpProducts(db, tenant.workspace.id, tenant.userId, PRODUCTS);
    await db.close();
    const url = `${cairn.url}/w/${tenant.workspace.slug}/products`;
    const cookies = [tenant.session.cookie, `cairn_csrf=${tenant.session.csrf}`].map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      return { name, value, url: cairn.url, httpOnly: name === 'cairn_session' };
    });

    const cold: LoadTiming[] = [];
    const warm: LoadTiming[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // A fresh context has an empty cache: a first visit. The second load in it is a return visit.
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await context.addCookies(cookies);
      cold.push(await measureLoad(context, url, ROW));
      warm.push(await measureLoad(context, url, ROW));
      await context.close();
    }

    const initial = initialJs(DIST_WEB);
    const screenJs: JsFile[] = [...new Set(cold[0]?.jsFiles ?? [])].map((f) => sizeOf(DIST_WEB, f));
    const rendered = cold.every((t) => Number.isFinite(t.firstRow));
    const rows = [
      ['time to first byte', ...[cold, warm].map((l) => fmt.ms(median(l.map((t) => t.ttfb)))), ''],
      ['first contentful paint', ...[cold, warm].map((l) => fmt.ms(median(l.map((t) => t.fcp)))), ''],
      [
        'first product row painted',
        ...[cold, warm].map((l) => fmt.ms(median(l.map((t) => t.firstRow)))),
        `< ${TARGETS.firstLoadMs} ms ${verdict(median(cold.map((t) => t.firstRow)) < TARGETS.firstLoadMs)}`,
      ],
      ['DOMContentLoaded', ...[cold, warm].map((l) => fmt.ms(median(l.map((t) => t.domContentLoaded)))), ''],
      ['load event', ...[cold, warm].map((l) => fmt.ms(median(l.map((t) => t.load)))), ''],
      ['time to interactive (approx.)', ...[cold, warm].map((l) => fmt.ms(median(l.map((t) => t.tti)))), ''],
      ['long tasks', ...[cold, warm].map((l) => String(median(l.map((t) => t.longTasks)))), ''],
      ['total blocking time', ...[cold, warm].map((l) => fmt.ms(median(l.map((t) => t.blockingMs)))), ''],
      ['products API call', ...[cold, warm].map((l) => fmt.ms(median(l.map((t) => t.apiMs)))), ''],
    ];
    const timings = {
      headers: ['measure (median of 5)', 'first visit', 'return visit', 'target'],
      rows,
      align: ['left', 'right', 'right', 'left'] as const,
    };
    const js = {
      headers: ['JavaScript', 'files', 'as served', 'gzip', 'target'],
      rows: [
        [
          'initial (index.html)',
          String(initial.length),
          kb(total(initial).bytes),
          kb(total(initial).gzipBytes),
          `< ${TARGETS.initialJsGzipKb} KB ${verdict(total(initial).gzipBytes / 1024 < TARGETS.initialJsGzipKb)}`,
        ],
        ['loaded by the products screen', String(screenJs.length), kb(total(screenJs).bytes), kb(total(screenJs).gzipBytes), ''],
      ],
      align: ['left', 'right', 'right', 'right', 'left'] as const,
    };
    const note = rendered
      ? `Screen: /w/<slug>/products with ${PRODUCTS.toLocaleString('en-US')} products; the first row is "${ROW}".`
      : `The products screen did not render a row matching "${ROW}" within 20 s: figures are for what the page showed.`;
    for (const t of [timings, js]) console.log(`\n${textTable(t.headers, t.rows, [...t.align])}`);
    console.log(`\n${note}`);
    const file = writeReport(
      'browser.md',
      reportHeader(
        'Cairn browser benchmark',
        `headless Chromium (${browser.version()}), 1366×768, ${RUNS} runs, server on SQLite from dist/`,
        loadBefore,
      ) +
        renderSections([
          {
            title: 'Products list',
            notes: [
              note,
              'First visit: a new browser context (empty cache). Return visit: the same context loading the page again. ' +
                'Time to interactive is approximate: the latest of DOMContentLoaded, the first row and the end of the last long task, once the page has had 2 s without one. ' +
                'Cairn serves assets uncompressed; gzip sizes are what a compressing proxy would send.',
            ],
            tables: [
              { ...timings, align: [...timings.align] },
              { ...js, align: [...js.align] },
            ],
          },
        ]),
    );
    console.log(`Report: ${path.relative(process.cwd(), file)}`);
  });
}

main().catch(fail);
