import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

export class KindergartensPage extends AppShell {
  readonly districtSelect: Locator;
  readonly ownershipSelect: Locator;
  readonly languageSelect: Locator;
  readonly searchBox: Locator;
  readonly searchButton: Locator;
  readonly rows: Locator;
  readonly resultCount: Locator;
  readonly pageStatus: Locator;
  readonly nextLink: Locator;
  readonly previousLink: Locator;
  readonly emptyState: Locator;

  constructor(page: Page) {
    super(page);
    const form = this.main.locator('form[role="search"]');
    this.districtSelect = form.locator('select[name="district"]');
    this.ownershipSelect = form.locator('select[name="ownership"]');
    this.languageSelect = form.locator('select[name="language"]');
    this.searchBox = form.locator('input[name="q"]');
    this.searchButton = form.locator('button[type="submit"]');
    this.rows = this.main.locator('table tbody tr[data-kindergarten]');
    this.resultCount = page.getByTestId('result-count');
    this.pageStatus = page.getByTestId('page-status');
    this.nextLink = this.main.locator('nav.pagination a[rel="next"]');
    this.previousLink = this.main.locator('nav.pagination a[rel="prev"]');
    this.emptyState = this.main.locator('.status-empty');
  }

  async open(search = ''): Promise<void> {
    await this.page.goto(`/kindergartens${search}`);
    await this.settled();
  }

  /** Waits until the list shows the response for the current URL (no stale rows, no spinner). */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => {
      const state = document.querySelector('.results-status')?.getAttribute('data-state');
      return state === 'ready' || state === 'error';
    });
  }

  async total(): Promise<number> {
    return Number(await this.resultCount.getAttribute('data-total'));
  }

  async pagination(): Promise<{ page: number; pages: number }> {
    return {
      page: Number(await this.pageStatus.getAttribute('data-page')),
      pages: Number(await this.pageStatus.getAttribute('data-pages')),
    };
  }

  /** The district options that name a district (not "all districts"). */
  async districtOptions(): Promise<{ value: string; label: string }[]> {
    return this.districtSelect
      .locator('option')
      .evaluateAll((options) =>
        (options as HTMLOptionElement[])
          .filter((option) => option.value !== '')
          .map((option) => ({ value: option.value, label: option.label })),
      );
  }

  async filterByDistrict(kato: string): Promise<void> {
    await this.districtSelect.selectOption(kato);
    await this.page.waitForURL((url) => url.searchParams.get('district') === kato);
    await this.settled();
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
    await this.searchBox.press('Enter');
    await this.page.waitForURL((url) => url.searchParams.get('q') === text.trim());
    await this.settled();
  }

  async next(): Promise<void> {
    const before = this.page.url();
    await this.nextLink.click();
    await this.page.waitForURL((url) => url.href !== before);
    await this.settled();
  }

  async rowDistricts(): Promise<string[]> {
    return this.rows.locator('td[data-column="district"]').allTextContents();
  }

  async rowIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kindergarten') ?? ''));
  }
}
