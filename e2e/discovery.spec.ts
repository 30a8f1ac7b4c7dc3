import path from 'node:path';
import { FeaturePage } from './pages/feature-page.js';
import { InsightsPage } from './pages/insights-page.js';
import { fill } from './pages/strings.js';
import { expect, test } from './support/fixtures.js';
import { REPO_ROOT } from './support/server.js';

/**
 * Discovery, end to end in each language: import feedback from a CSV (its header in that
 * language), triage it from the keyboard, link an insight to a new feature with a quote,
 * and read the feature's evidence.
 */
const CASES = [
  {
    locale: 'en-US',
    file: 'feedback-en.csv',
    textColumn: 'Feedback',
    newest: 'Please let us tag many insights at once.',
    second: 'We need single sign-on with Okta',
    archived: 'The search does not find words with accents',
    linked: 'Exporting the roadmap as a PDF would save us hours',
    quote: 'Exporting the roadmap as a PDF',
    feature: 'Roadmap PDF export',
    customer: 'Acme Retail',
    badDate: 'not a date',
  },
  {
    locale: 'fr-FR',
    file: 'retours-fr.csv',
    textColumn: 'Commentaire',
    newest: 'Pouvoir étiqueter plusieurs retours d’un coup.',
    second: 'Il nous faut une connexion SSO avec Okta',
    archived: 'La recherche ne trouve pas les mots accentués',
    linked: 'Exporter la roadmap en PDF nous ferait gagner des heures',
    quote: 'Exporter la roadmap en PDF',
    feature: 'Export PDF de la roadmap',
    customer: 'Boulangerie Dupont',
    badDate: 'pas une date',
  },
] as const;

