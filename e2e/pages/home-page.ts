import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

export const FIGURES = ['kindergartens', 'groups', 'capacity', 'queued', 'pending'] as const;
export type Figure = (typeof FIGURES)[number];

/** Parses a number formatted by Intl for kk/ru/en ("1 234", "1,234"). */
export const parseFormatted = (text: string): number => Number(text.replace(/[\s\u00a0\u202f,.]/g, ''));

export class HomePage extends AppShell {
  readonly totals: Locator;
  readonly regionTables: Locator;
  readonly error: Locator;
  readonly retryButton: Locator;

  constructor(page: Page) {
    super(page);
    this.totals = page.getByTestId('totals');
    this.regionTables = this.main.locator('table[data-region]');
    this.error = this.main.locator('[role="alert"]');
    this.retryButton = this.error.locator('button');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.heading.waitFor();
  }

  async waitForData(): Promise<void> {
    await this.totals.waitFor();
  }

  async total(figure: Figure): Promise<{ label: string; text: string; value: number }> {
    const item = this.totals.locator(`[data-figure="${figure}"]`);
    const label = ((await item.locator('dt').textContent()) ?? '').trim();
    const text = ((await item.locator('dd').textContent()) ?? '').trim();
    return { label, text, value: parseFormatted(text) };
  }

  async districtRowCount(): Promise<number> {
    return this.regionTables.locator('tbody tr').count();
  }
}
