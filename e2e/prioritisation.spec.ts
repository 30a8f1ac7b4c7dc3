import { AxeBuilder } from '@axe-core/playwright';
import { PRIORITISATION_STRINGS, PrioritisationPage } from './pages/prioritisation-page.js';
import { StrategyPage } from './pages/strategy-page.js';
import { fill } from './pages/strings.js';
import { expect, test } from './support/fixtures.js';

/**
 * Prioritisation, end to end: an objective and the features serving it; score them with
 * RICE in the ranked table (Intercom's worked examples), watch the order follow the scores,
 * read why the first one ranks first, then change the workspace's scoring rules and see them
 * on the screen.
 */
const INTERCOM = [
  { title: 'Alpha: export to PDF', inputs: { reach: 450, impact: 3, confidence: 100, effort: 2 }, score: '675' },
  { title: 'Beta: single sign-on', inputs: { reach: 2000, impact: 1, confidence: 80, effort: 4 }, score: '400' },
  { title: 'Gamma: bulk tagging', inputs: { reach: 800, impact: 2, confidence: 50, effort: 1 }, score: '800' },
] as const;

test.describe('en-US', () => {
  test('score three features with RICE, reorder by score, read the explanation, change the scoring rules', async ({
    page,
    s,
    api,
    workspace,
    shell,
  }) => {
    const p = PRIORITISATION_STRINGS.en.prioritise;
    const rules = PRIORITISATION_STRINGS.en.scoring;
    test.slow(); // the whole path: an objective, its features, scoring, ranking, explanation, rules
    const product = await api.createProduct(workspace.slug, { name: 'Customer Portal', scoringFrameworks: ['rice', 'ice'] } as never);
    for (const f of INTERCOM) await api.createFeature(workspace.slug, { title: f.title, productId: product.id });

    // An objective, and the features that serve it.
    const strategy = new StrategyPage(page, s);
    await strategy.goto(workspace.slug);
    await page.keyboard.press('n');
    await strategy.fillObjective({ title: 'Win the enterprise segment', product: 'Customer Portal' });
    await expect(strategy.title('Win the enterprise segment')).toBeVisible();
    for (const f of INTERCOM) {
      await strategy.linkFeature(f.title);
      // The confirmation sits over the picker: read it and close it.
      const note = page.locator('.mantine-Notification-root').filter({ hasText: f.title });
      await expect(note).toBeVisible();
      await note.locator('.mantine-Notification-closeButton').click();
      await expect(note).toHaveCount(0);
    }
    await expect(strategy.features()).toHaveCount(3);

    // From the navigation to the ranked table: nothing is scored yet, and the screen says what to do.
    await shell.go(s.nav.prioritise);
    const table = new PrioritisationPage(page, p);
    await expect(table.rows()).toHaveCount(3);
    await expect(page.getByTestId('not-scored-hint')).toContainText(p.emptyTitle);
    for (const f of INTERCOM) await expect(table.score(f.title)).toHaveText(p.notScored);
    // Missing inputs say so; they are not zeros.
    await expect(table.row(INTERCOM[0].title).locator('input[data-field="reach"]')).toHaveAttribute('placeholder', p.missing);

    // Score each one; the order follows the scores as they are typed.
    for (const f of INTERCOM) {
      await table.scoreRice(f.title, f.inputs);
      await expect(table.score(f.title)).toHaveText(f.score);
    }
    await expect.poll(() => table.order()).toEqual([INTERCOM[2].title, INTERCOM[0].title, INTERCOM[1].title]);
    await expect(table.rows().getByTestId('rank')).toHaveText(['1', '2', '3']);
    await expect(page.getByTestId('not-scored-hint')).toBeHidden();

    // Typing re-ranks at once: Beta with half the effort (2000 × 1 × 80 % ÷ 2 = 800) ties Gamma at the top…
    await table.row(INTERCOM[1].title).locator('input[data-field="effort"]').fill('2');
    await expect(table.score(INTERCOM[1].title)).toHaveText('800');
    await expect.poll(() => table.order()).toEqual([INTERCOM[1].title, INTERCOM[2].title, INTERCOM[0].title]);
    await expect(table.rows().getByTestId('rank')).toHaveText(['1', '1', '3']);
    // …and back.
    await table.row(INTERCOM[1].title).locator('input[data-field="effort"]').fill('4');
    await expect.poll(() => table.order()).toEqual([INTERCOM[2].title, INTERCOM[0].title, INTERCOM[1].title]);

    // Saved with each row's version: the server ranks them the same way after a reload.
    await table.expectSaved();
    await page.reload();
    await expect.poll(() => table.order()).toEqual([INTERCOM[2].title, INTERCOM[0].title, INTERCOM[1].title]);
    await expect(table.score(INTERCOM[2].title)).toHaveText('800');

    // Why is Gamma first? Its inputs, the formula with its numbers, and who changed it last.
    const panel = await table.explain(INTERCOM[2].title);
    await expect(panel.getByTestId('explanation-value')).toHaveText('800');
    await expect(panel.getByTestId('explanation-numbers')).toHaveText('800 × 2 × 50% ÷ 1 = 800');
    const inputs = panel.getByTestId('explanation-inputs');
    await expect(inputs.locator('[data-input="reach"]')).toContainText('800');
    await expect(inputs.locator('[data-input="impact"]')).toContainText(p.choices.rice.impact['2']);
    await expect(inputs.locator('[data-input="confidence"]')).toContainText('50%');
    await expect(inputs.locator('[data-input="effort"]')).toContainText('1');
    await expect(panel.getByTestId('explanation-last-change')).toContainText('Olivia Owner');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    // From the keyboard: x selects the focused row, j moves down, c compares side by side.
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect(page.getByTestId('compare-button')).toContainText(fill(p.compareCount, { count: 2 }));
    await page.keyboard.press('c');
    const compare = page.getByTestId('compare-table');
    await expect(compare).toBeVisible();
    await expect(compare.getByTestId('compare-score-rice')).toHaveText([/^800/, /^675/]);
    await expect(compare.getByTestId('compare-score-rice').first()).toContainText(p.compareBest);
    await page.keyboard.press('Escape');
    await expect(compare).toBeHidden();

    // The workspace switches ICE to the average variant; the ICE view says which variant it shows.
    await page.goto(`/w/${workspace.slug}/settings/scoring`);
    await page.getByTestId('ice-variant').getByText(rules.iceAverage, { exact: false }).click();
    await page.getByTestId('save-scoring').click();
    await expect(page.getByText(rules.saved)).toBeVisible();
    await table.goto(workspace.slug, 'ice');
    await expect(page.getByTestId('ice-variant-badge')).toHaveText(fill(p.iceVariantBadge, { variant: p.iceVariants.average }));
    await expect(page.getByTestId('ice-variant-header')).toContainText(p.iceVariants.average);

    // A custom formula with a mistake is refused where it is: the position and a caret under it.
    await page.goto(`/w/${workspace.slug}/settings/scoring`);
    await page.getByTestId('add-driver').click();
    await page.getByTestId('driver-name-0').fill('fit');
    await page.getByTestId('formula').fill('fit * (customers + ');
    const errors = page.getByTestId('formula-errors');
    await expect(errors).toContainText('At position 20');
    // The caret sits under the character after the last "+" (whitespace kept as typed).
    expect(await errors.getByTestId('formula-pointer').textContent()).toBe(`fit * (customers + \n${' '.repeat(19)}^`);
    await expect(page.getByTestId('save-scoring')).toBeDisabled();
    await page.getByTestId('formula').fill('fit * (customers + 1)');
    await expect(page.getByTestId('formula-ok')).toBeVisible();
    await expect(page.getByTestId('preview-score')).toBeVisible();
    // A written formula says plainly that it ignores the weights, until it reads one with weight(name).
    await expect(page.getByTestId('weights-unused')).toHaveText(rules.weightsUnused);
    await page.getByTestId('formula').fill('weight(fit) * fit * (customers + 1)');
    await expect(page.getByTestId('formula-ok')).toBeVisible();
    await expect(page.getByTestId('weights-unused')).toBeHidden();
  });
});

