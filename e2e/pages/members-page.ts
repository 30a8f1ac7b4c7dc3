import { expect, type Page } from '@playwright/test';
import { fill, type Strings, startsWith } from './strings.js';

export class MembersPage {
  constructor(
    readonly page: Page,
    readonly s: Strings,
  ) {}

  async goto(workspace: string) {
    await this.page.goto(`/w/${workspace}/members`);
    await expect(this.page.getByRole('heading', { level: 1, name: this.s.members.title })).toBeVisible();
  }

  /** Invites by email with a role (by its label) and returns the invitation link shown once. */
  async invite(email: string, roleLabel: string, workspaceName: string): Promise<string> {
    await this.page.getByRole('button', { name: this.s.members.invite }).click();
    const dialog = this.page.getByRole('dialog', { name: fill(this.s.members.inviteTitle, { workspace: workspaceName }) });
    await dialog.getByRole('textbox', { name: this.s.auth.email, exact: true }).fill(email);
    await dialog.getByRole('radio', { name: startsWith(roleLabel) }).check();
    await dialog.getByRole('button', { name: this.s.members.sendInvite }).click();
    const link = dialog.getByTestId('invite-link');
    await expect(link).toBeVisible();
    const url = await link.inputValue();
    await dialog.getByRole('button', { name: this.s.common.done }).click();
    return url;
  }

  row(text: string) {
    return this.page.getByTestId('member-row').filter({ hasText: text });
  }
}