for (const c of CASES) {
  test.describe(c.locale, () => {
    test.use({ locale: c.locale });

    test('import a CSV, triage from the keyboard, link to a feature and see its evidence', async ({ page, s, workspace }) => {
      const inbox = new InsightsPage(page, s);
      await inbox.goto(workspace.slug);
      await expect(page.getByText(s.insights.emptyTitle)).toBeVisible();

      // Import: columns are guessed from the header names; bad rows are reported by line.
      const dialog = await inbox.importFromEmptyState(path.join(REPO_ROOT, 'e2e/fixtures', c.file));
      await expect(dialog.getByTestId(`map-${c.textColumn}`)).toHaveValue(`${s.imports.fields.text} (${s.imports.required})`);
      // As in the API: unknown customers are reported, unless asked to create them (this file's are new).
      const create = dialog.getByRole('checkbox', { name: s.imports.createCustomers });
      await expect(create).not.toBeChecked();
      await expect(dialog.getByText(s.imports.createCustomersHint)).toBeVisible();
      await expect(dialog.getByText(s.imports.onErrorStopHint)).toBeVisible();
      await create.check();
      await dialog.getByTestId('start-import').click();
      const report = dialog.getByTestId('import-report');
      await expect(report).toBeVisible();
      await expect(report.getByText(s.imports.doneTitle)).toBeVisible();
      await expect(dialog.getByTestId('import-created')).toContainText('4');
      await expect(dialog.getByTestId('import-skipped')).toContainText('2');
      await expect(dialog.getByTestId('import-errors').getByRole('row')).toHaveCount(3);
      // Each problem in the reader's language, on the line of the file.
      await expect(dialog.getByTestId('import-errors').getByRole('row').last()).toContainText(
        `7${fill(s.imports.problems.values.invalid_date, { field: s.imports.fields.receivedAt, value: c.badDate })}`,
      );
      await dialog.getByTestId('import-done').click();
      await expect(dialog).toBeHidden();
      await expect(inbox.rows()).toHaveCount(4);
      await expect(page.getByTestId('insight-count')).toHaveText(fill(s.insights.loaded_other, { count: 4 }));

      // Triage: the newest insight has the focus; x selects, j moves, e marks triaged.
      await expect(inbox.focusedRow()).toContainText(c.newest);
      await inbox.press('x', 'j');
      await expect(inbox.focusedRow()).toContainText(c.second);
      await inbox.press('x');
      await expect(page.getByTestId('bulk-bar')).toContainText(fill(s.insights.selected_other, { count: 2 }));
      await inbox.press('e');
      await expect(page.locator('[data-testid="insight-row"][data-status="triaged"]')).toHaveCount(2);
      await expect(page.getByTestId('bulk-bar')).toBeHidden();

      // a archives the focused insight: it leaves the inbox and the next one takes the focus.
      await inbox.press('j');
      await expect(inbox.focusedRow()).toContainText(c.archived);
      await inbox.press('a');
      await expect(inbox.row(c.archived)).toHaveCount(0);
      await expect(inbox.rows()).toHaveCount(3);
      await expect(inbox.focusedRow()).toContainText(c.linked);
      await expect(inbox.detail()).toContainText(c.linked);

      // l links it to a feature created on the spot, with a quote and an importance.
      await inbox.press('l');
      const link = inbox.linkDialog();
      await expect(link).toBeVisible();
      await link.getByTestId('feature-picker').fill(c.feature);
      await page.getByRole('option', { name: fill(s.insights.link.create, { title: c.feature }) }).click();
      await expect(link.getByTestId('feature-picker')).toHaveValue(c.feature);
      await link.getByRole('textbox', { name: s.insights.link.highlight }).fill(c.quote);
      await link.getByText(s.discovery.importance.critical, { exact: true }).click();
      await link.getByTestId('confirm-link').click();
      await expect(link).toBeHidden();
      await expect(inbox.row(c.linked)).toHaveAttribute('data-status', 'linked');
      await expect(inbox.detail().getByTestId('linked-count')).toHaveText(fill(s.insights.detail.linkedCount_one, { count: 1 }));

      // The feature shows its evidence: one insight, one customer, the quote. (Keyboard again:
      // the confirmations may still cover the bottom of the pane.)
      await inbox.detail().getByRole('link', { name: c.feature }).focus();
      await page.keyboard.press('Enter');
      const feature = new FeaturePage(page, s);
      await expect(feature.title(c.feature)).toBeVisible();
      await expect(feature.evidence()).toBeVisible();
      await feature.expectCounts(1, 1);
      await expect(feature.quotes()).toHaveCount(1);
      await expect(feature.quotes().first()).toContainText(fill(s.features.evidence.quoted, { text: c.quote }));
      await expect(feature.quotes().first()).toContainText(c.customer);
      await expect(feature.quotes().first()).toContainText(s.discovery.importance.critical);
      await expect(page.getByRole('heading', { name: s.features.evidence.quotes })).toBeVisible();
    });
  });
}