test('an edit on a score someone else changed meanwhile is not saved over theirs until the person chooses', async ({
  page,
  api,
  workspace,
}) => {
  const p = PRIORITISATION_STRINGS.en.prioritise;
  const feature = await api.createFeature(workspace.slug, {
    title: 'Offline mode',
    scores: { rice: { reach: 100, impact: 1, confidence: 1, effort: 1 } },
  });
  const table = new PrioritisationPage(page, p);
  await table.goto(workspace.slug, 'rice');
  await expect(table.score('Offline mode')).toHaveText('100');

  // Someone else changes the reach while this screen shows the old version.
  await api.updateFeature(workspace.slug, feature.id, (feature as unknown as { version: number }).version, {
    scores: { rice: { reach: 300 } },
  });
  await table.row('Offline mode').locator('input[data-field="effort"]').fill('4');
  const conflict = page.getByTestId('score-conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`${p.fields.rice.reach} 300`);
  await expect(table.row('Offline mode').getByTestId('save-state')).toHaveAttribute('data-state', 'conflict');

  // Keep mine: my effort is saved on top of their reach (300 × 1 × 100 % ÷ 4 = 75).
  await conflict.getByRole('button', { name: p.save.keepMine }).click();
  await expect(conflict).toBeHidden();
  await expect(table.score('Offline mode')).toHaveText('75');
  await table.expectSaved();
  await page.reload();
  await expect(table.score('Offline mode')).toHaveText('75');
});

test('each role gets what it may do: a product owner scores, a viewer reads', async ({ api, workspace, browser, baseURL }) => {
  const p = PRIORITISATION_STRINGS.en.prioritise;
  const rules = PRIORITISATION_STRINGS.en.scoring;
  await api.createFeature(workspace.slug, { title: 'Audit log', scores: { rice: { reach: 50, impact: 2, confidence: 0.8, effort: 1 } } });
  const join = async (role: 'product_owner' | 'viewer') => {
    const { inviteToken } = await api.invite(workspace.slug, `${role}.${Date.now()}@example.com`, role);
    const context = await browser.newContext({ baseURL, locale: 'en-US' });
    const response = await context.request.post(`${baseURL}/api/v1/invitations/${inviteToken}/accept`, {
      data: { name: `A ${role}`, password: 'long enough password' },
    });
    expect(response.ok()).toBe(true);
    return context;
  };

  // A product owner prioritises features but does not set the workspace's scoring rules.
  const po = await join('product_owner');
  const poPage = await po.newPage();
  const poTable = new PrioritisationPage(poPage, p);
  await poTable.goto(workspace.slug, 'rice');
  await poTable.row('Audit log').locator('input[data-field="effort"]').fill('2');
  await expect(poTable.score('Audit log')).toHaveText('40');
  await poTable.expectSaved();
  await poPage.goto(`/w/${workspace.slug}/settings/scoring`);
  await expect(poPage.getByTestId('scoring-read-only')).toContainText(rules.readOnly.split('{{')[0]!.trim());
  await expect(poPage.getByTestId('formula')).toBeDisabled();
  await expect(poPage.getByTestId('save-scoring')).toHaveCount(0);
  await po.close();

  // A viewer reads the ranking and its explanation; nothing can be typed.
  const viewer = await join('viewer');
  const vPage = await viewer.newPage();
  const vTable = new PrioritisationPage(vPage, p);
  await vTable.goto(workspace.slug, 'rice');
  await expect(vPage.getByText(p.readOnly)).toBeVisible();
  await expect(vTable.score('Audit log')).toHaveText('40');
  await expect(vTable.row('Audit log').locator('input[data-field="effort"]')).toBeDisabled();
  const panel = await vTable.explain('Audit log');
  await expect(panel.getByTestId('explanation-numbers')).toHaveText('50 × 2 × 80% ÷ 2 = 40');
  await viewer.close();
});

test("a product chooses its scoring frameworks, in order; features without a product follow the workspace's default", async ({
  page,
  api,
  workspace,
}) => {
  const p = PRIORITISATION_STRINGS.en.prioritise;
  const f = p.productFrameworks;
  const scoring = await api.getScoring(workspace.slug);
  await api.updateScoring(workspace.slug, scoring.version, { defaultFramework: 'ice' });
  // Created without a choice: the workspace's default framework.
  const product = await api.createProduct(workspace.slug, { name: 'Mobile app' });
  const inProduct = await api.createFeature(workspace.slug, { title: 'Offline sync', productId: product.id });
  const loose = await api.createFeature(workspace.slug, { title: 'Loose idea' });

  await page.goto(`/w/${workspace.slug}/products/${product.id}`);
  const card = page.getByTestId('product-frameworks');
  await expect(card.getByRole('listitem')).toHaveText([`1. ${p.frameworks.ice.name}`]);

  // Add RICE and MoSCoW, put RICE first, drop MoSCoW again — all from the keyboard-reachable buttons.
  await card.getByRole('button', { name: f.edit }).click();
  await expect(card.getByRole('button', { name: fill(f.remove, { name: p.frameworks.ice.name }) })).toBeDisabled();
  for (const name of [p.frameworks.rice.name, p.frameworks.moscow.name]) {
    await card.getByTestId('add-framework').click();
    await page.getByRole('option', { name, exact: true }).click();
  }
  await card.getByRole('button', { name: fill(f.up, { name: p.frameworks.rice.name }) }).click();
  await card.getByRole('button', { name: fill(f.remove, { name: p.frameworks.moscow.name }) }).click();
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(f.saved)).toBeVisible();
  await expect(card.getByRole('listitem')).toHaveText([`1. ${p.frameworks.rice.name}`, `2. ${p.frameworks.ice.name}`]);

  // The product's feature offers its frameworks in that order, the first one chosen.
  await page.goto(`/w/${workspace.slug}/features/${inProduct.id}`);
  const scores = page.getByTestId('scores-card');
  const tabs = scores.getByRole('radiogroup', { name: p.framework });
  await expect(tabs.locator('label')).toHaveText([p.frameworks.rice.name, p.frameworks.ice.name]);
  await expect(tabs.getByRole('radio', { name: p.frameworks.rice.name })).toBeChecked();
  // A feature without a product: the workspace's default framework.
  await page.goto(`/w/${workspace.slug}/features/${loose.id}`);
  await expect(page.getByTestId('scores-card').locator('[data-field="impact"]')).toBeVisible();
  await expect(page.getByTestId('card-ice-variant')).toBeVisible();
  // The product's ranked list opens on its first framework.
  await page.goto(`/w/${workspace.slug}/prioritise?product=${product.id}`);
  await expect(page.getByTestId('ranked-table')).toBeVisible();
  await expect(page.getByTestId('framework-rice')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tablist', { name: p.framework }).getByRole('tab')).toHaveCount(7);
  await expect(page.getByRole('tablist', { name: p.framework }).getByRole('tab').nth(1)).toHaveAttribute('data-testid', 'framework-ice');

  // Someone else changes the product while it is being edited: nothing is overwritten until the person chooses.
  await page.goto(`/w/${workspace.slug}/products/${product.id}`);
  await card.getByRole('button', { name: f.edit }).click();
  await card.getByRole('button', { name: fill(f.down, { name: p.frameworks.rice.name }) }).click();
  const current = (await api.updateProduct(workspace.slug, product.id, 2, { vision: 'Work without a network' })) as { version: number };
  expect(current.version).toBe(3);
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByTestId('conflict-alert')).toBeVisible();
  await card.getByTestId('conflict-alert').getByRole('button', { name: 'Save mine anyway' }).click();
  await expect(card.getByRole('listitem')).toHaveText([`1. ${p.frameworks.ice.name}`, `2. ${p.frameworks.rice.name}`]);
});

