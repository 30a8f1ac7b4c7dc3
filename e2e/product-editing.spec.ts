import { ProductPage } from './pages/product-page.js';
import { ProductsPage } from './pages/products-page.js';
import { fill, startsWith } from './pages/strings.js';
import { expect, test } from './support/fixtures.js';

test('segments, stage-gate ticks, archive and restore are saved and listed', async ({ page, s, api, workspace }) => {
  const created = await api.createProduct(workspace.slug, { name: 'Lighthouse' });
  await page.goto(`/w/${workspace.slug}/products/${created.id}`);
  const product = new ProductPage(page, s);
  await expect(product.title('Lighthouse')).toBeVisible();

  // Target segments.
  const segments = page.getByRole('region', { name: s.product.segments });
  await segments.getByRole('button', { name: s.common.edit }).click();
  await segments.getByRole('textbox', { name: s.product.segmentName }).fill('Harbour masters');
  await segments.getByRole('textbox', { name: s.product.segmentDescription }).fill('Guide ships at night.');
  await segments.getByRole('button', { name: s.common.save }).click();
  await expect(segments.getByText('Harbour masters')).toBeVisible();
  await expect(segments.getByText('Guide ships at night.')).toBeVisible();

  // A stage-gate tick saves at once and survives a reload.
  await product.tick(s.gates.conception.problem_validated);
  await expect(product.history().getByText(fill(s.activity.ticked, { item: s.gates.conception.problem_validated }))).toBeVisible();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: s.gates.conception.problem_validated })).toBeChecked();

  // Archive: gone from the active list, present under "Archived"; then restore.
  await page.getByRole('button', { name: s.product.moreActions }).click();
  await page.getByRole('menuitem', { name: s.product.archive }).click();
  await expect(page.getByText(s.product.archivedTitle)).toBeVisible();
  const products = new ProductsPage(page, s);
  await products.goto(workspace.slug);
  await expect(page.getByText(s.products.emptyTitle)).toBeVisible();
  await products.showOnly(s.products.showArchived);
  await expect(products.productLink('Lighthouse')).toBeVisible();
  await products.productLink('Lighthouse').click();
  await page.getByRole('button', { name: s.product.restore }).first().click();
  await expect(page.getByText(s.product.archivedTitle)).toBeHidden();
});

test('the stage dialog explains moves the rules refuse, and asks for a note to go back', async ({ page, s, api, workspace }) => {
  const created = await api.createProduct(workspace.slug, { name: 'Quay', stage: 'launch' });
  await page.goto(`/w/${workspace.slug}/products/${created.id}`);
  await page.getByTestId('move-stage').click();
  const dialog = new ProductPage(page, s).moveDialog('Quay');

  // Two stages back is refused, with the reason shown next to it.
  const conception = dialog.getByRole('radio', { name: startsWith(s.stages.conception) });
  await expect(conception).toBeDisabled();
  await expect(conception).toContainText(s.lifecycle.refusal.backward_more_than_one);

  // One stage back is possible, but only with a note.
  await dialog.getByRole('radio', { name: startsWith(s.stages.build) }).check();
  const confirm = dialog.getByTestId('confirm-move-stage');
  await expect(confirm).toBeDisabled();
  await expect(dialog.getByRole('status')).toContainText(s.lifecycle.refusal.note_required);
  await dialog.getByRole('textbox', { name: s.lifecycle.note }).fill('Launch postponed: payment provider not ready.');
  await expect(confirm).toBeEnabled();

  // Moving forward warns about open checklist items of the current stage.
  await dialog.getByRole('radio', { name: startsWith(s.stages.growth) }).check();
  await expect(dialog.getByText(s.gates.launch.success_metrics_defined)).toBeVisible();
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('stage-history')).toContainText(
    fill(s.lifecycle.leftOpen, { items: `${s.gates.launch.launch_checklist_done}, ${s.gates.launch.success_metrics_defined}` }),
  );
});

test('deleting a product asks to type its name, and offers archiving instead', async ({ page, s, api, workspace }) => {
  const created = await api.createProduct(workspace.slug, { name: 'Breakwater' });
  await page.goto(`/w/${workspace.slug}/products/${created.id}`);
  await page.getByRole('button', { name: s.product.moreActions }).click();
  await page.getByRole('menuitem', { name: s.product.delete }).click();
  const dialog = page.getByRole('dialog', { name: fill(s.product.deleteTitle, { name: 'Breakwater' }) });
  const confirm = dialog.getByRole('button', { name: s.product.deleteForGood });
  await expect(confirm).toBeDisabled();
  await expect(dialog.getByRole('button', { name: s.product.archiveInstead })).toBeVisible();
  await dialog.getByRole('textbox').fill('Breakwater');
  await confirm.click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/products$`));
  await expect(page.getByText(s.products.emptyTitle)).toBeVisible();
});
