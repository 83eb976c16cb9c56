import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localDate, makeIin } from '@kezek/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApplyWizard, ParentSignInPage, StaffSignInPage } from '../../pages/signed-in';
import { PlacementWindows, ReferralPage, type MyWindow } from '../../pages/placement-pages';
import { expectAccessible, expectNoSidewaysScroll } from '../../support/axe';
import { check, equal, eventually, textOf } from '../../support/expect';
import type { TestCase } from '../../support/harness';
import { spawnKezek, type KezekProcess } from '../../support/server';
import { ALMALY_KATO, CLERK_LOGIN, DEMO_PASSWORD } from '../journey-state';

/**
 * The whole allocation cycle across the audiences, on a server of its own whose clock the journey moves
 * (POST /api/dev/clock): the suite's shared server keeps its fixed day for the other journeys.
 */
const START = '2026-03-02T10:00:00+05:00';
const BULLETIN = '2026-03-02T18:00:05+05:00';
const WINDOW = '2026-03-03T07:00:05+05:00';
const KG_LOGIN = 'kg.staff';
/** A parent the development individuals database knows, with two children of preschool age. */
const PARENT_IIN = makeIin(localDate('1989-11-23'), 'female', 6254);

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const JOB_WAIT_MS = 60_000;

type Application = { id: string; number: string; status: string; birthYear: number };

