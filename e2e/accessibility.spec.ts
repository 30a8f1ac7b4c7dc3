import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';

/** Journey (d): no serious or critical axe violations on the main screens, light and dark. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

test('sign-in and set-up screens have no serious violations', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`main screens have no serious violations (${scheme})`, async ({ page, api, workspace }) => {
    test.slow(); // eight full-page scans
    await page.emulateMedia({ colorScheme: scheme });
    const product = await api.createProduct(workspace.slug, {
      name: 'Compass',
      vision: '## Why\nEvery team finds **north**.\n\n- fast\n- calm',
      segments: [{ name: 'Freelance PMs', description: 'Several clients at once.' }],
    });
    await api.moveStage(workspace.slug, product.id, 'build', 'Validated with five customers.');

    const screens: { path: string; ready: (p: Page) => Promise<void> }[] = [
      { path: `/w/${workspace.slug}/products`, ready: (p) => expect(p.getByRole('link', { name: 'Compass' })).toBeVisible() },
      { path: `/w/${workspace.slug}/products/${product.id}`, ready: (p) => expect(p.getByTestId('stage-history')).toBeVisible() },
      { path: `/w/${workspace.slug}/activity`, ready: (p) => expect(p.getByTestId('activity-entry').first()).toBeVisible() },
      { path: `/w/${workspace.slug}/members`, ready: (p) => expect(p.getByTestId('member-row').first()).toBeVisible() },
      { path: `/w/${workspace.slug}/settings`, ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
      { path: `/w/${workspace.slug}/roadmap`, ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
      { path: '/settings/tokens', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
      { path: '/settings/profile', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
    ];
    for (const screen of screens) {
      await page.goto(screen.path);
      await screen.ready(page);
      expect(await seriousViolations(page), screen.path).toEqual([]);
    }
  });

  test(`dialogs and the command palette have no serious violations (${scheme})`, async ({ page, s, api, workspace }) => {
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    const product = await api.createProduct(workspace.slug, { name: 'Sextant' });
    const dialogs: { name: string; open: () => Promise<void> }[] = [
      {
        name: 'new product',
        open: async () => {
          await page.goto(`/w/${workspace.slug}/products?new=true`);
          await expect(page.getByRole('dialog', { name: s.products.createTitle })).toBeVisible();
        },
      },
      {
        name: 'move stage',
        open: async () => {
          await page.goto(`/w/${workspace.slug}/products/${product.id}`);
          await page.getByTestId('move-stage').click();
          await expect(page.getByRole('dialog')).toBeVisible();
        },
      },
      {
        name: 'invite',
        open: async () => {
          await page.goto(`/w/${workspace.slug}/members`);
          await page.getByRole('button', { name: s.members.invite }).click();
          await expect(page.getByRole('dialog')).toBeVisible();
        },
      },
      {
        name: 'command palette',
        open: async () => {
          await page.goto(`/w/${workspace.slug}/products`);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await page.keyboard.press('Control+K');
          await expect(page.getByPlaceholder(s.palette.placeholder)).toBeVisible();
        },
      },
    ];
    for (const dialog of dialogs) {
      await dialog.open();
      await page.waitForFunction(() => !document.getAnimations().some((a) => a.playState === 'running'));
      expect(await seriousViolations(page), dialog.name).toEqual([]);
    }
  });
}
