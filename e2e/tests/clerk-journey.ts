import { StaffSignInPage, WorkQueuePage } from '../pages/signed-in';
import { expectAccessible, expectNoSidewaysScroll } from '../support/axe';
import { syncBrowserClock } from '../support/clock';
import { check, equal, textOf } from '../support/expect';
import type { TestCase } from '../support/harness';
import { CLERK_LOGIN, DEMO_PASSWORD, handoff } from './journey-state';

export const clerkJourneyTests: readonly TestCase[] = [
  {
    name: 'clerk: work queue by SLA deadline with timers; search; verify; stop list; audit trail',
    run: async ({ page, screenshot }) => {
      await syncBrowserClock(page);
      const queue = new WorkQueuePage(page);
      await new StaffSignInPage(page).signIn(CLERK_LOGIN, DEMO_PASSWORD);
      await queue.settled();
      check((await queue.rows.count()) > 0, 'the demo district has pending applications');
      // Sorted by the check deadline: the demo's overdue applications come first, with a red timer.
      const deadlines = await queue.rows
        .locator('.sla')
        .evaluateAll((timers) => timers.map((timer) => timer.getAttribute('data-overdue')));
      check(deadlines[0] === 'true', `the first row is overdue: ${deadlines.join()}`);
      const timer = await textOf(queue.rows.first().locator('.sla').first());
      check(timer.endsWith('кешікті'), `the timer says how late the check is: "${timer}"`);
      await expectAccessible(page, 'work queue');
      await screenshot('clerk-work-queue-kk');

      // Russian plurals (one / few / many) in the count and timers.
      await page.locator('.language-switcher button[lang="ru"]').click();
      const count = await textOf(queue.resultCount);
      check(/заявлени(е|я|й)$/.test(count), `Russian count "${count}"`);
      await screenshot('clerk-work-queue-ru');
      await page.locator('.language-switcher button[lang="kk"]').click();

      const number = handoff.pendingNumber;
      check(number !== undefined, 'the parent journey left a pending application');
      await queue.search.fill(number);
      await queue.search.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === number);
      await queue.settled();
      equal(await queue.rows.count(), 1, 'search by the application number finds one');
      await queue.rows.first().locator('a').click();
      await page.waitForURL('**/clerk/applications/**');
      await page.locator('table.audit-table tbody tr').first().waitFor();
      equal(
        await page.locator('table.audit-table tbody tr').first().getAttribute('data-action'),
        'application.submitted',
        'the audit trail starts with the submission',
      );
      // The locality is named, not given as its KATO code.
      const settlement = page.getByTestId('settlement');
      check(
        /^\d{9}$/.test((await settlement.getAttribute('data-kato')) ?? ''),
        'the settlement has a KATO code',
      );
      const settlementName = await textOf(settlement);
      check(/ауданы$/.test(settlementName), `the settlement is named: "${settlementName}"`);
      await expectAccessible(page, 'clerk application detail');
      await screenshot('clerk-application-pending-kk');

      // Confirm the documents with the claimed category: the application enters the queue.
      await page.locator('#result-confirmed').check();
      await page.getByRole('button', { name: 'Тексеруді тіркеу' }).click();
      await page.locator('main .badge[data-status="queued"]').waitFor();
      equal(await textOf(page.getByTestId('notice')), 'Өтініш расталып, кезекке тіркелді.', 'notice');
      await page.locator('table.audit-table tbody tr[data-action="application.verified"]').waitFor();

      // Stop list needs a reason; then on and off again.
      await page.getByRole('button', { name: 'Стоп-параққа қою' }).click();
      await page.getByText('Кемінде 3 таңбадан тұратын себепті көрсетіңіз.').waitFor();
      await page.locator('input[name="stopReason"]').fill('Құжаттар қайта тексерілуде');
      await page.getByRole('button', { name: 'Стоп-параққа қою' }).click();
      await page.locator('main .badge[data-status="stopped"]').waitFor();
      await page.getByRole('button', { name: 'Стоп-парақтан алу' }).click();
      await page.locator('main .badge[data-status="queued"]').waitFor();
      await page.locator('table.audit-table tbody tr[data-action="application.stopListLifted"]').waitFor();
      await screenshot('clerk-application-audit-kk');
    },
  },
  {
    name: 'clerk: reject with a reason; CSV export of the filtered list; usable at 360 px',
    run: async ({ page, screenshot }) => {
      await syncBrowserClock(page);
      const queue = new WorkQueuePage(page);
      await new StaffSignInPage(page).signIn(CLERK_LOGIN, DEMO_PASSWORD);
      await queue.settled();
      const number = (await queue.rows.first().getAttribute('data-application')) ?? '';
      await queue.rows.first().locator('a').click();
      await page.waitForURL('**/clerk/applications/**');
      await page.locator('#result-rejected').check();
      await page.getByRole('button', { name: 'Тексеруді тіркеу' }).click();
      await page.getByText('Осы өрісті толтырыңыз.').waitFor();
      await page.locator('select[name="reason"]').selectOption('incompleteDocuments');
      await page.locator('textarea[name="missingDocuments"]').fill('Жұмыс орнынан анықтама');
      await expectAccessible(page, 'rejection form');
      await page.getByRole('button', { name: 'Тексеруді тіркеу' }).click();
      await page.locator('main .badge[data-status="rejected"]').waitFor();
      await page.locator('table.audit-table tbody tr[data-action="application.rejected"]').waitFor();
      await screenshot('clerk-rejected-kk');

      // The export link carries the list's filters and downloads CSV with the session.
      await page.goto('/clerk?status=rejected');
      await queue.settled();
      const href = (await queue.exportLink.getAttribute('href')) ?? '';
      equal(href, '/api/exports/applications?status=rejected', 'export link keeps the filter');
      const response = await page.request.get(href);
      equal(response.status(), 200, 'export status');
      const csv = await response.text();
      check(csv.replace(/^\uFEFF/, '').startsWith('number,status,'), 'CSV header');
      check(csv.includes(number), `the rejected application ${number} is in the export`);
      check(
        csv
          .trim()
          .split('\r\n')
          .slice(1)
          .every((line) => line.split(',')[1] === 'rejected'),
        'every exported row is rejected',
      );

      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto('/clerk');
      await queue.settled();
      await expectNoSidewaysScroll(page, 'work queue at 360 px');
      // Nor does the list scroll sideways inside its own box: each application is a card.
      const inner = await page
        .locator('.table-scroll:has(.work-queue)')
        .evaluate((box) => box.scrollWidth - box.clientWidth);
      check(inner <= 0, `the work queue scrolls sideways by ${inner}px inside its box at 360 px`);
      await expectAccessible(page, 'work queue at 360 px');
      await screenshot('clerk-work-queue-360');
    },
  },
];
