import type { Page } from 'playwright-core';
import { ParentSignInPage } from '../../pages/signed-in';
import {
  claimAs,
  myWindows,
  parentSession,
  PlacementWindows,
  ReferralPage,
  staffSession,
  type ApiSession,
  type MyWindow,
} from '../../pages/placement-pages';
import { expectAccessible, expectNoSidewaysScroll } from '../../support/axe';
import { syncBrowserClock } from '../../support/clock';
import { check, equal, eventually, textOf } from '../../support/expect';
import type { TestCase } from '../../support/harness';
import { CLERK_LOGIN, DEMO_PASSWORD } from '../journey-state';

/** A demo parent (found as the demo clerk — the suite's shortcut) and their windows now. */
type Parent = { iin: string; session: ApiSession; windows: MyWindow[] };

/** Parents handed out in this run: each journey gets its own, so one journey's claim never spoils another's. */
const used = new Set<string>();

/** Queued demo applications' parents, in queue-list order, signed in one by one until `accept` takes `count`. */
const scanParents = async (
  clerk: ApiSession,
  baseUrl: string,
  count: number,
  accept: (parent: Parent, found: readonly Parent[]) => boolean,
): Promise<Parent[]> => {
  const found: Parent[] = [];
  for (let page = 1; page <= 3 && found.length < count; page += 1) {
    const list = (await (
      await clerk.api.get(`/api/applications?status=queued&pageSize=100&page=${page}`)
    ).json()) as {
      items: { applicant: { iin: string } }[];
    };
    for (const { applicant } of list.items) {
      if (found.length >= count) break;
      if (used.has(applicant.iin) || found.some((parent) => parent.iin === applicant.iin)) continue;
      const session = await parentSession(baseUrl, applicant.iin);
      const parent = { iin: applicant.iin, session, windows: await myWindows(session) };
      if (accept(parent, found)) found.push(parent);
      else await session.api.dispose();
    }
  }
  return found;
};

/**
 * `count` parents `accept` takes. The server opens the demo's windows in its job catch-up just after it starts,
 * so a run of these journeys alone may look before they are open: the search is repeated for up to two minutes.
 */
const findParents = async (
  baseUrl: string,
  count: number,
  accept: (parent: Parent, found: readonly Parent[]) => boolean,
): Promise<Parent[]> => {
  const clerk = await staffSession(baseUrl, CLERK_LOGIN, DEMO_PASSWORD);
  const deadline = Date.now() + 120_000;
  let found: Parent[];
  try {
    for (;;) {
      found = await scanParents(clerk, baseUrl, count, accept);
      if (found.length === count || Date.now() > deadline) break;
      await Promise.all(found.map((parent) => parent.session.api.dispose()));
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
  } finally {
    await clerk.api.dispose();
  }
  check(found.length === count, `${count} demo parent(s) for the journey, found ${found.length}`);
  for (const parent of found) used.add(parent.iin);
  return found;
};

const claimable = (parent: Parent): MyWindow | undefined =>
  parent.windows.find((window) => window.canClaimNow);

const findClaimant = async (baseUrl: string): Promise<{ parent: Parent; window: MyWindow }> => {
  const [parent] = await findParents(baseUrl, 1, (candidate) => claimable(candidate) !== undefined);
  const window = parent === undefined ? undefined : claimable(parent);
  check(parent !== undefined && window !== undefined, 'a parent who may claim now');
  return { parent, window };
};

const signIn = async (page: Page, iin: string) => {
  await syncBrowserClock(page);
  const signInPage = new ParentSignInPage(page);
  await signInPage.open();
  await signInPage.signIn(iin);
};

type SetUpReferral = { parent: Parent; referralId: string; number: string; phase: string };

/** Claims a free place of the parent's window through the API (the journey's set-up); the page is signed in. */
const claimSomePlace = async (baseUrl: string, page: Page): Promise<SetUpReferral> => {
  const { parent, window } = await findClaimant(baseUrl);
  await signIn(page, parent.iin);
  const windows = new PlacementWindows(page);
  const card = windows.card(window.applicationNumber);
  await windows.places(card).first().waitFor();
  // The bulletin is an immutable copy: earlier journeys may have taken some of its places.
  for (const placeId of await windows
    .places(card)
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-place') ?? ''))) {
    const claim = await claimAs(parent.session, placeId, window.applicationId);
    const [referral] = (claim.body['items'] ?? []) as { id: string; number: string; phase: string }[];
    if (claim.status === 201 && referral !== undefined)
      return { parent, referralId: referral.id, ...referral };
  }
  throw new Error(`no place of window ${window.windowId} could be claimed for the set-up`);
};

/** A referral of a fresh parent; `running` asks for one that runs at once (no privilege documents to confirm). */
const referralOf = async (baseUrl: string, page: Page, running = false): Promise<SetUpReferral> => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const referral = await claimSomePlace(baseUrl, page);
    if (!running || referral.phase === 'running') return referral;
    await page.context().clearCookies();
  }
  throw new Error('no running referral could be set up');
};

