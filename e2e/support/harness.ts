import type { Browser, BrowserContext, Page } from 'playwright-core';

export type TestContext = {
  page: Page;
  context: BrowserContext;
  baseUrl: string;
  /** Saves a full-page screenshot of the test's page, or of `of` (a page of a context the test opened). */
  screenshot: (name: string, of?: Page) => Promise<void>;
};
export type TestCase = { name: string; run: (t: TestContext) => Promise<void> };

export type RunOptions = { browser: Browser; baseUrl: string; screenshotDir: string; outDir: string };

/** Each test gets a fresh browser context: no shared storage, so the default language is Kazakh. */
export const runTests = async (
  tests: readonly TestCase[],
  options: RunOptions,
): Promise<{ passed: number; failed: number }> => {
  let passed = 0;
  let failed = 0;
  for (const test of tests) {
    const started = Date.now();
    const context = await options.browser.newContext({
      baseURL: options.baseUrl,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const screenshot = async (name: string, of: Page = page) => {
      await of.screenshot({
        path: `${options.screenshotDir}/${name}.png`,
        fullPage: true,
        animations: 'disabled',
      });
    };
    try {
      await test.run({ page, context, baseUrl: options.baseUrl, screenshot });
      if (pageErrors.length > 0) throw new Error(`uncaught errors in the page: ${pageErrors.join('; ')}`);
      passed += 1;
      console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${test.name} (${Date.now() - started} ms)`);
      console.log(
        `    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`.replace(
          /\n/g,
          '\n    ',
        ),
      );
      const slug = test.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await page
        .screenshot({ path: `${options.outDir}/failed-${slug}.png`, fullPage: true })
        .catch(() => undefined);
    } finally {
      await context.close();
    }
  }
  return { passed, failed };
};
