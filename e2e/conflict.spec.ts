import { expect, test } from './support/fixtures.js';

/** Concurrent edits are never silently lost: a stale save shows the conflict and the choice. */
test('saving a vision someone else changed meanwhile shows the conflict instead of overwriting', async ({ page, s, api, workspace }) => {
  const product = await api.createProduct(workspace.slug, { name: 'Harbor', vision: 'First words.' });
  await page.goto(`/w/${workspace.slug}/products/${product.id}`);
  const vision = page.getByRole('region', { name: s.product.vision });
  await vision.getByRole('button', { name: s.common.edit }).click();
  await vision.getByRole('textbox', { name: s.product.vision }).fill('My words.');

  // Someone else saves first.
  await api.updateProduct(workspace.slug, product.id, product.version, { vision: 'Their words.' });

  await vision.getByRole('button', { name: s.common.save }).click();
  const conflict = vision.getByTestId('conflict-alert');
  await expect(conflict).toContainText(s.conflict.title);
  await expect(vision.getByRole('textbox', { name: s.product.vision })).toHaveValue('My words.');

  // Taking the latest version shows their words; nothing of mine was written.
  await conflict.getByRole('button', { name: s.conflict.reload }).click();
  await expect(vision.getByText('Their words.')).toBeVisible();
});