/** Roles: a contributor triages but does not link or import; a viewer reads the inbox and changes nothing. */
test('the inbox offers each role only what it may do', async ({ s, api, workspace, browser, baseURL }) => {
  const feature = await api.createFeature(workspace.slug, { title: 'Offline mode' });
  const first = await api.createInsight(workspace.slug, { text: 'Works offline in the basement, please.', source: 'interview' });
  await api.linkInsight(workspace.slug, feature.id, { insightId: first.id });
  await api.createInsight(workspace.slug, { text: 'Sync takes too long on 3G.', source: 'support' });

  const join = async (role: 'contributor' | 'viewer') => {
    const { inviteToken } = await api.invite(workspace.slug, `${role}.${Date.now()}@example.com`, role);
    const context = await browser.newContext({ baseURL, locale: 'en-US' });
    const response = await context.request.post(`${baseURL}/api/v1/invitations/${inviteToken}/accept`, {
      data: { name: `A ${role}`, password: 'long enough password' },
    });
    expect(response.ok()).toBe(true);
    return context;
  };

  // Contributor: triage yes (new insight, selection, e), link and import no.
  const contributor = await join('contributor');
  const cPage = await contributor.newPage();
  const cInbox = new InsightsPage(cPage, s);
  await cInbox.goto(workspace.slug);
  await expect(cInbox.rows()).toHaveCount(2);
  await expect(cPage.getByRole('button', { name: s.insights.new })).toBeVisible();
  await expect(cPage.getByRole('button', { name: s.insights.import })).toHaveCount(0);
  await expect(cInbox.detail().getByRole('button', { name: s.insights.linkToFeature })).toHaveCount(0);
  await cInbox.press('l');
  await expect(cInbox.linkDialog()).toHaveCount(0);
  await expect(cInbox.focusedRow()).toContainText('Sync takes too long');
  await cInbox.press('e');
  await expect(cInbox.focusedRow()).toHaveAttribute('data-status', 'triaged');
  await contributor.close();

  // Viewer: reads the inbox and the evidence; no checkboxes, no actions, keys do nothing.
  const viewer = await join('viewer');
  const vPage = await viewer.newPage();
  const vInbox = new InsightsPage(vPage, s);
  await vInbox.goto(workspace.slug);
  await expect(vInbox.rows()).toHaveCount(2);
  await expect(vPage.getByRole('button', { name: s.insights.new })).toHaveCount(0);
  await expect(vInbox.rows().first().getByRole('checkbox')).toHaveCount(0);
  await expect(vInbox.detail().getByRole('combobox').first()).toBeDisabled();
  await vInbox.press('a');
  await expect(vInbox.rows()).toHaveCount(2);
  await vPage.goto(`/w/${workspace.slug}/features/${feature.id}`);
  await expect(vPage.getByTestId('evidence-insights')).toContainText('1');
  await expect(vPage.getByRole('button', { name: s.features.evidence.unlinkNamed })).toHaveCount(0);
  await viewer.close();
});

/**
 * Merging "likely duplicates" from two customers: the hit says whose feedback it is, the
 * merge asks first and says which feature loses which customer, and it can be undone.
 */
test('a merge that would drop a customer is confirmed first, and undone', async ({ page, s, api, workspace }) => {
  const acme = await api.createCustomer(workspace.slug, { name: 'Acme Retail', revenue: 1000, currency: 'USD' });
  const dupont = await api.createCustomer(workspace.slug, { name: 'Boulangerie Dupont', revenue: 99, currency: 'EUR' });
  const feature = await api.createFeature(workspace.slug, { title: 'Roadmap PDF export' });
  const kept = await api.createInsight(workspace.slug, {
    text: 'Exporting the roadmap as a PDF would save us hours every week',
    source: 'sales',
    customerId: acme.id,
  });
  const duplicate = await api.createInsight(workspace.slug, {
    text: 'Exporting the roadmap as PDF would save us hours each week',
    source: 'support',
    customerId: dupont.id,
  });
  await api.linkInsight(workspace.slug, feature.id, { insightId: kept.id });
  await api.linkInsight(workspace.slug, feature.id, { insightId: duplicate.id });
  expect(await api.evidence(workspace.slug, feature.id)).toMatchObject({ customerCount: 2 });

  await page.goto(`/w/${workspace.slug}/insights?insight=${kept.id}`);
  const detail = new InsightsPage(page, s).detail();
  const hit = detail.getByTestId('similar-list').locator('> div').filter({ hasText: 'Exporting the roadmap as PDF' });
  await expect(hit.getByTestId('similar-customer')).toContainText('Boulangerie Dupont');
  await expect(hit.getByText(s.insights.detail.otherCustomer)).toBeVisible();

  // Asked first: the consequence is spelled out, and cancelling changes nothing.
  await hit.getByRole('button', { name: s.insights.detail.merge }).click();
  const confirm = page.getByRole('dialog', { name: s.insights.detail.mergeConfirmTitle });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(fill(s.insights.detail.mergeConfirmFeatures_one, { dropped: 'Boulangerie Dupont' }));
  await expect(confirm.getByRole('listitem')).toHaveText(['Roadmap PDF export']);
  await expect(confirm.getByRole('button', { name: s.common.cancel })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  expect(await api.evidence(workspace.slug, feature.id)).toMatchObject({ customerCount: 2 });

  await hit.getByRole('button', { name: s.insights.detail.merge }).click();
  await confirm.getByRole('button', { name: s.insights.detail.mergeAnyway }).click();
  await expect(confirm).toBeHidden();
  const toast = page.getByRole('alert').filter({ hasText: s.insights.detail.merged });
  await expect(toast).toBeVisible();
  await expect.poll(async () => (await api.evidence(workspace.slug, feature.id)).customerCount).toBe(1);
  await expect(detail.locator('[data-insight-text]')).toContainText('Boulangerie Dupont');

  // Undo: both customers count again.
  await toast.getByRole('button', { name: s.insights.undo }).click();
  await expect(page.getByText(s.insights.detail.mergeUndone)).toBeVisible();
  const back = await api.evidence(workspace.slug, feature.id);
  expect(back).toMatchObject({ insightCount: 2, customerCount: 2 });
  expect(back.revenue).toHaveLength(2);
  await expect(detail.locator('[data-insight-text]')).not.toContainText('Boulangerie Dupont');
});

/** Windows-1252 bytes of a text (what Excel saves as "CSV" in Western Europe). */
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (code > 0xff) throw new Error(`not in this fixture's Latin-1 range: ${c}`);
      return code;
    }),
  );
}

