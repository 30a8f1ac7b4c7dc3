import { FirstWorkspacePage, LoginPage, SetupPage } from './pages/auth-pages.js';
import { ProductPage } from './pages/product-page.js';
import { ProductsPage } from './pages/products-page.js';
import { Shell } from './pages/shell.js';
import { STRINGS } from './pages/strings.js';
import { expect, test } from './support/fixtures.js';

/**
 * Journey (a) in English and (b) in French: a fresh Cairn is set up from the browser, the
 * owner signs in, creates a workspace and a product, moves it on with a note, and finds
 * the move in the product's history and in the workspace activity.
 * Each run gets its own server, since set-up happens once per server.
 */
const LANGS = [
  {
    lang: 'en' as const,
    locale: 'en-US',
    expected: {
      setup: 'Set up Cairn',
      products: 'Products',
      empty: 'No products yet',
      stageMove: 'moved it from Conception to Build',
      activity: 'Activity',
    },
  },
  {
    lang: 'fr' as const,
    locale: 'fr-FR',
    expected: {
      setup: 'Configurer Cairn',
      products: 'Produits',
      empty: 'Aucun produit pour l’instant',
      stageMove: 'l’a fait passer de Conception à Réalisation',
      activity: 'Activité',
    },
  },
];

for (const { lang, locale, expected } of LANGS) {
  test.describe(`first run (${lang})`, () => {
    test.use({ locale });

    test(`set up, sign in, create a workspace and a product, move its stage with a note (${lang})`, async ({ browser, freshServer }) => {
      const s = STRINGS[lang];
      const context = await browser.newContext({ baseURL: freshServer.url, locale });
      const page = await context.newPage();
      const owner = { name: 'Ada Lovelace', email: `ada.${lang}@example.com`, password: 'analytical-engine' };

      // First run: the set-up screen, in the browser's language.
      const setup = new SetupPage(page, s);
      await setup.goto();
      await expect(page.getByRole('heading', { name: expected.setup })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await setup.createOwner(owner);

      // Set-up signs in; sign out and in again through the sign-in screen.
      await expect(page.getByRole('heading', { name: new RegExp(s.home.title.replace('{{name}}', 'Ada')) })).toBeVisible();
      await page.getByRole('button', { name: s.shell.signOut }).click();
      const login = new LoginPage(page, s);
      await login.signIn(owner);

      // No workspace yet: create the first one.
      await new FirstWorkspacePage(page, s).create('Analytical Engines');
      await expect(page).toHaveURL(/\/w\/analytical-engines\/products$/);
      const products = new ProductsPage(page, s);
      await expect(page.getByRole('heading', { level: 1, name: expected.products })).toBeVisible();
      await expect(page.getByText(expected.empty)).toBeVisible();
      await expect(page).toHaveTitle(`${expected.products} · Cairn`);

      // Create a product.
      await products.create({ name: 'Difference Engine', vision: 'Tables **without** errors, for every navigator.' });
      const product = new ProductPage(page, s);
      await expect(product.title('Difference Engine')).toBeVisible();
      await expect(page.getByText('without', { exact: true })).toBeVisible(); // the vision, rendered as Markdown

      // Move it from conception to build, with a note.
      const note = lang === 'fr' ? 'Le prototype est validé par la Royal Society.' : 'The prototype is validated by the Royal Society.';
      await product.moveStage('Difference Engine', s.stages.build, note);
      await expect(product.lifecycle().getByText(s.lifecycle.about.build)).toBeVisible();
      await expect(product.stageHistory().getByText(`${s.stages.conception} → ${s.stages.build}`)).toBeVisible();
      await expect(product.stageHistory().getByText(note)).toBeVisible();

      // The product's own history says who moved it, from where to where, and why.
      const moved = product.history().getByTestId('activity-entry').filter({ hasText: expected.stageMove });
      await expect(moved).toBeVisible();
      await expect(moved).toContainText('Ada Lovelace');
      await expect(moved).toContainText(note);

      // So does the workspace activity.
      await new Shell(page, s).go(expected.activity);
      await expect(page.getByRole('heading', { level: 1, name: expected.activity })).toBeVisible();
      const entry = page.getByTestId('activity-entry').filter({ hasText: expected.stageMove });
      await expect(entry).toContainText('Difference Engine');
      await expect(entry).toContainText(note);

      await context.close();
    });
  });
}
