import { expect, type Page } from '@playwright/test';
import { fill, type Strings, startsWith } from './strings.js';

export class ProductPage {
  constructor(
    readonly page: Page,
    readonly s: Strings,
  ) {}

  title(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  lifecycle() {
    return this.page.getByRole('region', { name: this.s.lifecycle.title });
  }

  stageHistory() {
    return this.page.getByTestId('stage-history');
  }

  history() {
    return this.page.getByRole('region', { name: this.s.product.activity });
  }

  moveDialog(productName: string) {
    return this.page.getByRole('dialog', { name: fill(this.s.lifecycle.moveTitle, { name: productName }) });
  }

  /** Opens "Move stage", picks the stage by its label, writes the note, confirms. */
  async moveStage(productName: string, stageLabel: string, note?: string) {
    await this.page.getByTestId('move-stage').click();
    const dialog = this.moveDialog(productName);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: startsWith(stageLabel) }).check();
    if (note) await dialog.getByRole('textbox', { name: this.s.lifecycle.note, exact: true }).fill(note);
    await dialog.getByTestId('confirm-move-stage').click();
    await expect(dialog).toBeHidden();
  }

  async tick(item: string) {
    await this.page.getByRole('checkbox', { name: item }).check();
  }
}
