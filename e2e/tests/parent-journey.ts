import { ApplyWizard, ParentSignInPage } from '../pages/signed-in';
import { expectAccessible, expectNoSidewaysScroll } from '../support/axe';
import { syncBrowserClock } from '../support/clock';
import { check, equal, textOf } from '../support/expect';
import type { TestCase } from '../support/harness';
import { ALMALY_KATO, CLERK_LOGIN, DEMO_PASSWORD, handoff, PARENT_IIN } from './journey-state';

export const parentJourneyTests: readonly TestCase[] = [
  {
    name: 'parent: sign in with EDS, apply (validation as you type), see the place and why it changed',
    run: async ({ page, screenshot }) => {
      await syncBrowserClock(page);
      const signIn = new ParentSignInPage(page);
      await signIn.open();
      await expectAccessible(page, 'parent sign-in');
      // A wrong control digit is caught while typing, before anything is sent.
      const wrong = `${PARENT_IIN.slice(0, 11)}${(Number(PARENT_IIN[11]) + 1) % 10}`;
      await signIn.iin.fill(wrong);
      equal(
        await textOf(signIn.fieldError),
        'Мұндай ЖСН жоқ: цифрларды тексеріңіз (соңғысы — бақылау цифры).',
        'IIN error',
      );
      equal(await signIn.iin.getAttribute('aria-invalid'), 'true', 'the IIN box is marked invalid');
      await screenshot('parent-signin-error-kk');
      await signIn.signIn(PARENT_IIN);
      check((await textOf(page.getByTestId('session-name'))) !== '', 'the header names the signed-in parent');
      await page.locator('.status-empty').waitFor();
      await expectAccessible(page, 'my applications (empty)');
      await screenshot('parent-my-empty-kk');

      await page.locator('main a[href="/my/apply"]').click();
      const wizard = new ApplyWizard(page);
      await wizard.waitForStep('child');
      await page.locator('input[name="child"]').first().waitFor();
      await expectAccessible(page, 'apply: child');
      // Next without a child: the step says what is missing.
      await wizard.next.click();
      equal((await wizard.fieldErrors()).join(), 'Баланы таңдаңыз.', 'child step error');
      await screenshot('parent-apply-child-error-kk');
      await page.locator('input[name="child"]').first().check();
      await wizard.next.click();
      await wizard.waitForStep('queue');
      await page.locator('#queue-special').check();
      await wizard.next.click();
      equal((await wizard.fieldErrors()).join(), 'Бұзылу түрін таңдаңыз.', 'disorder required');
      await page.locator('#queue-general').check();
      await wizard.next.click();
      await wizard.waitForStep('categories');
      await expectAccessible(page, 'apply: categories');
      await wizard.next.click();
      await wizard.waitForStep('settlement');
      await page.locator('select[name="settlement"]').selectOption(ALMALY_KATO);
      await wizard.next.click();
      await wizard.waitForStep('contacts');
      await page.locator('input[name="sms1"]').fill('12345');
      await wizard.next.click();
      check(
        (await wizard.fieldErrors()).some((text) => text.includes('+7 7XX XXX XX XX')),
        'a malformed mobile number is named',
      );
      await expectAccessible(page, 'apply: contacts with an error');
      await screenshot('parent-apply-contacts-error-kk');
      await page.locator('input[name="sms1"]').fill('+7 701 234 56 78');
      await wizard.next.click();
      await wizard.waitForStep('consent');
      await wizard.next.click();
      equal(
        (await wizard.fieldErrors()).join(),
        'Келісімсіз өтініш тіркелмейді.',
        'consent required (R-ELIG-18)',
      );
      await page.locator('input[name="consent"]').check();
      await wizard.next.click();
      await page.waitForURL('**/my/applications/**');

      // The portal registers at once (R-ELIG-10): queued, with a place and its explained history.
      await page.getByTestId('position').waitFor();
      equal(await page.locator('main .badge').first().getAttribute('data-status'), 'queued', 'status');
      check(
        Number(await page.getByTestId('position').getAttribute('data-position')) >= 1,
        'a place in the queue',
      );
      await page.locator('.timeline, .timeline + p, section .muted').first().waitFor();
      await expectAccessible(page, 'application detail');
      await screenshot('parent-application-kk');

      await page.locator('.language-switcher button[lang="ru"]').click();
      await page.getByText('Место в очереди', { exact: true }).waitFor();
      await screenshot('parent-application-ru');
      await page.locator('.language-switcher button[lang="kk"]').click();
    },
  },
  {
    name: 'parent: confirm interest, change contacts, withdraw; a second application awaits the clerk',
    run: async ({ page, screenshot }) => {
      await syncBrowserClock(page);
      await new ParentSignInPage(page).open();
      await new ParentSignInPage(page).signIn(PARENT_IIN);
      const cards = page.locator('li.card[data-application]');
      await cards.first().waitFor();
      equal(await cards.count(), 1, 'one application from the first journey');
      await page.locator('.position-line').first().waitFor();
      await expectAccessible(page, 'my applications');
      await screenshot('parent-my-applications-kk');
      await cards.first().locator('a').click();
      await page.getByTestId('position').waitFor();

      await page.getByRole('button', { name: 'Қажеттілікті растау' }).click();
      await page.getByText('Қажеттілік расталды.', { exact: true }).waitFor();

      await page.locator('input[name="email"]').fill('not-an-email');
      await page.getByText('name@example.kz сияқты электрондық пошта мекенжайын енгізіңіз.').waitFor();
      await page.locator('input[name="email"]').fill('parent@example.kz');
      await page.getByRole('button', { name: 'Байланысты сақтау' }).click();
      await page.getByText('Байланыс деректері сақталды.', { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Өтінішті кері қайтару' }).click();
      await page.getByText('Өтінішті біржола кері қайтарасыз ба?').waitFor();
      await expectAccessible(page, 'withdrawal confirmation');
      await page.getByRole('button', { name: 'Иә, кері қайтару' }).click();
      await page.locator('main .badge[data-status="withdrawn"]').waitFor();
      await screenshot('parent-withdrawn-kk');

      // R-APPL-07: what was sent about the applications, as sent.
      await page.locator('nav.site-nav a[href="/my/notifications"]').click();
      const notices = page.locator('ol.notifications li.card');
      await notices.first().waitFor();
      const events = await notices.evaluateAll((items) =>
        items.map((item) => item.getAttribute('data-event')),
      );
      check(events.includes('queued'), `a "queued" notification among ${events.join(', ')}`);
      check(
        (await notices.allTextContents()).some((text) => text.includes('+77012345678')),
        'a notification names the SMS number it went to',
      );
      await expectAccessible(page, 'notifications');
      await screenshot('parent-notifications-kk');

      // The second child, with a priority category: pending until a clerk checks the documents.
      await page.goto('/my/apply');
      const wizard = new ApplyWizard(page);
      await page.locator('input[name="child"]').first().waitFor();
      await wizard.apply({
        child: 1,
        categories: ['teacher'],
        settlement: ALMALY_KATO,
        mobile: '+7 701 234 56 78',
      });
      await page.locator('main .badge[data-status="pending"]').waitFor();
      const heading = await textOf(page.locator('main h1'));
      handoff.pendingNumber = /№ (\S+)/.exec(heading)?.[1];
      check(handoff.pendingNumber !== undefined, `the heading names the application number: ${heading}`);

      // The same child in the same queue again: the API's refusal is shown in words, naming its rule.
      await page.goto('/my/apply');
      await page.locator('input[name="child"]').first().waitFor();
      await wizard.waitForStep('child');
      await page.locator('input[name="child"]').nth(1).check();
      for (const step of ['queue', 'categories', 'settlement']) {
        await wizard.next.click();
        await wizard.waitForStep(step);
      }
      await page.locator('select[name="settlement"]').selectOption(ALMALY_KATO);
      await wizard.next.click();
      await wizard.waitForStep('contacts');
      await page.locator('input[name="sms1"]').fill('+7 701 234 56 78');
      await wizard.next.click();
      await wizard.waitForStep('consent');
      await page.locator('input[name="consent"]').check();
      await wizard.next.click();
      const refusal = page.locator('.form-error [data-error-rule="R-QUEUE-06"]');
      await refusal.waitFor();
      equal(await textOf(refusal), 'Баланың бұл кезекте өтініші бар.', 'duplicate refused in words');
      await expectAccessible(page, 'apply: refused by a rule');
      await screenshot('parent-apply-refused-kk');

      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto('/my');
      await page.locator('li.card[data-application]').nth(1).waitFor();
      await expectNoSidewaysScroll(page, 'my applications at 360 px');
      await screenshot('parent-my-applications-360');
    },
  },
];

type Page = Parameters<TestCase['run']>[0]['page'];

/**
 * A demo application of the given status that `accept` picks, with its parent's IIN: found through the API as the
 * demo clerk (the suite's own shortcut; parents never see each other), then that session is closed.
 */
const findDemoApplication = async (
  page: Page,
  status: 'queued' | 'rejected',
  accept: (id: string) => Promise<boolean>,
): Promise<{ iin: string; number: string }> => {
  const login = await page.request.post('/api/auth/staff/login', {
    data: { login: CLERK_LOGIN, password: DEMO_PASSWORD },
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const list = (await (await page.request.get(`/api/applications?status=${status}&pageSize=100`)).json()) as {
    items: { id: string; number: string; applicant: { iin: string } }[];
  };
  let found: { iin: string; number: string } | undefined;
  for (const application of list.items) {
    if (await accept(application.id)) {
      found = { iin: application.applicant.iin, number: application.number };
      break;
    }
  }
  await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken } });
  check(found !== undefined, `a ${status} demo application to show`);
  return found;
};

const withHistory = (page: Page) => async (id: string) => {
  const history = (await (await page.request.get(`/api/applications/${id}/position/history`)).json()) as {
    changes: unknown[];
  };
  return history.changes.length >= 2;
};

const signInAndOpen = async (page: Page, application: { iin: string; number: string }) => {
  await syncBrowserClock(page);
  const signIn = new ParentSignInPage(page);
  await signIn.open();
  await signIn.signIn(application.iin);
  await page.locator(`li.card[data-application="${application.number}"] a`).click();
};

export const parentTimelineTests: readonly TestCase[] = [
  {
    name: 'parent: the timeline explains every change of the place, with the rule',
    run: async ({ page, screenshot }) => {
      await signInAndOpen(page, await findDemoApplication(page, 'queued', withHistory(page)));
      const items = page.locator('.timeline .timeline-item');
      await items.first().waitFor();
      check((await items.count()) >= 2, 'at least two explained changes');
      const first = await textOf(items.first());
      check(/R-[A-Z]+-\d+/.test(first), `the change names its rule: ${first}`);
      check(first.includes('→'), `the change shows the places before and after: ${first}`);
      await expectAccessible(page, 'application with a timeline');
      await screenshot('parent-timeline-kk');
      await page.locator('.language-switcher button[lang="en"]').click();
      await page.getByText('Why the place changed', { exact: true }).waitFor();
      await screenshot('parent-timeline-en');
    },
  },
];

/** Runs after the clerk journey: the clerk's rejection gives the parent an Annex 3 receipt. */
export const parentReceiptTests: readonly TestCase[] = [
  {
    name: 'parent: a rejected application shows the Annex 3 refusal receipt with its ground and rule',
    run: async ({ page, screenshot }) => {
      await signInAndOpen(
        page,
        await findDemoApplication(
          page,
          'rejected',
          async (id) => (await page.request.get(`/api/applications/${id}/refusal-receipt`)).status() === 200,
        ),
      );
      const receipt = page.getByTestId('refusal-receipt');
      await receipt.waitFor();
      check((await textOf(receipt)).includes('R-REFUSE-01'), 'the receipt names the rule of the refusal');
      check((await receipt.locator('[data-reason]').count()) === 1, 'the receipt names its ground');
      await expectAccessible(page, 'refusal receipt');
      await screenshot('parent-refusal-receipt-kk');
    },
  },
];
