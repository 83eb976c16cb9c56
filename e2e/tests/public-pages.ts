import { HomePage, FIGURES } from '../pages/home-page';
import { KindergartensPage } from '../pages/kindergartens-page';
import { check, equal, eventually, textOf, urlOf } from '../support/expect';
import type { TestCase } from '../support/harness';

export const publicPageTests: readonly TestCase[] = [
  {
    name: 'home opens in Kazakh and shows the totals',
    run: async ({ page, screenshot }) => {
      const home = new HomePage(page);
      await home.open();
      equal(await home.htmlLang(), 'kk', '<html lang>');
      equal(await home.headingText(), 'Балабақшаға кезек: ашық деректер', 'heading');
      equal(await home.languageButton('kk').getAttribute('aria-pressed'), 'true', 'Kazakh button pressed');
      await home.waitForData();
      const kindergartens = await home.total('kindergartens');
      equal(kindergartens.label, 'Балабақшалар', 'kindergartens label');
      check(kindergartens.value > 0, `the seeded data has kindergartens, got "${kindergartens.text}"`);
      equal((await home.total('queued')).label, 'Кезекте', 'queued label');
      for (const figure of FIGURES) {
        const { text, value } = await home.total(figure);
        check(Number.isInteger(value) && value >= 0, `${figure} total is a number, got "${text}"`);
      }
      check((await home.regionTables.count()) > 0, 'at least one region table');
      check((await home.districtRowCount()) > 0, 'at least one district row');
      equal(await page.title(), 'Басты бет — Kezek', 'document title');
      await screenshot('home-kk');
    },
  },
  {
    name: 'the language switches to Russian and English and is remembered',
    run: async ({ page, screenshot }) => {
      const home = new HomePage(page);
      await home.open();
      await home.waitForData();
      const kkQueued = await home.total('queued');

      await home.switchLanguage('ru');
      equal(await home.headingText(), 'Очередь в детские сады: открытые данные', 'Russian heading');
      equal((await home.total('queued')).label, 'В очереди', 'Russian queued label');
      equal(
        (await home.total('queued')).value,
        kkQueued.value,
        'the figure does not change with the language',
      );
      equal(await textOf(home.navLink('/kindergartens')), 'Детские сады', 'Russian nav');
      await screenshot('home-ru');

      await page.reload();
      await home.waitForData();
      equal(await home.htmlLang(), 'ru', 'the choice survives a reload');

      await home.switchLanguage('en');
      equal(await home.headingText(), 'Kindergarten queue: open data', 'English heading');
      equal((await home.total('queued')).label, 'In the queue', 'English queued label');
      await screenshot('home-en');

      await home.switchLanguage('kk');
      equal(await home.headingText(), 'Балабақшаға кезек: ашық деректер', 'back to Kazakh');
    },
  },
  {
    name: 'kindergartens: list, filter by a district, paginate',
    run: async ({ page, screenshot }) => {
      const home = new HomePage(page);
      await home.open();
      await home.navLink('/kindergartens').click();
      const list = new KindergartensPage(page);
      await page.waitForURL('**/kindergartens');
      await list.settled();
      equal(await list.headingText(), 'Балабақшалар', 'heading');
      equal(await list.navLink('/kindergartens').getAttribute('aria-current'), 'page', 'current nav item');
      const total = await list.total();
      check(total > 0, 'the list has kindergartens');
      check((await list.rows.count()) > 0, 'rows are shown');
      await screenshot('kindergartens-kk');

      // Filter by the district of the first row, chosen in the select by its code.
      const options = await list.districtOptions();
      check(options.length > 0, 'the district select is filled from the overview');
      const firstDistrict = (await list.rowDistricts())[0] ?? '';
      const district = options.find((option) => option.label === firstDistrict) ?? options[0];
      check(district !== undefined, 'a district to filter by');
      await list.filterByDistrict(district.value);
      const filtered = await list.total();
      check(filtered > 0 && filtered <= total, `filtered total ${filtered} within 1..${total}`);
      const districts = await list.rowDistricts();
      check(
        districts.every((name) => name === district.label),
        `every row is in ${district.label}: ${districts.join(', ')}`,
      );
      await screenshot('kindergartens-district');

      // Paginate the unfiltered list; a small page size guarantees more than one page.
      await list.open('?pageSize=5');
      const first = await list.pagination();
      equal(first.page, 1, 'starts on page 1');
      check(first.pages >= 2, `more than one page of 5 (total ${await list.total()})`);
      check((await list.previousLink.count()) === 0, 'no previous link on page 1');
      const page1 = await list.rowIds();
      await list.next();
      equal(urlOf(page).searchParams.get('page'), '2', 'the URL has page=2');
      equal(urlOf(page).searchParams.get('pageSize'), '5', 'the URL keeps the page size');
      equal((await list.pagination()).page, 2, 'page status says 2');
      const page2 = await list.rowIds();
      check(page2.length > 0 && page2.every((id) => !page1.includes(id)), 'page 2 shows other kindergartens');
      await screenshot('kindergartens-page-2');

      await page.goBack();
      await list.settled();
      equal((await list.pagination()).page, 1, 'Back returns to page 1');
      equal((await list.rowIds()).join(), page1.join(), 'the same rows as before');
    },
  },
  {
    name: 'kindergartens: a search with no match shows the empty state; the link is shareable',
    run: async ({ page, screenshot }) => {
      const list = new KindergartensPage(page);
      await list.open();
      await list.switchLanguage('ru');
      await list.search('zzzz-нет-такого-сада');
      await list.emptyState.waitFor();
      equal(
        await textOf(list.emptyState.locator('.status-title')),
        'Детские сады по заданным фильтрам не найдены.',
        'empty state',
      );
      equal(await list.total(), 0, 'total is 0');
      await screenshot('kindergartens-empty-ru');

      // The URL alone restores the same state (deep link served by the SPA fallback).
      const link = page.url();
      const fresh = await page.context().newPage();
      const shared = new KindergartensPage(fresh);
      await fresh.goto(link);
      await shared.settled();
      equal(await shared.searchBox.inputValue(), 'zzzz-нет-такого-сада', 'search box filled from the URL');
      await shared.emptyState.waitFor();
      await fresh.close();
    },
  },
  {
    name: 'an API failure shows an error with retry; an unknown route shows "not found"',
    run: async ({ page, screenshot }) => {
      const home = new HomePage(page);
      await page.route('**/api/public/overview', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'maintenance' } }),
        }),
      );
      await home.open();
      await home.error.waitFor();
      check((await textOf(home.error)).includes('UNAVAILABLE'), 'the error names its code');
      await screenshot('home-error-kk');
      await page.unroute('**/api/public/overview');
      await home.retryButton.click();
      await home.waitForData();
      equal(await home.error.count(), 0, 'the error is gone after a successful retry');

      await page.goto('/no-such-page');
      equal(await home.headingText(), 'Бет табылмады', 'not-found heading');
    },
  },
  {
    name: 'accessibility basics: skip link, labels, table headers, landmarks',
    run: async ({ page }) => {
      const list = new KindergartensPage(page);
      await list.open();
      await page.keyboard.press('Tab');
      equal(
        await page.evaluate(() => document.activeElement?.className ?? ''),
        'skip-link',
        'the first Tab reaches the skip link',
      );
      await page.keyboard.press('Enter');
      await eventually(
        () => page.evaluate(() => document.activeElement?.id ?? ''),
        (id) => id === 'main',
        'the skip link moves focus to main',
      );
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select, textarea')]
          .filter((el) => el.labels === null || el.labels.length === 0)
          .map((el) => el.name),
      );
      equal(unlabelled.join(), '', 'form controls without a <label>');
      const headersWithoutScope = await page.locator('table th:not([scope])').count();
      equal(headersWithoutScope, 0, 'table headers without scope');
      const captions = await page.evaluate(() =>
        [...document.querySelectorAll('table')].every((table) => table.caption !== null),
      );
      check(captions, 'every table has a caption');
      for (const landmark of ['header', 'nav', 'main', 'footer']) {
        equal(await page.locator(landmark).first().count(), 1, `<${landmark}> landmark`);
      }
      check((await page.locator('[aria-live]').count()) > 0, 'an aria-live region for loading and errors');
    },
  },
  {
    name: 'the list is usable on a phone-sized screen',
    run: async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const list = new KindergartensPage(page);
      await list.open();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `the page does not scroll sideways (${overflow}px too wide)`);
      await screenshot('kindergartens-mobile-kk');
    },
  },
];
