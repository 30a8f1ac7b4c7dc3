import { expect, type Page } from '@playwright/test';
import type { Strings } from './strings.js';

export class SetupPage {
  constructor(
    readonly page: Page,
    readonly s: Strings,
  ) {}

  async goto() {
    await this.page.goto('/');
    await expect(this.page).toHaveURL(/\/setup$/);
  }

  heading() {
    return this.page.getByRole('heading', { name: this.s.setup.title });
  }

  async createOwner(user: { name: string; email: string; password: string }) {
    await this.page.getByRole('textbox', { name: this.s.auth.name, exact: true }).fill(user.name);
    await this.page.getByRole('textbox', { name: this.s.auth.email, exact: true }).fill(user.email);
    await this.page.getByRole('textbox', { name: this.s.auth.password, exact: true }).fill(user.password);
    await this.page.getByRole('button', { name: this.s.setup.submit }).click();
  }
}

export class LoginPage {
  constructor(
    readonly page: Page,
    readonly s: Strings,
  ) {}

  async goto() {
    await this.page.goto('/login');
  }

  heading() {
    return this.page.getByRole('heading', { name: this.s.login.title });
  }

  async signIn(user: { email: string; password: string }) {
    await expect(this.heading()).toBeVisible();
    await this.page.getByRole('textbox', { name: this.s.auth.email, exact: true }).fill(user.email);
    await this.page.getByRole('textbox', { name: this.s.auth.password, exact: true }).fill(user.password);
    await this.page.getByRole('button', { name: this.s.login.submit }).click();
  }
}

/** Signed in, no workspace yet: the "create your first workspace" screen. */
export class FirstWorkspacePage {
  constructor(
    readonly page: Page,
    readonly s: Strings,
  ) {}

  async create(name: string) {
    await this.page.getByRole('textbox', { name: this.s.workspace.name, exact: true }).fill(name);
    await this.page.getByRole('button', { name: this.s.workspace.create }).click();
  }
}

export class InvitePage {
  constructor(
    readonly page: Page,
    readonly s: Strings,
  ) {}

  async join(user: { name: string; password: string }) {
    await this.page.getByRole('textbox', { name: this.s.auth.name, exact: true }).fill(user.name);
    await this.page.getByRole('textbox', { name: this.s.invite.choosePassword, exact: true }).fill(user.password);
    await this.page.getByRole('button', { name: this.s.invite.join }).click();
  }
}