/**
 * A CSV saved by a French Excel, in Windows-1252: the wizard decodes it as the server does,
 * so "Société" is previewed and mapped by its name, and the import finds the customers.
 */
test.describe('fr-FR', () => {
  test.use({ locale: 'fr-FR' });

  test('a Windows-1252 file is previewed, mapped and imported with its accents', async ({ page, s, api, workspace }) => {
    await api.createCustomer(workspace.slug, { name: 'Boulangerie Dupont' });
    await api.createCustomer(workspace.slug, { name: 'Café du Coin' });
    const csv = [
      'Réf;Commentaire;Société;Date',
      'L-1;"La recherche ne trouve pas les mots accentués comme « café »";Boulangerie Dupont;03/03/2026',
      'L-2;"Un thème sombre pour le portail, ça reposerait les yeux";Café du Coin;06/03/2026',
    ].join('\r\n');
    const inbox = new InsightsPage(page, s);
    await inbox.goto(workspace.slug);
    const dialog = await inbox.importFromEmptyState({ name: 'retours-excel.csv', mimeType: 'text/csv', buffer: windows1252(csv) });

    await expect(dialog.getByTestId('import-encoding')).toHaveText(s.imports.readAsWindows1252);
    const table = dialog.getByTestId('mapping-table');
    await expect(table).toContainText('Société');
    await expect(table).toContainText('accentués comme « café »');
    await expect(table).not.toContainText('\ufffd');
    await expect(dialog.getByTestId('map-Société')).toHaveValue(s.imports.fields.customer);
    await expect(dialog.getByTestId('map-Commentaire')).toHaveValue(`${s.imports.fields.text} (${s.imports.required})`);
    await expect(dialog.getByTestId('map-Réf')).toHaveValue(s.imports.fields.externalId);
    await expect(dialog.getByTestId('start-import')).toHaveText(fill(s.imports.start_other, { count: 4 }));

    await dialog.getByTestId('start-import').click();
    await expect(dialog.getByTestId('import-report')).toBeVisible();
    await expect(dialog.getByTestId('import-created')).toContainText('2');
    await expect(dialog.getByTestId('import-skipped')).toContainText('0');
    await dialog.getByTestId('import-done').click();
    await expect(inbox.rows()).toHaveCount(2);
    await expect(inbox.row('accentués comme « café »')).toContainText('Boulangerie Dupont');
    await expect(inbox.row('Un thème sombre')).toContainText('Café du Coin');
  });
});

