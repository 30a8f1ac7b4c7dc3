/**
 * How much JavaScript the browser loads for the first screen (gzip sizes of the files it
 * fetched): `npx tsx e2e/tools/bundle-size.ts [baseURL]`. Needs a running Cairn with an owner
 * (e.g. after e2e/tools/screenshots.ts) and `dist/web` built.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { Api, OWNER } from '../support/api.js';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  for (const target of ['login', 'products', 'product'] as const) {
    const context = await browser.newContext({ baseURL: base });
    let path = '/login';
    if (target !== 'login') {
      await Api.for(context, base).login(OWNER);
      const workspaces = (await (await context.request.get(`${base}/api/v1/workspaces`)).json()) as { items: { slug: string }[] };
      for (const { slug } of workspaces.items) {
        const products = (await (await context.request.get(`${base}/api/v1/workspaces/${slug}/products`)).json()) as {
          items: { id: string }[];
        };
        const first = products.items[0];
        if (!first) continue;
        path = target === 'product' ? `/w/${slug}/products/${first.id}` : `/w/${slug}/products`;
        break;
      }
    }
    const page = await context.newPage();
    const files = new Set<string>();
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) files.add(new URL(r.url()).pathname);
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const buffer = fs.readFileSync(`dist/web${file}`);
      raw += buffer.length;
      gzip += zlib.gzipSync(buffer, { level: 9 }).length;
    }
    console.log(
      `${target.padEnd(9)} ${String(files.size).padStart(3)} files  ${Math.round(raw / 1024)} KB raw  ${Math.round(gzip / 1024)} KB gzip`,
    );
    await context.close();
  }
} finally {
  await browser.close();
}
