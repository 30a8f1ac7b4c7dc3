import { expect, type Page } from '@playwright/test';
import type { Strings } from './strings.js';

/** One feature with its evidence panel. */
export class FeaturePage {
  constructor(
    readonly page: Page,
    readonly s: Strings,
  ) {}

  title(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  evidence() {
    return this.page.getByRole('region', { name: this.s.features.evidence.title });
  }

  async expectCounts(insights: number, customers: number) {
    await expect(this.page.getByTestId('evidence-insights')).toContainText(String(insights));
    await expect(this.page.getByTestId('evidence-customers')).toContainText(String(customers));
  }

  quotes() {
    return this.page.getByTestId('evidence-quote');
  }
}
