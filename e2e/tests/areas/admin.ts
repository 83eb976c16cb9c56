import { AppShell } from '../../pages/app-shell';
import { StaffSignInPage } from '../../pages/signed-in';
import { expectAccessible, expectNoSidewaysScroll } from '../../support/axe';
import { syncBrowserClock } from '../../support/clock';
import { check, equal, textOf } from '../../support/expect';
import type { TestCase } from '../../support/harness';
import { DEMO_PASSWORD } from '../journey-state';

const ADMIN_LOGIN = 'admin.almaty';
/** Unique per run: the suite's server keeps what earlier runs of a journey added only within one run. */
const RUN = String(Date.now() % 100_000).padStart(5, '0');

/** The regional admin: the region's policy with effective dates, the calendar, the territory, staff accounts. */
export const tests: readonly TestCase[] = [
  {
    name: 'admin: schedule a policy change from a later date — errors named, reviewed, listed as scheduled (kk, ru, 360 px)',
    run: async ({ page, screenshot }) => {
      // "Today" for the effective date is the server's demo day.
      await syncBrowserClock(page);
      await new StaffSignInPage(page).signIn(ADMIN_LOGIN, DEMO_PASSWORD);
      await page.goto('/admin/policy');
      const form = page.getByTestId('policy-form');
      await form.waitFor();
      await expectAccessible(page, 'policy');

      // A past date, a value out of range and no reason: each is named before anything is sent.
      await form.locator('input[name="effectiveFrom"]').fill('2026-01-05');
      await form.locator('input[name="leftoverFirstN"]').fill('0');
      await form.locator('button[type="submit"]').click();
      const errors = await form.locator('.field-error').count();
      check(errors >= 3, `the date, the value and the reason are named (${errors} errors)`);
      await screenshot('admin-policy-errors-kk');

      await form.locator('input[name="effectiveFrom"]').fill('2026-09-01');
      await form.locator('input[name="leftoverFirstN"]').fill('1200');
      await form.locator('textarea[name="reason"]').fill(`E2E ${RUN}: more applicants in the leftover phase`);
      await form.locator('button[type="submit"]').click();
      const review = page.getByTestId('policy-review');
      await review.or(form.locator('.field-error, .warning').first()).first().waitFor();
      const left = await form.locator('.field-error, .warning').allTextContents();
      check(left.length === 0, `the corrected form is accepted: ${left.join(' | ')}`);
      check((await textOf(review)).includes('1200'), 'the review shows the new value');
      await screenshot('admin-policy-review-kk');
      await review.locator('.button-primary').click();
      await page.getByTestId('policy-done').filter({ hasText: '2026' }).waitFor();
      const row = page.locator('tr[data-policy-change]', { hasText: `E2E ${RUN}` });
      await row.locator('.admin-scheduled').waitFor();
      check((await textOf(row)).includes('1200'), 'the scheduled change lists its value');
      await screenshot('admin-policy-scheduled-kk');

      await new AppShell(page).switchLanguage('ru');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await screenshot('admin-policy-ru');
      await page.setViewportSize({ width: 360, height: 800 });
      await expectNoSidewaysScroll(page, 'policy at 360 px');
    },
  },
  {
    name: 'admin: the working-day calendar and the territory — a new settlement, its KATO code checked',
    run: async ({ page, screenshot }) => {
      await new StaffSignInPage(page).signIn(ADMIN_LOGIN, DEMO_PASSWORD);
      await page.goto('/admin/calendar');
      await page.locator('.admin-months table.admin-month').first().waitFor();
      await expectAccessible(page, 'calendar');
      await screenshot('admin-calendar-kk');

      await page.goto('/admin/territory');
      const form = page.getByTestId('settlement-form');
      await form.waitFor();
      await form.locator('select[name="district"]').selectOption('751110000');
      // A code outside the district is refused, naming the district's prefix.
      await form.locator('input[name="kato"]').fill('123456789');
      await form.locator('input[name="kk"]').fill(`Сынақ ауылы ${RUN}`);
      await form.locator('input[name="ru"]').fill(`Тестовое село ${RUN}`);
      await form.locator('input[name="en"]').fill(`Test village ${RUN}`);
      await form.locator('button[type="submit"]').click();
      check((await textOf(form.locator('.field-error').first())).includes('7511'), 'the prefix is named');
      await form.locator('input[name="kato"]').fill(`7511${RUN}`);
      await form.locator('button[type="submit"]').click();
      await page
        .getByTestId('territory-done')
        .filter({ hasText: `7511${RUN}` })
        .waitFor();
      await page.locator('input[name="q"]').fill(`${RUN}`);
      await page.locator('main', { hasText: `Сынақ ауылы ${RUN}` }).waitFor();
      await expectAccessible(page, 'territory');
      await screenshot('admin-territory-kk');
    },
  },
  {
    name: 'admin: open a clerk account — the one-time password is shown once; the account is listed',
    run: async ({ page, screenshot }) => {
      await new StaffSignInPage(page).signIn(ADMIN_LOGIN, DEMO_PASSWORD);
      await page.goto('/admin/staff');
      const form = page.getByTestId('staff-form');
      await form.waitFor();
      // Nothing filled: the form names what is missing.
      await form.locator('button[type="submit"]').click();
      check((await form.locator('.field-error').count()) >= 2, 'the login and the name are named');
      const login = `clerk.adm${RUN}`;
      await form.locator('input[name="login"]').fill(login);
      await form.locator('input[name="fullName"]').fill('Жұмабаева Сәуле');
      await form.locator('select[name="role"]').selectOption('clerk');
      await form.locator('select[name="district"]').selectOption('751110000');
      await form.locator('button[type="submit"]').click();
      const password = await textOf(page.getByTestId('one-time-password-value'));
      check(password.length >= 12, `a one-time password is shown: ${password.length} characters`);
      await expectAccessible(page, 'staff with a one-time password');
      await screenshot('admin-staff-password-kk');
      await page.locator('input[name="q"]').fill(login);
      await page.locator('main tr', { hasText: login }).first().waitFor();
      // Once left, the password is not shown again.
      await page.reload();
      await page.getByTestId('staff-form').waitFor();
      equal(await page.getByTestId('one-time-password-value').count(), 0, 'the password is gone');
    },
  },
];
