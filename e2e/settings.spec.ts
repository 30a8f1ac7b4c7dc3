import { fill } from './pages/strings.js';
import { uid } from './support/api.js';
import { expect, test } from './support/fixtures.js';

test('renaming the workspace and its address moves the page to the new address', async ({ page, s, workspace }) => {
  await page.goto(`/w/${workspace.slug}/settings`);
  const slug = `renamed-${uid()}`;
  await page.getByRole('textbox', { name: s.workspace.name, exact: true }).fill('Acme Renamed');
  await page.getByRole('textbox', { name: s.workspace.slug, exact: true }).fill(slug);
  await page.getByRole('button', { name: s.common.saveChanges }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/settings$`));
  await expect(page.getByTestId('workspace-switcher')).toContainText('Acme Renamed');
});

test('an API token is shown once, works, and can be revoked', async ({ page, s, api: _signedIn, baseURL }) => {
  await page.goto('/settings/tokens');
  const name = `CLI ${uid()}`;
  await page.getByRole('textbox', { name: s.tokens.name, exact: true }).fill(name);
  await page.getByRole('button', { name: s.tokens.createButton }).click();
  const secret = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(secret.length).toBeGreaterThan(20);

  // The token authenticates API calls on its own.
  const response = await page.request.fetch(`${baseURL}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}`, cookie: '' } });
  expect(response.status()).toBe(200);

  await page.getByRole('button', { name: s.tokens.savedIt }).click();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  await page.getByRole('button', { name: fill(s.tokens.revokeNamed, { name }) }).click();
  await page.getByRole('dialog').getByRole('button', { name: s.tokens.revoke }).click();
  await expect(page.getByRole('cell', { name })).toHaveCount(0);
});
