import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FeaturePage } from './pages/feature-page.js';
import { StrategyPage } from './pages/strategy-page.js';
import { fill } from './pages/strings.js';
import { expect, test } from './support/fixtures.js';
import { StrategyApi } from './support/strategy-api.js';

const now = new Date();
const YEAR = now.getFullYear();
const QUARTER = Math.ceil((now.getMonth() + 1) / 3);

/**
 * Strategy, end to end: a company goal, a product objective aligned under it, a key result
 * whose progress follows the value typed in, a feature linked to the objective — seen on the
 * objective, in the tree, and on the feature.
 */
test('set a company goal and a product objective, measure a key result and link a feature', async ({ page, s, api, workspace }) => {
  test.slow(); // a long journey: two objectives, a key result, a link, a reload
  const product = await api.createProduct(workspace.slug, { name: 'Customer Portal' });
  await api.createFeature(workspace.slug, { title: 'One-click reorder', status: 'planned', productId: product.id });
  const strategy = new StrategyPage(page, s);

  // The empty page says what OKRs are; "n" opens the form.
  await strategy.goto(workspace.slug);
  await expect(page.getByText(s.strategy.emptyTitle)).toBeVisible();
  await page.keyboard.press('n');
  await strategy.fillObjective({ title: 'Make self-service the easiest way to buy', kind: 'year' });
  await expect(strategy.title('Make self-service the easiest way to buy')).toBeVisible();
  await expect(page.getByTestId('objective-period')).toHaveText(String(YEAR));

  // A product objective under it, from the goal's own page (the parent comes preset).
  await page.getByRole('button', { name: s.strategy.addChild }).click();
  await strategy.fillObjective({ title: 'Checkout anyone can finish in a minute', product: 'Customer Portal' });
  await expect(strategy.title('Checkout anyone can finish in a minute')).toBeVisible();
  await expect(page.getByTestId('objective-parent')).toHaveText('Make self-service the easiest way to buy');
  await expect(page.getByTestId('objective-period')).toHaveText(`${s.strategy.period.quarterLetter}${QUARTER} ${YEAR}`);

  // A key result; typing its current value moves its progress and the objective's at once.
  await strategy.addKeyResult({ title: 'Checkout completion', baseline: '54', target: '75', unit: '%' });
  const kr = strategy.keyResult('Checkout completion');
  await expect(kr.getByTestId('kr-progress')).toHaveText('—');
  await strategy.setCurrent('Checkout completion', '64.5');
  await expect(kr.getByTestId('kr-progress')).toHaveText('50 %');
  await expect(page.getByTestId('objective-progress')).toHaveText('50 %');
  // Overshooting the target counts as done, not more.
  await strategy.setCurrent('Checkout completion', '90');
  await expect(kr.getByTestId('kr-progress')).toHaveText('100 %');

  // A feature serves it.
  await strategy.linkFeature('One-click reorder');
  await expect(strategy.features().first()).toContainText(s.discovery.featureStatuses.planned);

  // Saved: a reload shows the same.
  await page.reload();
  await expect(kr.getByTestId('kr-current')).toHaveValue('90');
  await expect(kr.getByTestId('kr-progress')).toHaveText('100 %');
  await expect(strategy.features()).toHaveCount(1);

  // The tree: the goal with its product objective under it.
  await strategy.goto(workspace.slug);
  await expect(strategy.rows()).toHaveCount(2);
  await expect(strategy.rows().nth(0)).toHaveAttribute('data-depth', '1');
  await expect(strategy.rows().nth(1)).toHaveAttribute('data-depth', '2');
  await expect(strategy.row('Checkout anyone can finish in a minute')).toContainText('100 %');
  await expect(page.getByTestId('objective-count')).toHaveText(fill(s.strategy.count_other, { count: 2 }));

  // The feature knows which objective it serves.
  await strategy.row('Checkout anyone can finish in a minute').getByRole('link').click();
  await strategy.features().getByRole('link', { name: 'One-click reorder' }).click();
  const feature = new FeaturePage(page, s);
  await expect(feature.title('One-click reorder')).toBeVisible();
  await expect(page.getByTestId('feature-objective')).toContainText('Checkout anyone can finish in a minute');
});

