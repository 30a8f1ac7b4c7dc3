import { expect, type Page } from '@playwright/test';
import type { Strings } from './strings.js';

/** The frame around signed-in screens: navigation, workspace switcher, user menu, palette. */
export class Shell {
  constructor(
    readonly page: Page,
    readonly s: Strings,
  ) {}

  nav() {
    return this.page.getByRole('navigation', { name: this.s.shell.mainNavigation });
  }

  async go(label: string) {
    await this.nav().getByRole('link', { name: label, exact: true }).click();
  }

  workspaceSwitcher() {
    return this.page.getByTestId('workspace-switcher');
  }

  /** Opens the switcher and picks a workspace by its name. */
  async switchWorkspace(name: string) {
    await this.workspaceSwitcher().click();
    await this.page.getByRole('menuitem', { name, exact: true }).click();
  }

  userMenu() {
    return this.page.getByTestId('user-menu');
  }

  /** Picks an entry of the account menu: a language ('Français') or a theme ('Dark'). */
  async choosePreference(label: string) {
    await this.userMenu().click();
    await this.page.getByRole('menuitem', { name: label, exact: true }).click();
  }

  async openPalette() {
    await this.page.keyboard.press('Control+K');
    const search = this.page.getByPlaceholder(this.s.palette.placeholder);
    await expect(search).toBeVisible();
    return search;
  }

  async runCommand(query: string, action: string) {
    const search = await this.openPalette();
    await search.fill(query);
    await this.page.getByRole('button', { name: action }).first().click();
  }

  async signOut() {
    await this.userMenu().click();
    await this.page.getByTestId('sign-out').click();
  }
}