export const tests: readonly TestCase[] = [
  {
    name: 'placement: the parent sees an open window — its access, countdown and the bulletin places (kk, ru, 360 px)',
    run: async ({ page, baseUrl, screenshot }) => {
      const { parent, window } = await findClaimant(baseUrl);
      await signIn(page, parent.iin);
      const windows = new PlacementWindows(page);
      const card = windows.card(window.applicationNumber);
      await card.waitFor();
      equal(await card.getAttribute('data-can-claim'), 'true', 'the window lets the parent claim');
      const access = await textOf(card.locator('.placement-access'));
      check(
        window.phase === 'priority' ? access.includes('3 жұмыс күні') : access.includes('1000'),
        `the kind of access is named: ${access}`,
      );
      const countdown = await textOf(card.getByTestId('window-countdown'));
      check(/\d{4} жылғы .*\d\d:\d\d · .*қалды/.test(countdown), `closing time and countdown: ${countdown}`);
      await windows.places(card).first().waitFor();
      const place = windows.places(card).first();
      const facts = await textOf(place.locator('dl'));
      const name = await textOf(place.locator('.placement-place-name'));
      check(/«.+».*бос орын/.test(name), `the place names its kindergarten and free units: ${name}`);
      for (const label of ['Жас тобы', 'Тәрбиелеу тілі', 'Топ түрі', 'Болу режимі', 'Қабылдау түрі'])
        check(facts.includes(label), `the place shows "${label}": ${facts}`);
      await expectAccessible(page, 'my applications with a window');
      await screenshot('placement-window-kk');

      await windows.switchLanguage('ru');
      await page.getByText('Окна распределения мест', { exact: true }).waitFor();
      check(
        (await textOf(card.getByTestId('window-countdown'))).includes('осталось'),
        'the countdown in Russian',
      );
      await screenshot('placement-window-ru');

      // The application's own page shows its window too.
      await card.locator('h3 a').click();
      await page.waitForURL(`**/my/applications/${window.applicationId}`);
      await windows.card(window.applicationNumber).locator('li.placement-place').first().waitFor();
      await expectAccessible(page, 'application page with a window');
      await screenshot('placement-application-window-ru');

      await page.setViewportSize({ width: 360, height: 780 });
      await expectNoSidewaysScroll(page, 'windows at 360 px');
      await screenshot('placement-window-360');
    },
  },
  {
    name: 'placement: claim a place — the confirmation says what happens, the referral appears, the place leaves the list',
    run: async ({ page, baseUrl, screenshot }) => {
      const { parent, window } = await findClaimant(baseUrl);
      await signIn(page, parent.iin);
      const windows = new PlacementWindows(page);
      const card = windows.card(window.applicationNumber);
      const placeId = await windows.pickPlace(card);
      const place = windows.place(card, placeId);
      const unitsBefore = Number(await place.getAttribute('data-units'));
      await place.locator('button').click();
      const confirm = card.locator('.placement-confirm');
      await confirm.waitFor();
      const consequences = await textOf(confirm.locator('.placement-consequences'));
      check(consequences.includes('5 жұмыс күні'), `the referral's validity: ${consequences}`);
      check(consequences.includes('кезектен шығады'), `the application leaves the queue: ${consequences}`);
      check(consequences.includes('бір тәулік'), `cancel within a day: ${consequences}`);
      await expectAccessible(page, 'claim confirmation');
      await screenshot('placement-claim-confirm-kk');

      await confirm.getByTestId('claim-confirm').click();
      const issued = card.locator('.placement-issued');
      await issued.waitFor();
      check((await textOf(issued)).includes(`${window.applicationNumber}-`), 'the referral number is shown');
      const referral = windows.referrals.filter({ hasText: window.applicationNumber });
      await referral.first().waitFor();
      equal(await referral.first().getAttribute('data-status'), 'issued', 'the referral is listed as issued');
      await eventually(
        async () =>
          unitsBefore === 1 ? await place.count() : Number(await place.getAttribute('data-units')),
        (value) => value === (unitsBefore === 1 ? 0 : unitsBefore - 1),
        'the claimed unit leaves the list',
      );
      check(
        (await textOf(card.getByTestId('window-access'))).includes('жолдама берілген'),
        'the card says so',
      );
      // The application itself is shown as referred (the list reloads after the claim).
      await page
        .locator(`li.card[data-application="${window.applicationNumber}"] .badge[data-status="referred"]`)
        .waitFor();
      await card.locator('.status-loading').waitFor({ state: 'detached' });
      await screenshot('placement-claimed-kk');

      await referral.first().locator('a').click();
      await new ReferralPage(page).status.waitFor();
      await expectAccessible(page, 'referral page');
      await screenshot('placement-referral-kk');
    },
  },
  {
    name: 'placement: download the referral PDF in Kazakh and Russian',
    run: async ({ page, baseUrl, screenshot }) => {
      const { referralId } = await referralOf(baseUrl, page);
      await page.goto(`/my/referrals/${referralId}`);
      const referral = new ReferralPage(page);
      for (const lang of ['kk', 'ru'] as const) {
        const href = await referral.pdfLink(lang).getAttribute('href');
        check(href !== null && href.includes(`lang=${lang}`), `the ${lang} link: ${href}`);
        const response = await page.request.get(href);
        equal(response.status(), 200, `the ${lang} PDF answers`);
        check(
          (response.headers()['content-type'] ?? '').startsWith('application/pdf'),
          `the ${lang} PDF content type: ${response.headers()['content-type']}`,
        );
        check((await response.body()).subarray(0, 5).toString() === '%PDF-', `the ${lang} body is a PDF`);
      }
      await referral.switchLanguage('ru');
      await page.getByText('Скачать на русском (PDF)').waitFor();
      await screenshot('placement-referral-ru');
    },
  },
  {
    name: 'placement: extend the referral once, with a reason (the form checks days and reason)',
    run: async ({ page, baseUrl, screenshot }) => {
      const { referralId } = await referralOf(baseUrl, page, true);
      await page.goto(`/my/referrals/${referralId}`);
      const referral = new ReferralPage(page);
      const before = await referral.validUntil.getAttribute('data-date');
      const form = page.locator('form.placement-extend');
      await form.locator('button[type="submit"]').click();
      const errors = await form.locator('.field-error').allTextContents();
      equal(
        errors.join(' | '),
        'Күн санын енгізіңіз. | Ұзарту себебін таңдаңыз.',
        'both fields are required',
      );
      await form.locator('input[name="days"]').fill('45');
      await form.locator('select[name="reason"]').selectOption('illness');
      await form.locator('button[type="submit"]').click();
      equal(
        (await form.locator('.field-error').allTextContents()).join(),
        'Күн саны 1-ден 30-ға дейінгі бүтін сан болуы керек.',
        'at most 30 days',
      );
      await expectAccessible(page, 'extension form with errors');
      await screenshot('placement-extend-errors-kk');
      await form.locator('input[name="days"]').fill('10');
      await form.locator('button[type="submit"]').click();
      await page.locator('.placement-status[data-status="extended"]').waitFor();
      const after = await referral.validUntil.getAttribute('data-date');
      check(
        after !== null && before !== null && after > before,
        `valid until moves on: ${before} → ${after}`,
      );
      check(
        (await textOf(page.locator('.form-saved'))).includes('Мерзім ұзартылды'),
        'the change is confirmed',
      );
      equal(await form.count(), 0, 'a second extension is not offered');
      await screenshot('placement-extended-kk');
    },
  },
  {
    name: 'placement: cancel the referral within a day, after a confirmation',
    run: async ({ page, baseUrl, screenshot }) => {
      const { referralId } = await referralOf(baseUrl, page);
      await page.goto(`/my/referrals/${referralId}`);
      await page.getByTestId('cancel-referral').click();
      await page.getByTestId('cancel-yes').waitFor();
      await screenshot('placement-cancel-confirm-kk');
      await page.getByTestId('cancel-yes').click();
      await page.locator('.placement-status[data-status="cancelled"]').waitFor();
      check(
        (await textOf(new ReferralPage(page).explain)).includes('кезекке қайтарылды'),
        'the cancelled state is explained',
      );
      equal(await page.getByTestId('cancel-referral').count(), 0, 'no second cancel');
      await expectAccessible(page, 'cancelled referral');
      await screenshot('placement-cancelled-kk');
    },
  },
  {
    name: 'placement: a refused claim — another parent took the place meanwhile; the rule is named, the list refreshed',
    run: async ({ page, baseUrl, screenshot }) => {
      const [first, second] = await findParents(baseUrl, 2, (candidate, found) => {
        const window = claimable(candidate);
        if (window === undefined) return false;
        const other = found[0] === undefined ? undefined : claimable(found[0]);
        return other === undefined || other.windowId === window.windowId;
      });
      const window = first === undefined ? undefined : claimable(first);
      const rivalWindow = second === undefined ? undefined : claimable(second);
      check(
        window !== undefined && second !== undefined && rivalWindow !== undefined,
        'two parents of one window',
      );
      await signIn(page, first?.iin ?? '');
      const windows = new PlacementWindows(page);
      const card = windows.card(window.applicationNumber);
      const placeId = await windows.pickPlace(card);
      const place = windows.place(card, placeId);
      const units = Number(await place.getAttribute('data-units'));
      await place.locator('button').click();
      await card.getByTestId('claim-confirm').waitFor();
      // Meanwhile the other parents of the window take every unit of the place.
      const rival = await claimAs(second.session, placeId, rivalWindow.applicationId);
      check(rival.status === 201 || rival.status === 409, `the rival's claim: ${JSON.stringify(rival.body)}`);
      if (units > 1) {
        const [third] = await findParents(baseUrl, 1, (candidate) =>
          candidate.windows.some((w) => w.canClaimNow && w.windowId === window.windowId),
        );
        const thirdWindow = third?.windows.find((w) => w.canClaimNow && w.windowId === window.windowId);
        if (third !== undefined && thirdWindow !== undefined)
          await claimAs(third.session, placeId, thirdWindow.applicationId);
      }
      await card.getByTestId('claim-confirm').click();
      const refusal = card.locator('[data-refusal]');
      await refusal.waitFor();
      equal(await refusal.getAttribute('data-refusal'), 'NO_FREE_UNIT', 'the refusal code');
      const text = await textOf(refusal);
      check(text.includes('басқа өтініш беруші алып қойды'), `the refusal in words: ${text}`);
      check(/Ереже: R-[A-Z]+-\d+/.test(text), `the refusal names its rule: ${text}`);
      await eventually(
        () => place.count(),
        (count) => count === 0,
        'the taken place leaves the list',
      );
      await card.locator('.status-loading').waitFor({ state: 'detached' });
      await expectAccessible(page, 'refused claim');
      await screenshot('placement-claim-refused-kk');
    },
  },
  {
    name: 'placement: ask for a category change — pending until a clerk confirms it (kk, ru)',
    run: async ({ page, baseUrl, screenshot }) => {
      const [parent] = await findParents(baseUrl, 1, () => true);
      check(parent !== undefined, 'a parent with a queued application');
      await signIn(page, parent.iin);
      await page.locator('li.card[data-application] h2 a').first().click();
      await page.getByTestId('change-categories').click();
      await page.locator('input[name="categories"]').first().waitFor();
      await expectAccessible(page, 'category change');
      const box = page.locator('input[name="categories"][value="largeFamily"]');
      const had = await box.isChecked();
      if (had) await page.locator('input[name="categories"][value="disabledChild"]').check();
      else await box.check();
      await page.locator('form button[type="submit"]').click();
      const wanted = had ? 'disabledChild' : 'largeFamily';
      await eventually(
        () => textOf(page.getByTestId('pending-categories')),
        (text) => text !== '' && text !== 'жоқ',
        'the added category is pending',
      );
      check(
        (await textOf(page.locator('.form-saved'))).includes('қызметкер растағанша'),
        `the parent is told it is pending (${wanted})`,
      );
      await screenshot('placement-categories-kk');
      await new PlacementWindows(page).switchLanguage('ru');
      await page.getByText('Ожидают подтверждения', { exact: true }).waitFor();
      await screenshot('placement-categories-ru');
    },
  },
];
