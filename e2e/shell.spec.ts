import type { BrowserContext } from '@playwright/test';
import { ProductsPage } from './pages/products-page.js';
import { Shell } from './pages/shell.js';
import { fill, STRINGS } from './pages/strings.js';
import { type Api, uid } from './support/api.js';
import { expect, test } from './support/fixtures.js';

/**
 * The frame around every screen: the workspace switcher, and the language and theme a person
 * picks in the account menu, which must still hold after a reload.
 */

test('the workspace switcher moves between workspaces and shows only the chosen one', async ({ page, s, api, shell }) => {
  const id = uid();
  const north = await api.createWorkspace(`North ${id}`, `north-${id}`);
  const south = await api.createWorkspace(`South ${id}`, `south-${id}`);
  await api.createProduct(north.slug, { name: `Compass ${id}` });
  await api.createProduct(south.slug, { name: `Sextant ${id}` });
  const products = new ProductsPage(page, s);

  await products.goto(north.slug);
  await expect(shell.workspaceSwitcher()).toContainText(north.name);
  await expect(products.productLink(`Compass ${id}`)).toBeVisible();

  await shell.switchWorkspace(south.name);
  await expect(page).toHaveURL(new RegExp(`/w/${south.slug}/products$`));
  await expect(shell.workspaceSwitcher()).toContainText(south.name);
  await expect(products.productLink(`Sextant ${id}`)).toBeVisible();
  await expect(products.productLink(`Compass ${id}`)).toHaveCount(0);

  // The chosen workspace is marked in the list; switching back shows the first one again.
  await shell.workspaceSwitcher().click();
  await expect(page.getByRole('menuitem', { name: north.name, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await shell.switchWorkspace(north.name);
  await expect(page).toHaveURL(new RegExp(`/w/${north.slug}/products$`));
  await expect(products.productLink(`Compass ${id}`)).toBeVisible();
  await expect(products.productLink(`Sextant ${id}`)).toHaveCount(0);
});

test('a long workspace list scrolls and can be filtered by name', async ({ page, s, api, shell }) => {
  const id = uid();
  const clients = [];
  for (let k = 0; k < 9; k++) clients.push(await api.createWorkspace(`Client ${k} ${id}`, `client-${k}-${id}`));
  const last = clients.at(-1)!;
  await new ProductsPage(page, s).goto(clients[0]!.slug);

  await shell.workspaceSwitcher().click();
  const filter = page.getByRole('textbox', { name: s.shell.filterWorkspaces });
  // Opening the menu puts the cursor in the filter: typing narrows the list at once.
  await expect(filter).toBeFocused();
  await page.keyboard.type(`client 8 ${id}`.toUpperCase());
  await expect(page.getByRole('menuitem', { name: last.name, exact: true })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: clients[1]!.name, exact: true })).toHaveCount(0);
  await filter.fill(`nobody ${id}`);
  await expect(page.getByText(fill(s.shell.noWorkspaceMatches, { query: `nobody ${id}` }))).toBeVisible();
  await filter.fill(id);
  await page.getByRole('menuitem', { name: last.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${last.slug}/products$`));
  await expect(shell.workspaceSwitcher()).toContainText(last.name);
});

/**
 * A person of their own: switching the language also saves it to the profile, which would
 * change the shared owner's language under the other journeys.
 */
async function signInAsNewMember(context: BrowserContext, baseURL: string, workspace: string, api: Api) {
  const email = `lang.${uid()}@example.com`;
  const invitation = await api.invite(workspace, email, 'viewer');
  const accepted = await context.request.post(`${baseURL}/api/v1/invitations/${invitation.inviteToken}/accept`, {
    data: { name: 'Lena Lang', password: 'bonjour-tout-le-monde' },
  });
  expect(accepted.status()).toBe(200);
  return email;
}

test('the language chosen in the account menu holds after a reload and on another device', async ({ browser, baseURL, api, workspace }) => {
  const context = await browser.newContext({ baseURL, locale: 'en-US' });
  const page = await context.newPage();
  const email = await signInAsNewMember(context, baseURL ?? '', workspace.slug, api);
  const en = new ProductsPage(page, STRINGS.en);
  const fr = new ProductsPage(page, STRINGS.fr);
  await en.goto(workspace.slug);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await new Shell(page, STRINGS.en).choosePreference(STRINGS.en.languages.fr);
  await expect(fr.heading()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(new Shell(page, STRINGS.fr).nav().getByRole('link', { name: STRINGS.fr.nav.products, exact: true })).toBeVisible();

  await page.reload();
  await expect(fr.heading()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // Signing in elsewhere (an English browser, nothing remembered) brings the choice along.
  const elsewhere = await browser.newContext({ baseURL, locale: 'en-US' });
  const other = await elsewhere.newPage();
  const login = await elsewhere.request.post(`${baseURL}/api/v1/auth/login`, { data: { email, password: 'bonjour-tout-le-monde' } });
  expect(login.status()).toBe(200);
  await other.goto(`/w/${workspace.slug}/products`);
  await expect(new ProductsPage(other, STRINGS.fr).heading()).toBeVisible();

  // And back to English, also after a reload.
  await new Shell(page, STRINGS.fr).choosePreference(STRINGS.fr.languages.en);
  await expect(en.heading()).toBeVisible();
  await page.reload();
  await expect(en.heading()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await elsewhere.close();
  await context.close();
});

test('the theme chosen in the account menu holds after a reload', async ({ page, s, shell, workspace }) => {
  // The system preference is light, so a dark page can only come from the choice.
  await page.emulateMedia({ colorScheme: 'light' });
  const products = new ProductsPage(page, s);
  await products.goto(workspace.slug);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');

  await shell.choosePreference(s.theme.dark);
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(products.heading()).toBeVisible();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');

  // "System" follows the device again: light here, dark when the device turns dark.
  await shell.choosePreference(s.theme.system);
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.reload();
  await expect(products.heading()).toBeVisible();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
});
