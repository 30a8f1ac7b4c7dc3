import { ProductsPage } from './pages/products-page.js';
import { expect, test } from './support/fixtures.js';

/** Journey (e): Ctrl+K opens the palette; it navigates and creates; shortcuts work. */
test('the command palette opens with Ctrl+K and navigates', async ({ page, s, api, workspace, shell }) => {
  await api.createProduct(workspace.slug, { name: 'Beacon' });
  const products = new ProductsPage(page, s);
  await products.goto(workspace.slug);

  await shell.runCommand('memb', s.nav.members);
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/members$`));
  await expect(page.getByRole('heading', { level: 1, name: s.members.title })).toBeVisible();

  // Products are commands too.
  await shell.runCommand('Beac', 'Beacon');
  await expect(page.getByRole('heading', { level: 1, name: 'Beacon' })).toBeVisible();

  // "New product" from anywhere opens the creation dialog on the products page.
  await shell.runCommand(s.palette.newProduct, s.palette.newProduct);
  await expect(products.dialog()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(products.dialog()).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/products$`));

  // Escape closes the palette without doing anything.
  const search = await shell.openPalette();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
});

test('keyboard shortcuts: g then a goes to activity, ? shows the help, n starts a product', async ({ page, s, workspace }) => {
  const products = new ProductsPage(page, s);
  await products.goto(workspace.slug);
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/activity$`));
  await page.keyboard.press('Shift+?');
  const help = page.getByRole('dialog', { name: s.shortcuts.title });
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await expect(products.heading()).toBeVisible();
  await page.keyboard.press('n');
  await expect(products.dialog()).toBeVisible();
});
