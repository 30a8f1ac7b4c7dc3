import { expect, type Locator, type Page } from '@playwright/test';
import { enPrioritisation } from '../../src/web/i18n/en-prioritisation.js';
import { frPrioritisation } from '../../src/web/i18n/fr-prioritisation.js';

export type PrioritisationStrings = typeof enPrioritisation;
type ScreenStrings = PrioritisationStrings['prioritise'];
export const PRIORITISATION_STRINGS: Record<'en' | 'fr', PrioritisationStrings> = {
  en: enPrioritisation,
  fr: frPrioritisation as PrioritisationStrings,
};

export interface RiceInputs {
  reach: number;
  impact: number;
  /** In percent, as the screen shows it (100, 80, 50). */
  confidence: number;
  effort: number;
}

/** The ranked table of the prioritisation screen. */
export class PrioritisationPage {
  constructor(
    readonly page: Page,
    readonly p: ScreenStrings,
  ) {}

  async goto(workspace: string, framework?: string) {
    await this.page.goto(`/w/${workspace}/prioritise${framework ? `?framework=${framework}` : ''}`);
    await expect(this.page.getByTestId('ranked-table').or(this.page.locator('.mantine-EmptyState-root'))).toBeVisible();
  }

  rows() {
    return this.page.getByTestId('ranked-row');
  }

  row(title: string): Locator {
    return this.rows().filter({ has: this.page.getByTestId('feature-link').getByText(title, { exact: true }) });
  }

  /** Titles in the order the table shows them. */
  async order(): Promise<string[]> {
    return this.rows().getByTestId('feature-link').allInnerTexts();
  }

  /** Types RICE inputs into a row the way a person does: reach, confidence (in percent) and effort typed, impact chosen. */
  async scoreRice(title: string, inputs: RiceInputs) {
    await this.row(title).locator('input[data-field="reach"]').fill(String(inputs.reach));
    await this.row(title).locator('select[data-field="impact"]').selectOption(String(inputs.impact));
    await this.row(title).locator('input[data-field="confidence"]').fill(String(inputs.confidence));
    await this.row(title).locator('input[data-field="effort"]').fill(String(inputs.effort));
  }

  score(title: string) {
    return this.row(title).getByTestId('score');
  }

  /** Every edit saved: no row waiting, saving or in trouble. */
  async expectSaved() {
    await expect(this.page.locator('[data-testid="save-state"]:not([data-state="saved"])')).toHaveCount(0);
  }

  async explain(title: string) {
    await this.score(title).click();
    const panel = this.page.getByTestId('explanation');
    await expect(panel).toBeVisible();
    return panel;
  }
}
