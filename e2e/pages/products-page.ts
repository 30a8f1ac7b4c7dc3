import { expect, type Page } from '@playwright/test';
import type { Strings } from './strings.js';

export class ProductsPage {
  constructor(
    readonly page: Page,
    readonly s: Strings,
  ) {}

  async goto(workspace: string) {
    await this.page.goto(`/w/${workspace}/products`);
    await expect(this.heading()).toBeVisible();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.s.products.title });
  }

  newProductButton() {
    return this.page.getByRole('main').getByRole('button', { name: this.s.products.new });
  }

  dialog() {
    return this.page.getByRole('dialog', { name: this.s.products.createTitle });
  }

  async create(product: { name: string; vision?: string }) {
    await this.newProductButton().click();
    const dialog = this.dialog();
    await dialog.getByRole('textbox', { name: this.s.products.name, exact: true }).fill(product.name);
    if (product.vision) await dialog.getByRole('textbox', { name: this.s.products.vision, exact: true }).fill(product.vision);
    await dialog.getByRole('button', { name: this.s.products.create }).click();
  }

  /** Active / Archived / All: a segmented control (labels over visually hidden radios). */
  async showOnly(label: string) {
    await this.page.getByRole('radiogroup', { name: this.s.products.filterArchived }).getByText(label, { exact: true }).click();
  }

  productLink(name: string) {
    return this.page.getByRole('link', { name, exact: true });
  }
}
