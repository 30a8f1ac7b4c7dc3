import fs from 'node:fs';
import path from 'node:path';
import { request } from '@playwright/test';
import { Api } from './support/api.js';
import { REPO_ROOT } from './support/server.js';

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** The server serves dist/web: testing an old build would test old code. */
function checkWebBuild() {
  const built = fs.statSync(path.join(REPO_ROOT, 'dist/web/index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...['src/web', 'src/contract', 'src/domain', 'vite.config.ts'].map((p) => newestMtime(path.join(REPO_ROOT, p))));
  if (built === 0) throw new Error('dist/web is missing: run `npm run build` (or `npx vite build`) before the browser tests.');
  if (sources > built)
    throw new Error('dist/web is older than the sources: run `npm run build` (or `npx vite build`) before the browser tests.');
}

/**
 * The shared server is created fresh for the run; its first-run set-up happens once,
 * here, through the API. The journeys that drive the set-up screen get their own server.
 */
export default async function globalSetup() {
  if (!process.env.CAIRN_E2E_SKIP_BUILD_CHECK) checkWebBuild();
  const baseURL = process.env.CAIRN_E2E_URL;
  if (!baseURL) throw new Error('CAIRN_E2E_URL is not set (playwright.config.ts sets it)');
  const context = await request.newContext({ baseURL });
  try {
    await new Api(context, baseURL).ensureSetup();
  } finally {
    await context.dispose();
  }
}
