import { expect, type Locator, type Page } from '@playwright/test';
import type { Strings } from './strings.js';

/** The insights inbox: list, detail pane, import wizard and the link dialog. */
export class InsightsPage {
  constructor(
    readonly page: Page,
    readonly s: Strings,
  ) {}

  async goto(workspace: string) {
    await this.page.goto(`/w/${workspace}/insights`);
    await expect(this.heading()).toBeVisible();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.s.insights.title });
  }

  rows() {
    return this.page.getByTestId('insight-row');
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }

  focusedRow() {
    return this.page.locator('[data-testid="insight-row"][data-focused]');
  }

  detail() {
    return this.page.getByTestId('insight-detail');
  }

  /** Keys go to the page, not to a field (as after clicking the list). */
  async press(...keys: string[]) {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  importDialog() {
    return this.page.getByRole('dialog', { name: this.s.imports.titleInsights });
  }

  /** Starts the import wizard from the empty inbox and uploads a file (a path, or bytes made by the test). */
  async importFromEmptyState(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.getByRole('button', { name: this.s.insights.importCsv }).last().click();
    const dialog = this.importDialog();
    await expect(dialog).toBeVisible();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await expect(dialog.getByTestId('mapping-table')).toBeVisible();
    return dialog;
  }

  linkDialog() {
    return this.page.getByRole('dialog', { name: this.s.insights.link.title });
  }
}
