import { test as base, type Page } from '@playwright/test';
import { LoginPage } from '../pages/auth-pages.js';
import { Shell } from '../pages/shell.js';
import { STRINGS, type Strings } from '../pages/strings.js';
import { Api, OWNER, uid } from './api.js';
import { type RunningCairn, startCairn } from './server.js';

interface Fixtures {
  /** A brand-new Cairn of its own, for this test only (first-run set-up still to do). */
  freshServer: RunningCairn;
  /** Interface strings of the browser's language. */
  s: Strings;
  /** The owner's API session, sharing cookies with `page`. */
  api: Api;
  /** A workspace made for this test only (independent tests on one server). */
  workspace: { name: string; slug: string; id: string };
  shell: Shell;
  /** Signs the page in as the owner through the sign-in screen. */
  signIn: (user?: { email: string; password: string }) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  s: async ({ locale }, use) => {
    await use(locale?.startsWith('fr') ? STRINGS.fr : STRINGS.en);
  },
  api: async ({ context, baseURL }, use) => {
    const api = Api.for(context, baseURL ?? '');
    await api.login(OWNER);
    await use(api);
  },
  workspace: async ({ api }, use) => {
    const id = uid();
    const created = await api.createWorkspace(`Acme ${id}`, `acme-${id}`);
    await use({ name: created.name, slug: created.slug, id: created.id });
  },
  shell: async ({ page, s }, use) => {
    await use(new Shell(page, s));
  },
  signIn: async ({ page, s }, use) => {
    await use(async (user = OWNER) => {
      const login = new LoginPage(page, s);
      await login.goto();
      await login.signIn(user);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      return page;
    });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take an object pattern
  freshServer: async ({}, use) => {
    const server = await startCairn();
    await use(server);
    await server.stop();
  },
});

export { expect } from '@playwright/test';
