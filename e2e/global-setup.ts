import { request } from '@playwright/test';
import { Api } from './support/api.js';

/**
 * The shared server is created fresh for the run; its first-run set-up happens once,
 * here, through the API. The journey that drives the set-up screen gets its own server.
 */
export default async function globalSetup() {
  const baseURL = process.env.CAIRN_E2E_URL;
  if (!baseURL) throw new Error('CAIRN_E2E_URL is not set (playwright.config.ts sets it)');
  const context = await request.newContext({ baseURL });
  try {
    await new Api(context, baseURL).ensureSetup();
  } finally {
    await context.dispose();
  }
}