/** The journey's own server: a fresh demo database, its jobs looking for due slots twice a second. */
const startCycleServer = async (): Promise<{ server: KezekProcess; close: () => Promise<void> }> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kezek-cycle-'));
  const server = await spawnKezek(
    repoRoot,
    { DATA_DIR: dataDir, KEZEK_NOW: START, KEZEK_JOB_TICK_MS: '500' },
    join(repoRoot, 'e2e', 'out', 'cycle-server.log'),
  );
  return {
    server,
    close: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

/** Moves the server's clock (the jobs catch up on their next tick) and every page's clock with it. */
const travel = async (baseUrl: string, to: string, pages: readonly Page[]): Promise<void> => {
  const response = await fetch(`${baseUrl}/api/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to }),
  });
  equal(response.status, 200, `moving the clock to ${to}`);
  for (const page of pages) await page.clock.setSystemTime(new Date(to));
};

/** A fresh context for one audience, phone-sized for the parent, with the page's clock on the server's day. */
const open = async (
  browser: Browser,
  baseUrl: string,
  width: number,
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.clock.install({ time: new Date(START) });
  return { context, page };
};

const json = async <T>(page: Page, path: string): Promise<T> => {
  const response = await page.request.get(path);
  equal(response.status(), 200, `GET ${path}`);
  return (await response.json()) as T;
};

const myApplications = async (parent: Page): Promise<Application[]> =>
  (await json<{ items: Application[] }>(parent, '/api/applications?pageSize=10')).items;

const myWindows = async (parent: Page): Promise<MyWindow[]> =>
  (await json<{ windows: MyWindow[] }>(parent, '/api/my/windows')).windows;

/** Applies for the `child`-th child of the apply form; a category makes the application wait for a clerk. */
const apply = async (parent: Page, child: number, categories: readonly string[] = []): Promise<string> => {
  await parent.goto('/my/apply');
  await new ApplyWizard(parent).apply({
    child,
    categories,
    settlement: ALMALY_KATO,
    mobile: '+7 701 625 40 20',
  });
  return new URL(parent.url()).pathname.split('/').pop() ?? '';
};

/** The clerk confirms the category's documents: the application enters the queue (R-ELIG-10). */
const verify = async (clerk: Page, applicationId: string): Promise<void> => {
  await new StaffSignInPage(clerk).signIn(CLERK_LOGIN, DEMO_PASSWORD);
  await clerk.goto(`/clerk/applications/${applicationId}`);
  await clerk.locator('#result-confirmed').check();
  await clerk.locator('form button[type="submit"]').first().click();
  await clerk.locator('main .badge[data-status="queued"]').waitFor();
};

/** Kindergarten staff report `count` places in the group of children born in `birthYear` (R-KG-01, §28). */
const report = async (kg: Page, birthYear: number, count: number): Promise<void> => {
  const main = kg.locator('main');
  await main.getByTestId('kg-places').waitFor();
  const age = 2026 - birthYear;
  const group = main.locator('select[name="groupId"] option', { hasText: new RegExp(`^${age}-kk$`) });
  await main.locator('select[name="groupId"]').selectOption((await group.getAttribute('value')) ?? '');
  await main.locator('input[name="count"]').fill(String(count));
  await main.locator('form.kg-report button[type="submit"]').click();
  await main.getByTestId('kg-saved').waitFor();
};

/** The parent claims the first place of the window, through the confirmation. */
const claim = async (parent: Page, window: MyWindow): Promise<string> => {
  const windows = new PlacementWindows(parent);
  const card = windows.section.locator(`li.placement-window[data-window="${window.windowId}"]`);
  const placeId = await windows.pickPlace(card);
  await windows.place(card, placeId).locator('button').click();
  await card.getByTestId('claim-confirm').click();
  await card.locator('.placement-issued').waitFor();
  return placeId;
};

export const tests: readonly TestCase[] = [
  {
    name: 'cycle: apply → verify → report → 18:00 bulletin → 07:00 window → claim → PDF → admission; revoke → back in the queue',
    run: async ({ page: suitePage, screenshot }) => {
      const browser = suitePage.context().browser();
      check(browser !== null, 'the suite runs in a browser');
      const { server, close } = await startCycleServer();
      const contexts: BrowserContext[] = [];
      const failed = join(repoRoot, 'e2e', 'out', 'cycle-failed');
      try {
        const audience = async (width: number) => {
          const opened = await open(browser, server.baseUrl, width);
          contexts.push(opened.context);
          return opened.page;
        };
        const parent = await audience(390);
        const clerk = await audience(1280);
        const kg = await audience(1280);
        const visitor = await audience(1280);
        const pages = [parent, clerk, kg, visitor];

        // Sessions end overnight: each audience signs in again after the clock has moved.
        const parentSignsIn = async () => {
          await new ParentSignInPage(parent).open();
          await new ParentSignInPage(parent).signIn(PARENT_IIN);
        };
        // 10:00 Monday: the parent applies for both children, one with a category a clerk must confirm.
        await parentSignsIn();
        const first = await apply(parent, 0, ['teacher']);
        await parent.locator('main .badge[data-status="pending"]').waitFor();
        await screenshot('cycle-1-applied-pending-kk', parent);
        const second = await apply(parent, 1);
        await parent.locator('main .badge[data-status="queued"]').waitFor();
        await verify(clerk, first);
        await screenshot('cycle-2-clerk-verified-kk', clerk);
        const applications = await myApplications(parent);
        const byId = (id: string) => applications.find((application) => application.id === id);
        const ours = [byId(first), byId(second)].filter((a): a is Application => a !== undefined);
        equal(ours.map((a) => a.status).join(), 'queued,queued', 'both applications are queued');

        // The kindergarten reports places in each child's group.
        await new StaffSignInPage(kg).signIn(KG_LOGIN, DEMO_PASSWORD);
        const years = [...new Set(ours.map((a) => a.birthYear))];
        for (const year of years) await report(kg, year, 2);
        await screenshot('cycle-3-places-reported-kk', kg);

        // 18:00: the day's bulletin publishes them (R-WIN-01); the public sees it.
        await travel(server.baseUrl, BULLETIN, pages);
        const bulletin = await eventually(
          async () =>
            (
              await json<{ items: { id: number; date: string; vacated: number }[] }>(
                visitor,
                `/api/public/bulletins?settlement=${ALMALY_KATO}&pageSize=5`,
              )
            ).items.find((item) => item.date === '2026-03-02'),
          (item) => item !== undefined,
          'the 18:00 bulletin of the day',
          JOB_WAIT_MS,
        );
        check(bulletin !== undefined && bulletin.vacated >= 2 * years.length, 'our places are in it');
        await visitor.goto(`/bulletins/${bulletin.id}`);
        await visitor.locator('main table tbody tr').first().waitFor();
        await expectAccessible(visitor, 'the new bulletin');
        await screenshot('cycle-4-bulletin-kk', visitor);

        // 07:00 Tuesday: the windows open. Whoever is not among the first (R-WIN-04) waits for the
        // leftover phase after three working days (R-WIN-07), when the first 1000 of the queue may claim.
        await travel(server.baseUrl, WINDOW, pages);
        await parentSignsIn();
        // The applications also take part in the demo's earlier windows: these are the windows of today's bulletin.
        const windowsOf = async () =>
          (await myWindows(parent)).filter(
            (w) =>
              ours.some((a) => a.id === w.applicationId) && w.opensAt === WINDOW.slice(0, 16) + ':00+05:00',
          );
        const opened = await eventually(
          windowsOf,
          (windows) => windows.length === ours.length && windows.every((w) => w.phase !== 'none'),
          'a window for each application',
          JOB_WAIT_MS,
        );
        const closing = opened.flatMap((w) => (w.canClaimNow || w.closesAt === null ? [] : [w.closesAt]));
        if (closing.length > 0) {
          await parent.goto('/my');
          await new PlacementWindows(parent).section.waitFor();
          await screenshot('cycle-5-window-waiting-kk', parent);
          const after = new Date(Math.max(...closing.map((at) => new Date(at).getTime())) + 5_000);
          await travel(server.baseUrl, after.toISOString(), pages);
          await parentSignsIn();
          await eventually(
            windowsOf,
            (windows) => windows.every((w) => w.canClaimNow),
            'the leftover phase lets both claim',
            JOB_WAIT_MS,
          );
        }
        await parent.goto('/my');
        const [revoked, admitted] = ours as [Application, Application];
        const windowOf = (application: Application) => opened.find((w) => w.applicationId === application.id);
        const admittedWindow = windowOf(admitted);
        const revokedWindow = windowOf(revoked);
        check(admittedWindow !== undefined && revokedWindow !== undefined, 'the two windows');
        const admittedPlace = await claim(parent, admittedWindow);
        await expectNoSidewaysScroll(parent, 'my applications with a window, phone-sized');
        await screenshot('cycle-6-claimed-kk', parent);
        const revokedPlace = await claim(parent, revokedWindow);
        check(admittedPlace !== '' && revokedPlace !== '', 'both claims name their places');

        // The referral and its PDF.
        const referrals = (
          await json<{ items: { id: string; applicationId: string; number: string }[] }>(
            parent,
            '/api/me/referrals',
          )
        ).items;
        const referralOf = (application: Application) =>
          referrals.find((referral) => referral.applicationId === application.id);
        const admittedReferral = referralOf(admitted);
        const revokedReferral = referralOf(revoked);
        check(admittedReferral !== undefined && revokedReferral !== undefined, 'two referrals');
        await parent.goto(`/my/referrals/${admittedReferral.id}`);
        const referralPage = new ReferralPage(parent);
        await referralPage.status.waitFor();
        const pdf = await parent.request.get((await referralPage.pdfLink('kk').getAttribute('href')) ?? '');
        equal(pdf.status(), 200, 'the referral PDF');
        check((await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'the referral is a PDF');
        await expectAccessible(parent, 'the referral');
        await screenshot('cycle-7-referral-kk', parent);

        // The parent sends the e-copies of the admission documents on the portal (R-ADM-01, R-ADM-03).
        const documents = parent.locator('form.admission-request');
        await documents.locator('button[type="submit"]').click();
        equal(
          await documents.locator('.field-error').count(),
          2,
          'the two required e-copies are named when empty',
        );
        await documents.locator('input[name="reference-vaccinationCard065"]').fill('065-2026-000417');
        await documents.locator('input[name="reference-healthCertificate027"]').fill('027-2026-001802');
        await documents.locator('input[name="issuedOn-healthCertificate027"]').fill('2026-03-05');
        await expectAccessible(parent, 'the admission documents form');
        await documents.locator('button[type="submit"]').click();
        await parent.getByTestId('admission-missing').waitFor();
        check(
          (await textOf(parent.getByTestId('admission'))).includes('065-2026-000417'),
          'the sent documents are listed',
        );
        await screenshot('cycle-7b-documents-sent-kk', parent);

        // The teacher's child waits for the originals of the employer certificate: the district's clerk
        // checks them and records the result (R-REF-07); only then does the kindergarten see the referral.
        await new StaffSignInPage(clerk).signIn(CLERK_LOGIN, DEMO_PASSWORD);
        await clerk.goto('/clerk/referrals');
        const originals = clerk.locator(`li.originals-card[data-referral="${revokedReferral.number}"]`);
        await originals.locator('button[type="submit"]').click();
        await originals.locator('.field-error').waitFor();
        await originals.locator('input[value="confirmed"]').check();
        await expectAccessible(clerk, 'the originals to check');
        await screenshot('cycle-7c-clerk-originals-kk', clerk);
        await originals.locator('button[type="submit"]').click();
        await clerk.getByTestId('originals-saved').filter({ hasText: revokedReferral.number }).waitFor();
        await originals.waitFor({ state: 'detached' });

        // The kindergarten admits the first child on a contract (service 2) …
        await new StaffSignInPage(kg).signIn(KG_LOGIN, DEMO_PASSWORD);
        await kg.goto('/kindergarten/referrals');
        const card = kg.locator('[data-testid="kg-referrals"] li', { hasText: admittedReferral.number });
        // The portal request is on the card; the decision on it is signed with the EDS.
        await card.getByTestId('kg-portal-request').waitFor();
        await card.locator('.form-actions .button:not(.button-secondary)').click();
        await kg.locator('input[name="contractNumber"]').fill('D-2026/301');
        await kg.locator('input[name="contractDate"]').fill('2026-03-04');
        await kg.locator('input[name="healthCertificateIssuedOn"]').fill('2026-03-01');
        await kg.locator('form.kg-decision button[type="submit"]').click();
        await kg.getByTestId('kg-saved').waitFor();
        await screenshot('cycle-8-admitted-kk', kg);
        await parent.goto(`/my/referrals/${admittedReferral.id}`);
        await parent.locator('.admission-decision[data-decision="admitted"]').waitFor();
        check(
          (await textOf(parent.getByTestId('admission-signed'))).includes('ЭЦҚ'),
          'the parent sees the decision signed with the EDS',
        );
        await screenshot('cycle-8b-decision-signed-kk', parent);

        // … and takes back the other child's place for quarantine: that referral is cancelled and the
        // application returns to the queue at its own place (R-KG-03).
        await kg.goto('/kindergarten');
        const row = kg.locator(`[data-testid="kg-places"] tr[data-place="${revokedPlace}"]`);
        await row.getByRole('button').last().click();
        // The whole place is taken back: the free unit and the one referred.
        await kg.locator('form.kg-revoke input[type="number"]').fill('2');
        await kg.locator('form.kg-revoke select').selectOption('quarantine');
        await kg.locator('form.kg-revoke button[type="submit"]').click();
        await eventually(
          () => textOf(kg.getByTestId('kg-saved')),
          (text) => text.endsWith(': 1.'),
          'the revocation says one referral was cancelled',
        );
        await screenshot('cycle-9-revoked-kk', kg);

        const after = await eventually(
          () => myApplications(parent),
          (list) =>
            list.find((a) => a.id === admitted.id)?.status === 'enrolled' &&
            list.find((a) => a.id === revoked.id)?.status === 'queued',
          'one child enrolled, the other back in the queue',
        );
        check(after.length >= 2, 'the parent sees both');
        await parent.goto(`/my/applications/${revoked.id}`);
        await parent.getByTestId('position').waitFor();
        await expectAccessible(parent, 'the application back in the queue');
        await screenshot('cycle-10-back-in-queue-kk', parent);
        await parent.goto('/my');
        await parent.locator(`li.card[data-application="${admitted.number}"]`).waitFor();
        await screenshot('cycle-11-my-applications-kk', parent);
      } catch (error) {
        for (const [index, context] of contexts.entries())
          await context
            .pages()[0]
            ?.screenshot({ path: `${failed}-${index}.png`, fullPage: true })
            .catch(() => undefined);
        throw error;
      } finally {
        for (const context of contexts) await context.close();
        await close();
      }
    },
  },
];
