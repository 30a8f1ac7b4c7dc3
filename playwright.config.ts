import { defineConfig } from '@playwright/test';
import { freePort, freshDataDir, serverEnv } from './e2e/support/server.js';

/**
 * Browser journeys against a real Cairn: `node bin/cairn.mjs serve` on a free port with a
 * throwaway data directory, serving the built web app (run `npm run build` first).
 * Set CAIRN_E2E_URL to run against a server you started yourself instead.
 *
 * The runner computes the port and data directory once; workers inherit them through the
 * environment, so every process talks to the same server.
 */
const external = process.env.CAIRN_E2E_URL !== undefined && process.env.CAIRN_E2E_PORT === undefined;
if (!process.env.CAIRN_E2E_URL) {
  const port = await freePort();
  process.env.CAIRN_E2E_PORT = String(port);
  process.env.CAIRN_E2E_DATA = freshDataDir();
  process.env.CAIRN_E2E_URL = `http://127.0.0.1:${port}`;
}
const baseURL = process.env.CAIRN_E2E_URL;
const port = Number(process.env.CAIRN_E2E_PORT ?? 0);

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

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : 4,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL,
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1360, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium' }],
  webServer: external
    ? undefined
    : {
        command: 'node bin/cairn.mjs serve',
        url: `${baseURL}/api/v1/health`,
        env: serverEnv(port, process.env.CAIRN_E2E_DATA ?? freshDataDir()),
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
