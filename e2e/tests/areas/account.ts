import type { Page } from 'playwright-core';
import { StaffSignInPage } from '../../pages/signed-in';
import { expectAccessible } from '../../support/axe';
import { check, equal } from '../../support/expect';
import type { TestCase } from '../../support/harness';

const ADMIN = { login: 'admin.almaty', password: 'kezek-demo-2026' };

/** The regional admin opens a clerk account through the API; its one-time password comes back once. */
const openClerkAccount = async (page: Page): Promise<{ login: string; password: string }> => {
  const signedIn = await page.request.post('/api/auth/staff/login', { data: ADMIN });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const login = `clerk.e2e${Date.now() % 1_000_000}`;
  const created = await page.request.post('/api/admin/staff', {
    headers: { 'x-csrf-token': csrfToken },
    data: { login, fullName: 'Сейітова Айгерім', role: 'clerk', districtKato: '751110000' },
  });
  equal(created.status(), 201, 'the admin opens the account');
  const { temporaryPassword } = (await created.json()) as { temporaryPassword: string };
  await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken }, data: {} });
  await page.context().clearCookies();
  return { login, password: temporaryPassword };
};

export const tests: readonly TestCase[] = [
  {
    name: 'account: a one-time password is changed before anything else, then the clerk works',
    run: async ({ page, screenshot }) => {
      const account = await openClerkAccount(page);
      await new StaffSignInPage(page).signIn(account.login, account.password);
      await page.waitForURL('**/staff/password');
      const main = page.locator('main');
      await main.getByTestId('must-change').waitFor();
      // Elsewhere in the app the same page stands until the password is changed.
      await page.goto('/clerk');
      await main.getByTestId('must-change').waitFor();
      await expectAccessible(page, 'change password');
      await main.locator('input[name="current"]').fill(account.password);
      await main.locator('input[name="next"]').fill('short');
      await main.locator('input[name="repeat"]').fill('other');
      await main.locator('form button[type="submit"]').click();
      check((await main.locator('.field-error').count()) === 2, 'too short and not repeated are named');
      await screenshot('account-password-kk');
      await main.locator('input[name="next"]').fill('бұл менің жаңа құпия сөзім');
      await main.locator('input[name="repeat"]').fill('бұл менің жаңа құпия сөзім');
      await main.locator('form button[type="submit"]').click();
      await page.waitForURL('**/clerk');
      // The work queue shows once the password is set.
      await main.getByTestId('must-change').waitFor({ state: 'detached' });
      await main.locator('h1').waitFor();
    },
  },
];