test('RICE confidence is typed in percent and carried as a fraction, with the suggested levels one step away', async ({
  page,
  api,
  workspace,
}) => {
  const p = PRIORITISATION_STRINGS.en.prioritise;
  const feature = await api.createFeature(workspace.slug, {
    title: 'Usage analytics',
    scores: { rice: { reach: 1000, impact: 1, confidence: 0.5, effort: 1 } },
  });
  const stored = async () =>
    (await (await page.request.get(`/api/v1/workspaces/${workspace.slug}/features/${feature.id}`)).json()).scores.rice.confidence;
  const table = new PrioritisationPage(page, p);
  await table.goto(workspace.slug, 'rice');
  const confidence = table.row('Usage analytics').locator('input[data-field="confidence"]');
  await expect(confidence).toHaveValue('50');

  // Any percentage from 1 to 100, not only 100/80/50: 1000 × 1 × 65 % ÷ 1 = 650, stored as 0.65.
  await confidence.fill('65');
  await expect(table.score('Usage analytics')).toHaveText('650');
  await table.expectSaved();
  await expect.poll(stored).toBe(0.65);

  // Out of range is refused where it is typed, and never sent.
  for (const bad of ['0', '150']) {
    await confidence.fill(bad);
    await expect(confidence).toHaveAttribute('aria-invalid', 'true');
    await expect(confidence).toHaveAttribute('title', new RegExp(p.percentRange));
    await expect(table.score('Usage analytics')).toHaveText('650');
  }
  // The suggested levels, from the row's menu.
  await table.row('Usage analytics').locator('select[data-presets="confidence"]').selectOption('0.8');
  await expect(confidence).toHaveValue('80');
  await expect(confidence).not.toHaveAttribute('aria-invalid', 'true');
  await expect(table.score('Usage analytics')).toHaveText('800');
  await table.expectSaved();
  await expect.poll(stored).toBe(0.8);

  // On the feature's page: one click on a level; the arrow keys step by 5 points.
  await page.goto(`/w/${workspace.slug}/features/${feature.id}`);
  const card = page.getByTestId('scores-card');
  await card
    .getByRole('group', { name: fill(p.presets, { field: p.fields.rice.confidence }) })
    .getByRole('button', { name: '100%' })
    .click();
  await expect(card.locator('input[data-field="confidence"]')).toHaveValue('100');
  await expect(card.locator('button[data-preset="1"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('card-score')).toHaveText('1,000');
  await card.locator('input[data-field="confidence"]').press('ArrowDown');
  await expect(card.locator('input[data-field="confidence"]')).toHaveValue('95');
  await expect(page.getByTestId('card-score')).toHaveText('950');
  await expect.poll(stored).toBe(0.95);
});

test('a Kano survey keeps the answer pairs respondents gave: new pairs are appended, typed counts only add pairs', async ({
  page,
  api,
  workspace,
}) => {
  const p = PRIORITISATION_STRINGS.en.prioritise;
  const k = p.kanoSurvey;
  // Imported through the API: "expect / dislike" is a must-be answer, but not the canonical pair.
  const imported = [
    { functional: 'expect', dysfunctional: 'dislike' },
    { functional: 'live_with', dysfunctional: 'dislike' },
    { functional: 'like', dysfunctional: 'expect' },
  ];
  await api.createFeature(workspace.slug, { title: 'Saved searches', scores: { kano: { answers: imported } } });
  const table = new PrioritisationPage(page, p);
  await table.goto(workspace.slug, 'kano');
  const sent = () =>
    page.waitForRequest((r) => r.method() === 'PATCH' && r.url().includes('/features/')).then((r) => r.postDataJSON().scores.kano);

  // One respondent added by hand: only that pair is sent, to be appended.
  await table.row('Saved searches').getByTestId('kano-survey-button').click();
  const drawer = page.getByTestId('kano-survey');
  await expect(drawer.getByTestId('kano-kept')).toHaveText(fill(k.kept_other, { count: 3 }));
  await drawer.getByTestId('kano-functional').click();
  await page.getByRole('option', { name: p.kanoAnswers.like, exact: true }).click();
  await drawer.getByTestId('kano-dysfunctional').click();
  await page.getByRole('option', { name: p.kanoAnswers.dislike, exact: true }).click();
  await drawer.getByTestId('kano-add').click();
  let body = sent();
  await drawer.getByTestId('kano-save').click();
  expect(await body).toEqual({ addAnswers: [{ functional: 'like', dysfunctional: 'dislike' }] });
  await table.expectSaved();
  await expect(table.row('Saved searches').getByTestId('kano-survey-button')).toContainText(fill(p.surveyCount_other, { count: 4 }));

  // A count typed higher: one representative pair per extra respondent, appended as well.
  await table.row('Saved searches').getByTestId('kano-survey-button').click();
  await drawer.getByText(k.counts, { exact: true }).click();
  await drawer.getByTestId('kano-count-must_be').fill('3');
  await expect(drawer.getByTestId('kano-kept')).toHaveText(fill(k.kept_other, { count: 4 }));
  body = sent();
  await drawer.getByTestId('kano-save').click();
  expect(await body).toEqual({ addAnswers: [{ functional: 'neutral', dysfunctional: 'dislike' }] });
  await table.expectSaved();

  // Typed lower, the survey has to be rewritten: the drawer says so before saving.
  await table.row('Saved searches').getByTestId('kano-survey-button').click();
  await drawer.getByText(k.counts, { exact: true }).click();
  await drawer.getByTestId('kano-count-must_be').fill('1');
  await expect(drawer.getByTestId('kano-kept')).toHaveText(fill(k.rewrites_other, { count: 5 }));
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});

test('“last changed” names the evidence that moved a score and lists every input of a change', async ({ page, api, workspace }) => {
  const p = PRIORITISATION_STRINGS.en.prioritise;
  const e = p.explanation;
  const acme = await api.createCustomer(workspace.slug, { name: 'Acme Logistics' });
  const derived = await api.createFeature(workspace.slug, {
    title: 'Route planning',
    scores: { rice: { reachSource: 'customers', impact: 2, confidence: 0.8, effort: 1 } },
  });
  const insight = await api.createInsight(workspace.slug, {
    text: 'Our drivers plan routes on paper every morning',
    source: 'sales',
    customerId: acme.id,
  });
  await api.linkInsight(workspace.slug, derived.id, { insightId: insight.id });
  await api.createFeature(workspace.slug, { title: 'Fleet map', scores: { rice: { reach: 120, impact: 1, confidence: 0.5, effort: 2 } } });

  const table = new PrioritisationPage(page, p);
  await table.goto(workspace.slug, 'rice');
  let panel = await table.explain('Route planning');
  const last = panel.getByTestId('explanation-last-change');
  await expect(last).toHaveText(
    fill(e.evidence.linked, {
      who: 'Olivia Owner',
      insight: '“Our drivers plan routes on paper every morning” (Acme Logistics)',
      when: 'now',
    }),
  );
  await expect(last).not.toContainText(insight.id);
  await page.keyboard.press('Escape');

  // Created with four inputs at once: all four are listed.
  panel = await table.explain('Fleet map');
  const many = panel.getByTestId('explanation-last-change');
  await expect(many).toContainText(fill(e.lastChangeMany_other, { who: 'Olivia Owner', count: 4, when: 'now' }));
  await expect(many.locator('li')).toHaveText([
    fill(e.changeLine, { field: `${p.fields.rice.reach} (RICE)`, from: e.cleared, to: '120' }),
    fill(e.changeLine, { field: `${p.fields.rice.impact} (RICE)`, from: e.cleared, to: p.choices.rice.impact['1'] }),
    fill(e.changeLine, { field: `${p.fields.rice.confidence} (RICE)`, from: e.cleared, to: '50%' }),
    fill(e.changeLine, { field: `${p.fields.rice.effort} (RICE)`, from: e.cleared, to: '2' }),
  ]);
});

test('a derived reach counts the evidence of a chosen period, and says which source and window it reads', async ({
  page,
  api,
  workspace,
}) => {
  const p = PRIORITISATION_STRINGS.en.prioritise;
  const w = p.reachWindow;
  const feature = await api.createFeature(workspace.slug, {
    title: 'Offline maps',
    scores: { rice: { reachSource: 'insights', impact: 1, confidence: 1, effort: 1 } },
  });
  const day = 86_400_000;
  for (const ago of [5, 40, 200]) {
    const insight = await api.createInsight(workspace.slug, {
      text: `Maps without a network (${ago} days ago)`,
      source: 'support',
      receivedAt: new Date(Date.now() - ago * day).toISOString(),
    });
    await api.linkInsight(workspace.slug, feature.id, { insightId: insight.id });
  }
  await page.goto(`/w/${workspace.slug}/features/${feature.id}`);
  const card = page.getByTestId('scores-card');
  await expect(card.getByTestId('card-reach')).toContainText('3');
  await expect(card.getByTestId('card-reach-window')).toHaveText(fill(w.allTime, { what: w.what.insights }));

  // The last 90 days: counted at once from the linked insights, then saved and counted by the server alike.
  await card.getByTestId('reach-window').selectOption('90');
  await expect(card.getByTestId('card-reach')).toContainText('2');
  await expect(page.getByTestId('card-score')).toHaveText('2');
  await expect(card.getByTestId('card-reach-window')).toContainText('Counts the linked insights received since');
  await expect(card.getByTestId('card-reach-window')).toContainText('(last 90 days)');
  await expect(page.getByText(p.save.saved)).toBeVisible();
  await page.reload();
  await expect(card.getByTestId('card-reach')).toContainText('2');
  await expect(card.getByTestId('reach-window')).toHaveValue('90');

  // The ranked table says it too; the explanation names the window.
  const table = new PrioritisationPage(page, p);
  await table.goto(workspace.slug, 'rice');
  await expect(table.row('Offline maps').getByTestId('reach-derived')).toContainText('2');
  await expect(table.row('Offline maps').getByTestId('reach-window-short')).toHaveText(fill(w.short_other, { count: 90 }));
  const panel = await table.explain('Offline maps');
  await expect(panel.getByTestId('explanation-reach-window')).toContainText('(last 90 days)');
  await expect(panel.getByTestId('explanation-inputs').locator('[data-input="reachWindowDays"]')).toContainText(
    fill(p.days_other, { count: 90 }),
  );
});

test.describe('fr-FR', () => {
  test.use({ locale: 'fr-FR' });

  test('noter avec RICE, le classement suit, et la note s’explique', async ({ page, api, workspace }) => {
    const p = PRIORITISATION_STRINGS.fr.prioritise;
    for (const f of INTERCOM.slice(0, 2)) await api.createFeature(workspace.slug, { title: f.title });
    const table = new PrioritisationPage(page, p);
    await table.goto(workspace.slug);
    await expect(page.getByRole('heading', { level: 1, name: p.title })).toBeVisible();
    await expect(table.score(INTERCOM[1].title)).toHaveText(p.notScored);
    for (const f of INTERCOM.slice(0, 2)) await table.scoreRice(f.title, f.inputs);
    await expect.poll(() => table.order()).toEqual([INTERCOM[0].title, INTERCOM[1].title]);
    await expect(table.score(INTERCOM[0].title)).toHaveText('675');
    const panel = await table.explain(INTERCOM[0].title);
    await expect(panel.getByTestId('explanation-inputs').locator('[data-input="impact"]')).toContainText(p.choices.rice.impact['3']);
    await expect(page.getByRole('dialog')).toContainText(p.explanation.title);
    await expect(panel.getByTestId('explanation-numbers')).toContainText('675');
  });
});

/** No serious or critical axe violations on the prioritisation screens, light and dark. */
for (const scheme of ['light', 'dark'] as const) {
  test(`prioritisation screens have no serious accessibility violations (${scheme})`, async ({ page, api, workspace }) => {
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    const p = PRIORITISATION_STRINGS.en.prioritise;
    const scores = {
      rice: { reach: 450, impact: 3, confidence: 1, effort: 2 },
      moscow: { category: 'must', effort: 8 },
      valueEffort: { value: 8, effort: 3 },
      kano: { answers: [{ functional: 'like', dysfunctional: 'neutral' }] },
    };
    await api.createFeature(workspace.slug, { title: 'Export to PDF', scores });
    await api.createFeature(workspace.slug, { title: 'Dark mode', scores: { rice: { reach: 100 }, valueEffort: { value: 3, effort: 8 } } });
    const table = new PrioritisationPage(page, p);
    const serious = async () => {
      await page.waitForFunction(() => !document.getAnimations().some((a) => a.playState === 'running'));
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    };
    for (const framework of ['rice', 'moscow', 'kano', 'valueEffort']) {
      await table.goto(workspace.slug, framework);
      await expect(table.rows()).toHaveCount(2);
      expect(await serious(), framework).toEqual([]);
    }
    await table.goto(workspace.slug, 'rice');
    await table.explain('Export to PDF');
    expect(await serious(), 'explanation').toEqual([]);
    await page.goto(`/w/${workspace.slug}/settings/scoring`);
    await page.getByTestId('formula').fill('reach * (');
    await expect(page.getByTestId('formula-errors')).toBeVisible();
    expect(await serious(), 'scoring rules').toEqual([]);
  });
}