test.describe('fr-FR', () => {
  test.use({ locale: 'fr-FR' });

  test('un objectif produit sous un objectif d’entreprise, un résultat clé où moins c’est mieux', async ({
    page,
    s,
    context,
    baseURL,
    workspace,
  }) => {
    const goal = await new StrategyApi(context, baseURL ?? '').createObjective(workspace.slug, {
      title: 'Garder chaque client gagné',
      period: { kind: 'year', year: YEAR },
    });
    const strategy = new StrategyPage(page, s);
    await strategy.goto(workspace.slug);
    await page.getByTestId('new-objective').click();
    await strategy.fillObjective({ title: 'Moins de clients perdus', parent: 'Garder chaque client' });
    await expect(strategy.title('Moins de clients perdus')).toBeVisible();
    await expect(page.getByTestId('objective-period')).toHaveText(`T${QUARTER} ${YEAR}`);
    await expect(page.getByTestId('objective-parent')).toHaveText(goal.title);

    // Attrition de 8 % à 5 % : 6,5 % est à mi-chemin, 9 % n’avance pas.
    await strategy.addKeyResult({ title: 'Attrition mensuelle', baseline: '8', target: '5', unit: '%' });
    await expect(strategy.keyResult('Attrition mensuelle')).toContainText(s.strategy.keyResults.directions.decrease);
    await strategy.setCurrent('Attrition mensuelle', '6.5');
    await expect(strategy.keyResult('Attrition mensuelle').getByTestId('kr-progress')).toHaveText('50 %');
    await strategy.setCurrent('Attrition mensuelle', '9');
    await expect(strategy.keyResult('Attrition mensuelle').getByTestId('kr-progress')).toHaveText('0 %');

    await strategy.goto(workspace.slug);
    await expect(strategy.row('Moins de clients perdus')).toHaveAttribute('data-depth', '2');
  });
});

async function seriousViolations(page: Page, include?: string) {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) axe = axe.include(include);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`strategy screens have no serious accessibility violations (${scheme})`, async ({ page, api, context, baseURL, workspace }) => {
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    const strategy = new StrategyApi(context, baseURL ?? '');
    const goal = await strategy.createObjective(workspace.slug, { title: 'Grow', period: { kind: 'year', year: YEAR } });
    const child = await strategy.createObjective(workspace.slug, {
      title: 'Activate',
      period: { kind: 'quarter', year: YEAR, number: QUARTER },
      parentId: goal.id,
      status: 'draft',
    });
    await strategy.createKeyResult(workspace.slug, child.id, { title: 'Activation', baseline: 10, target: 40, current: 25, unit: '%' });
    const feature = await api.createFeature(workspace.slug, { title: 'Onboarding tour' });
    await strategy.linkFeature(workspace.slug, feature.id, child.id);
    // On the feature page, the objectives card is what this journey checks.
    const screens: { path: string; ready: (p: Page) => Promise<void>; include?: string }[] = [
      { path: `/w/${workspace.slug}/strategy`, ready: (p) => expect(p.getByTestId('objective-row')).toHaveCount(2) },
      { path: `/w/${workspace.slug}/strategy/${child.id}`, ready: (p) => expect(p.getByTestId('key-result')).toHaveCount(1) },
      { path: `/w/${workspace.slug}/strategy?new=true`, ready: (p) => expect(p.getByRole('dialog')).toBeVisible() },
      {
        path: `/w/${workspace.slug}/features/${feature.id}`,
        ready: (p) => expect(p.getByTestId('feature-objective')).toHaveCount(1),
        include: '[aria-labelledby="feature-objectives-title"]',
      },
    ];
    for (const screen of screens) {
      await page.goto(screen.path);
      await screen.ready(page);
      expect(await seriousViolations(page, screen.include), screen.path).toEqual([]);
    }
  });
}
