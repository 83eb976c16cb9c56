import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** Parent sign-in: IIN, then the (development) EDS signature. */
export class ParentSignInPage extends AppShell {
  readonly iin: Locator;
  readonly submit: Locator;
  readonly fieldError: Locator;

  constructor(page: Page) {
    super(page);
    this.iin = this.main.locator('input[name="iin"]');
    this.submit = this.main.locator('form button[type="submit"]');
    this.fieldError = this.main.locator('.field-error');
  }

  async open(): Promise<void> {
    await this.page.goto('/signin');
    await this.iin.waitFor();
  }

  async signIn(iin: string): Promise<void> {
    await this.iin.fill(iin);
    await this.submit.click();
    await this.page.waitForURL('**/my');
  }
}

export class StaffSignInPage extends AppShell {
  async signIn(login: string, password: string): Promise<void> {
    await this.page.goto('/staff/signin');
    await this.main.locator('input[name="login"]').fill(login);
    await this.main.locator('input[name="password"]').fill(password);
    await this.main.locator('form button[type="submit"]').click();
    // Each role lands on its own page: the work queue, or a kindergarten's places.
    await this.page.waitForURL((url) => url.pathname !== '/staff/signin');
  }
}

/** The apply wizard: one step at a time, the form says which (`data-step`). */
export class ApplyWizard extends AppShell {
  readonly form: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly formError: Locator;

  constructor(page: Page) {
    super(page);
    this.form = this.main.locator('form[data-step]');
    this.next = this.form.locator('button[type="submit"]');
    this.back = this.form.locator('.button-row button[type="button"]');
    this.formError = this.form.locator('.form-error');
  }

  async step(): Promise<string> {
    return (await this.form.getAttribute('data-step')) ?? '';
  }

  async waitForStep(step: string): Promise<void> {
    await this.page.locator(`form[data-step="${step}"]`).waitFor();
  }

  fieldErrors(): Promise<string[]> {
    return this.form.locator('.field-error').allTextContents();
  }

  /** Goes through every step from the first: the `child`-th child, the general queue, `categories`, consent. */
  async apply(options: {
    child: number;
    categories: readonly string[];
    settlement: string;
    mobile: string;
  }): Promise<void> {
    const { page } = this;
    await this.waitForStep('child');
    await page.locator('input[name="child"]').nth(options.child).check();
    await this.next.click();
    await this.waitForStep('queue');
    await this.next.click();
    await this.waitForStep('categories');
    for (const code of options.categories)
      await page.locator(`input[name="categories"][value="${code}"]`).check();
    await this.next.click();
    await this.waitForStep('settlement');
    await page.locator('select[name="settlement"]').selectOption(options.settlement);
    await this.next.click();
    await this.waitForStep('contacts');
    await page.locator('input[name="sms1"]').fill(options.mobile);
    await this.next.click();
    await this.waitForStep('consent');
    await page.locator('input[name="consent"]').check();
    await this.next.click();
    await page.waitForURL('**/my/applications/**');
  }
}

/** The clerk's work queue and application page. */
export class WorkQueuePage extends AppShell {
  readonly rows: Locator;
  readonly search: Locator;
  readonly status: Locator;
  readonly exportLink: Locator;
  readonly resultCount: Locator;

  constructor(page: Page) {
    super(page);
    this.rows = this.main.locator('table tbody tr[data-application]');
    this.search = this.main.locator('input[name="q"]');
    this.status = this.main.locator('select[name="status"]');
    this.exportLink = this.main.locator('a[download]');
    this.resultCount = page.getByTestId('result-count');
  }

  async settled(): Promise<void> {
    await this.page.waitForFunction(() => {
      const state = document.querySelector('.results-status')?.getAttribute('data-state');
      return state === 'ready' || state === 'error';
    });
  }
}
