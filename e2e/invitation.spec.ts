import { InvitePage } from './pages/auth-pages.js';
import { MembersPage } from './pages/members-page.js';
import { ProductsPage } from './pages/products-page.js';
import { STRINGS } from './pages/strings.js';
import { uid } from './support/api.js';
import { expect, test } from './support/fixtures.js';

/**
 * Journey (c): the owner invites a viewer; the invitee opens the link in their own browser,
 * sets a password, lands in the workspace with their role, and cannot create products.
 */
test('an invited viewer joins with a password and sees the workspace read-only', async ({ page, s, api, workspace, browser, baseURL }) => {
  await api.createProduct(workspace.slug, { name: 'Atlas', vision: 'Maps for every team.' });
  const members = new MembersPage(page, s);
  await members.goto(workspace.slug);

  const email = `viewer.${uid()}@example.com`;
  const link = await members.invite(email, s.roles.viewer.label, workspace.name);
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{16,}$/);
  await expect(members.row(email)).toContainText(s.members.invited);

  // The invitee: a different browser context (nobody signed in), same server.
  const inviteeContext = await browser.newContext({ baseURL, locale: 'en-US' });
  const invitee = await inviteeContext.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole('heading', { name: `Join ${workspace.name}` })).toBeVisible();
  await expect(invitee.getByText(s.roles.viewer.label, { exact: true })).toBeVisible();
  await new InvitePage(invitee, STRINGS.en).join({ name: 'Vera Viewer', password: 'read-only-please' });

  // In the workspace, with the viewer role, and nothing to create products with.
  const products = new ProductsPage(invitee, STRINGS.en);
  await expect(invitee).toHaveURL(new RegExp(`/w/${workspace.slug}/products$`));
  await expect(products.heading()).toBeVisible();
  await expect(invitee.getByTestId('workspace-switcher')).toContainText(workspace.name);
  await expect(invitee.getByTestId('workspace-switcher')).toContainText(s.roles.viewer.label);
  await expect(products.productLink('Atlas')).toBeVisible();
  await expect(products.newProductButton()).toHaveCount(0);
  await invitee.keyboard.press('n');
  await expect(products.dialog()).toHaveCount(0);

  // The product page offers no edits either.
  await products.productLink('Atlas').click();
  await expect(invitee.getByRole('heading', { level: 1, name: 'Atlas' })).toBeVisible();
  await expect(invitee.getByTestId('move-stage')).toHaveCount(0);
  await expect(invitee.getByRole('button', { name: s.common.edit })).toHaveCount(0);
  await expect(invitee.getByRole('checkbox').first()).toBeDisabled();

  // The owner now sees them as an active member.
  await page.reload();
  await expect(members.row(email)).toContainText('Vera Viewer');
  await expect(members.row(email)).not.toContainText(s.members.invited);
  await inviteeContext.close();
});