/** Search marks what matched: accented words found without accents, and the title when only the title matched. */
test('search highlights accented matches and titles', async ({ page, api, workspace }) => {
  await api.createFeature(workspace.slug, { title: 'Crème brûlée dashboard' });
  await api.createInsight(workspace.slug, {
    text: 'The menu says crème but the checkout page prints it without the accent',
    source: 'support',
  });
  await page.goto(`/w/${workspace.slug}/search?q=creme`);
  const hits = page.getByTestId('search-hit');
  await expect(hits).toHaveCount(2);
  const feature = hits.filter({ hasText: 'dashboard' });
  await expect(feature.getByRole('link').locator('mark')).toHaveText('Crème');
  // Only the title matched: it is not repeated as a snippet.
  await expect(feature.locator('mark')).toHaveCount(1);
  const insight = hits.filter({ hasText: 'checkout' });
  await expect(insight.getByRole('link').locator('mark')).toHaveText('crème');
});

/** A feature's owner is set on its page among the members, shown in the list, and filtered on. */
test('features have an owner, set on the page and filtered on in the list', async ({ page, s, api, workspace, browser, baseURL }) => {
  const { inviteToken } = await api.invite(workspace.slug, `po.${Date.now()}@example.com`, 'product_owner');
  const other = await browser.newContext({ baseURL });
  const accepted = await other.request.post(`${baseURL}/api/v1/invitations/${inviteToken}/accept`, {
    data: { name: 'Paula Product', password: 'long enough password' },
  });
  expect(accepted.ok()).toBe(true);
  await other.close();
  const owned = await api.createFeature(workspace.slug, { title: 'Offline mode' });
  await api.createFeature(workspace.slug, { title: 'Dark theme' });

  await page.goto(`/w/${workspace.slug}/features/${owned.id}`);
  // The hint points at the Evidence card by name (it sits above the description).
  await expect(page.getByText(s.features.noDescriptionHint)).toBeVisible();
  const picker = page.getByRole('combobox', { name: s.features.owner });
  await expect(picker).toHaveAttribute('placeholder', s.features.noOwner);
  // From the keyboard: type part of the name, then Enter.
  await picker.focus();
  await page.keyboard.type('Paula');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue('Paula Product');
  await page.reload();
  await expect(page.getByRole('combobox', { name: s.features.owner })).toHaveValue('Paula Product');

  await page.goto(`/w/${workspace.slug}/features`);
  const rows = page.getByTestId('features-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Offline mode' }).getByTestId('feature-owner-cell')).toHaveText('Paula Product');
  await expect(rows.filter({ hasText: 'Dark theme' }).getByTestId('feature-owner-cell')).toHaveText('—');
  const filter = page.getByRole('combobox', { name: s.features.filterOwner });
  await filter.click();
  await page.getByRole('option', { name: 'Paula Product' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Offline mode');
  await expect(page).toHaveURL(/owner=/);
  await page.getByRole('option', { name: s.features.noOwner }).click();
  await expect(rows).toHaveCount(2);
  await page.getByRole('option', { name: 'Paula Product' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Dark theme');
});

/** A highlight quotes the feedback: words that are not in it are flagged before they reach the server. */
test('a link’s quote must come from the feedback', async ({ page, s, api, workspace }) => {
  const feature = await api.createFeature(workspace.slug, { title: 'Roadmap PDF export' });
  await api.createInsight(workspace.slug, { text: 'Exporting the roadmap as a PDF takes forever', source: 'support' });
  const inbox = new InsightsPage(page, s);
  await inbox.goto(workspace.slug);
  await expect(inbox.focusedRow()).toContainText('Exporting the roadmap');
  await inbox.press('l');
  const link = inbox.linkDialog();
  await link.getByTestId('feature-picker').fill('Roadmap PDF');
  await page.getByRole('option', { name: 'Roadmap PDF export' }).click();
  const quote = link.getByRole('textbox', { name: s.insights.link.highlight });
  await quote.fill('takes ages');
  await expect(link.getByText(s.insights.link.highlightNotInText)).toBeVisible();
  await expect(link.getByTestId('confirm-link')).toBeDisabled();
  await quote.fill('roadmap as a PDF');
  await expect(link.getByText(s.insights.link.highlightNotInText)).toHaveCount(0);
  await link.getByTestId('confirm-link').click();
  await expect(link).toBeHidden();
  expect(await api.evidence(workspace.slug, feature.id)).toMatchObject({ insightCount: 1 });
});

/** Counts in the wizard read right in the singular too. */
test('the import wizard counts one column and one row in the singular', async ({ page, s, workspace }) => {
  const inbox = new InsightsPage(page, s);
  await inbox.goto(workspace.slug);
  const file = { name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from('Feedback\nDark mode, please\n') };
  const dialog = await inbox.importFromEmptyState(file);
  await expect(dialog.getByTestId('start-import')).toHaveText(fill(s.imports.start_one, { count: 1 }));
  await expect(dialog.getByText(s.imports.previewCaption_one)).toBeVisible();
});

/** The inbox's segment filter ignores case: "enterprise" finds the Enterprise customers' feedback. */
test('the segment filter ignores case', async ({ page, s, api, workspace }) => {
  const acme = await api.createCustomer(workspace.slug, { name: 'Acme Retail', segment: 'Enterprise' });
  const shop = await api.createCustomer(workspace.slug, { name: 'Corner Shop', segment: 'SMB' });
  await api.createInsight(workspace.slug, { text: 'Audit log for every change', source: 'sales', customerId: acme.id });
  await api.createInsight(workspace.slug, { text: 'Cheaper plan for two people', source: 'sales', customerId: shop.id });
  const inbox = new InsightsPage(page, s);
  await page.goto(`/w/${workspace.slug}/insights?segment=enterprise`);
  await expect(inbox.heading()).toBeVisible();
  await expect(inbox.rows()).toHaveCount(1);
  await expect(inbox.rows().first()).toContainText('Audit log');
});

/**
 * The inbox loads 200 at a time but says how many match, and "select all" can take every
 * matching insight, not only the loaded ones; archiving them all can be undone.
 */
test('the inbox counts every matching insight and acts on all of them', async ({ page, s, api, workspace }) => {
  const rows = Array.from({ length: 205 }, (_, i) => `Calendar sync request number ${i + 1}`);
  await api.importCsv(workspace.slug, { kind: 'insights', mapping: { text: 'text' }, csv: ['text', ...rows].join('\n') });
  const inbox = new InsightsPage(page, s);
  await inbox.goto(workspace.slug);
  await expect(page.getByTestId('insight-count')).toHaveText(fill(s.insights.total_other, { number: 205 }));

  await page.getByRole('checkbox', { name: s.insights.selectAll }).check();
  const banner = page.getByTestId('select-all-banner');
  await expect(banner).toContainText(fill(s.insights.allLoadedSelected_other, { number: 200 }));
  await banner.getByRole('button', { name: fill(s.insights.selectAllMatching_other, { number: 205 }) }).click();
  await expect(banner).toContainText(fill(s.insights.allMatchingSelected_other, { number: 205 }));
  await expect(page.getByTestId('selected-count')).toHaveText(fill(s.insights.selectedAllMatching_other, { number: 205 }));

  await page.getByTestId('bulk-bar').getByRole('button', { name: s.insights.archive }).click();
  const toast = page.getByRole('alert').filter({ hasText: fill(s.insights.archived_other, { count: 205 }) });
  await expect(toast).toBeVisible();
  await expect(inbox.rows()).toHaveCount(0);
  await expect(page.getByTestId('insight-count')).toHaveText(fill(s.insights.total_other, { number: 0 }));

  await toast.getByRole('button', { name: s.insights.undo }).click();
  await expect(page.getByText(s.insights.undone)).toBeVisible();
  await expect(page.getByTestId('insight-count')).toHaveText(fill(s.insights.total_other, { number: 205 }));
});
