import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { REPO_ROOT } from './support/server.js';

/** No serious or critical axe violations on the discovery screens and dialogs, light and dark. */
async function seriousViolations(page: Page) {
  await page.waitForFunction(() => !document.getAnimations().some((a) => a.playState === 'running'));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`discovery screens and dialogs have no serious violations (${scheme})`, async ({ page, s, api, workspace }) => {
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    const customer = await api.createCustomer(workspace.slug, { name: 'Globex', segment: 'Enterprise', revenue: 1200, currency: 'EUR' });
    const insight = await api.createInsight(workspace.slug, {
      text: 'Export the roadmap as a PDF for the board, please.',
      source: 'sales',
      customerId: customer.id,
      tags: ['export'],
      importance: 'critical',
    });
    await api.createInsight(workspace.slug, { text: 'Roadmap PDF export for executives.', source: 'support', importance: 'important' });
    const feature = await api.createFeature(workspace.slug, { title: 'Roadmap PDF export', status: 'planned' });
    await api.linkInsight(workspace.slug, feature.id, { insightId: insight.id, highlight: 'roadmap as a PDF' });

    const ws = `/w/${workspace.slug}`;
    const screens: { name: string; open: () => Promise<void> }[] = [
      {
        name: 'inbox',
        open: async () => {
          await page.goto(`${ws}/insights`);
          await expect(page.getByTestId('similar-list').or(page.getByText(s.insights.detail.similarEmpty))).toBeVisible();
        },
      },
      {
        name: 'inbox selection',
        open: async () => {
          await page.keyboard.press('x');
          await expect(page.getByTestId('bulk-bar')).toBeVisible();
        },
      },
      {
        name: 'link dialog',
        open: async () => {
          await page.keyboard.press('Escape');
          await page.keyboard.press('l');
          await expect(page.getByTestId('feature-picker')).toBeVisible();
        },
      },
      {
        name: 'new insight',
        open: async () => {
          await page.goto(`${ws}/insights?new=true`);
          await expect(page.getByRole('dialog', { name: s.insights.form.title })).toBeVisible();
        },
      },
      {
        name: 'import mapping',
        open: async () => {
          await page.goto(`${ws}/insights?import=true`);
          await page.locator('input[type=file]').setInputFiles(path.join(REPO_ROOT, 'e2e/fixtures/feedback-en.csv'));
          await expect(page.getByTestId('mapping-table')).toBeVisible();
        },
      },
      {
        name: 'feature',
        open: async () => {
          await page.goto(`${ws}/features/${feature.id}`);
          await expect(page.getByTestId('evidence-quote')).toBeVisible();
          await expect(page.locator('.recharts-surface').first()).toBeVisible();
        },
      },
      {
        name: 'features',
        open: async () => {
          await page.goto(`${ws}/features`);
          await expect(page.getByTestId('features-table')).toBeVisible();
        },
      },
      {
        name: 'customers',
        open: async () => {
          await page.goto(`${ws}/customers`);
          await expect(page.getByTestId('customers-table')).toBeVisible();
        },
      },
      {
        name: 'customer',
        open: async () => {
          await page.goto(`${ws}/customers/${customer.id}`);
          await expect(page.getByRole('heading', { level: 1, name: 'Globex' })).toBeVisible();
        },
      },
      {
        name: 'search',
        open: async () => {
          await page.goto(`${ws}/search?q=roadmap`);
          await expect(page.getByTestId('search-hit').first()).toBeVisible();
        },
      },
    ];
    for (const screen of screens) {
      await screen.open();
      expect(await seriousViolations(page), screen.name).toEqual([]);
    }
  });
}
