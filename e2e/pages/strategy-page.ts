import { expect, type Locator, type Page } from '@playwright/test';
import type { Strings } from './strings.js';

/** The strategy page (alignment tree), the objective page and its forms. */
export class StrategyPage {
  constructor(
    readonly page: Page,
    readonly s: Strings,
  ) {}

  async goto(workspace: string, search = '') {
    await this.page.goto(`/w/${workspace}/strategy${search}`);
    await expect(this.page.getByRole('heading', { level: 1, name: this.s.strategy.title })).toBeVisible();
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** Picks an option of a Mantine Select by typing part of it. */
  async pick(select: Locator, typed: string, option: string | RegExp) {
    await select.click();
    await select.fill(typed);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Fills the objective form in the open dialog and saves it. */
  async fillObjective(options: { title: string; kind?: 'quarter' | 'half' | 'year'; parent?: string; product?: string }) {
    const dialog = this.dialog();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: this.s.strategy.form.title, exact: true }).fill(options.title);
    if (options.kind)
      await dialog
        .getByRole('radiogroup', { name: this.s.strategy.period.kind })
        .getByText(this.s.strategy.period.kinds[options.kind], { exact: true })
        .click();
    if (options.parent) await this.pick(dialog.getByTestId('parent-picker'), options.parent, new RegExp(options.parent));
    if (options.product)
      await this.pick(dialog.getByLabel(this.s.strategy.form.product, { exact: true }), options.product, options.product);
    await dialog.getByTestId('save-objective').click();
    await expect(dialog).toBeHidden();
  }

  title(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  rows() {
    return this.page.getByTestId('objective-row');
  }

  row(title: string) {
    return this.rows().filter({ hasText: title });
  }

  keyResults() {
    return this.page.getByTestId('key-result');
  }

  keyResult(title: string) {
    return this.keyResults().filter({ hasText: title });
  }

  async addKeyResult(kr: { title: string; baseline: string; target: string; unit?: string }) {
    await this.page.getByTestId('add-key-result').click();
    const form = this.page.getByRole('form', { name: this.s.strategy.keyResults.add });
    await form.getByRole('textbox', { name: this.s.strategy.keyResults.name, exact: true }).fill(kr.title);
    await form.getByRole('textbox', { name: this.s.strategy.keyResults.baseline, exact: true }).fill(kr.baseline);
    await form.getByRole('textbox', { name: this.s.strategy.keyResults.target, exact: true }).fill(kr.target);
    if (kr.unit) await form.getByRole('textbox', { name: this.s.strategy.keyResults.unit, exact: true }).fill(kr.unit);
    await form.getByTestId('save-key-result').click();
    await expect(form).toBeHidden();
    await expect(this.keyResult(kr.title)).toBeVisible();
  }

  /** Types a key result's current value and confirms with Enter. */
  async setCurrent(title: string, value: string) {
    const input = this.keyResult(title).getByTestId('kr-current');
    await input.fill(value);
    await input.press('Enter');
  }

  features() {
    return this.page.getByTestId('objective-feature');
  }

  async linkFeature(title: string) {
    await this.pick(this.page.getByTestId('feature-link-picker'), title.slice(0, 8), title);
    await expect(this.features().filter({ hasText: title })).toBeVisible();
  }
}
