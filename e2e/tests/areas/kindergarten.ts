import { StaffSignInPage } from '../../pages/signed-in';
import { expectAccessible, expectNoSidewaysScroll } from '../../support/axe';
import { check, equal, textOf } from '../../support/expect';
import type { TestCase } from '../../support/harness';

const KG_LOGIN = 'kg.staff';
const DEMO_PASSWORD = 'kezek-demo-2026';

/** Kindergarten staff: their places (R-KG-01, R-KG-02) and the children referred to them (service 2). */
export const tests: readonly TestCase[] = [
  {
    name: 'kindergarten: staff land on their places, report places, revoke one, in kk and ru',
    run: async ({ page, screenshot }) => {
      await new StaffSignInPage(page).signIn(KG_LOGIN, DEMO_PASSWORD);
      equal(new URL(page.url()).pathname, '/kindergarten', 'kindergarten staff land on their places');
      const main = page.locator('main');
      await main.getByTestId('kg-places').waitFor();
      const before = await main.locator('[data-testid="kg-places"] tbody tr').count();

      // A report with no count names the field.
      await main.locator('input[name="count"]').fill('');
      await main.locator('form.kg-report button[type="submit"]').click();
      check((await textOf(main.locator('.field-error'))).length > 0, 'the empty count is named');

      await main.locator('input[name="count"]').fill('2');
      await main.locator('form.kg-report button[type="submit"]').click();
      await main.getByTestId('kg-saved').waitFor();
      await page.waitForFunction(
        (count) => document.querySelectorAll('[data-testid="kg-places"] tbody tr').length > count,
        before,
      );
      await expectAccessible(page, 'kindergarten places');
      await screenshot('kindergarten-places-kk');

      // R-KG-08: the newest report, not yet published, is taken back without a reason.
      await main.locator('[data-testid="kg-places"] tbody tr').first().getByRole('button').last().click();
      await main.locator('form.kg-revoke button[type="submit"]').click();
      check((await textOf(main.getByTestId('kg-saved'))).length > 0, 'the revocation is confirmed');

      await page.getByRole('button', { name: 'Русский' }).click();
      await main.getByRole('heading', { level: 2, name: 'Заявить места' }).waitFor();
      await screenshot('kindergarten-places-ru');
      await page.setViewportSize({ width: 360, height: 800 });
      await expectNoSidewaysScroll(page, 'kindergarten places at 360 px');
      await screenshot('kindergarten-places-360');
    },
  },
  {
    name: 'kindergarten: the referred children — admit one on a contract',
    run: async ({ page, screenshot }) => {
      await new StaffSignInPage(page).signIn(KG_LOGIN, DEMO_PASSWORD);
      await page.goto('/kindergarten/referrals');
      const main = page.locator('main');
      await main.locator('[data-testid="kg-referrals"], .status-empty').first().waitFor();
      await expectAccessible(page, 'referred children');
      await screenshot('kindergarten-referrals-kk');
      const admitButtons = main.locator(
        '[data-testid="kg-referrals"] .form-actions .button:not(.button-secondary)',
      );
      if ((await admitButtons.count()) === 0) return;
      await admitButtons.first().click();
      // The form names what is missing before anything is sent.
      await main.locator('form.kg-decision button[type="submit"]').click();
      check((await main.locator('.field-error').count()) === 3, 'the three contract fields are named');
      await main.locator('input[name="contractNumber"]').fill('D-2026/41');
      await main.locator('input[name="contractDate"]').fill('2026-03-02');
      await main.locator('input[name="healthCertificateIssuedOn"]').fill('2026-03-01');
      await main.locator('form.kg-decision button[type="submit"]').click();
      await main.getByTestId('kg-saved').waitFor();
      await screenshot('kindergarten-admitted-kk');
    },
  },
];
