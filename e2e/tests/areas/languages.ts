import type { Page } from 'playwright-core';
import { AppShell, type UiLanguage } from '../../pages/app-shell';
import { staffSession } from '../../pages/placement-pages';
import { ParentSignInPage, StaffSignInPage } from '../../pages/signed-in';
import { expectAccessible, expectNoSidewaysScroll } from '../../support/axe';
import { syncBrowserClock } from '../../support/clock';
import { check, equal } from '../../support/expect';
import type { TestCase } from '../../support/harness';
import { CLERK_LOGIN, DEMO_PASSWORD } from '../journey-state';

const LANGUAGES: readonly UiLanguage[] = ['kk', 'ru', 'en'];
const PHONE = { width: 360, height: 780 };

/**
 * A message key shown instead of its text (i18next shows the key when a language lacks it), or a raw placeholder.
 * A key is a namespace, a dot and a camelCase or dotted rest: a staff login (`clerk.almaly`) is not one.
 */
const RAW_TEXT =
  /\b(placement|kgDesk|clerkDesk|registers|regionAdmin|account|auth|apply|parent|clerk|application|contacts|status|nav|form|apiError|kindergartens|home)\.([a-z]+[A-Z]|[a-zA-Z]+\.[a-zA-Z])|\{\{/;

/**
 * Every page on the way on a phone: axe finds no serious or critical violation, and in each language it shows
 * its own words (no raw key) and nothing scrolls sideways.
 */
const visit = async (page: Page, paths: readonly string[], screenshot: (name: string) => Promise<void>) => {
  const shell = new AppShell(page);
  for (const path of paths) {
    await page.goto(path);
    await shell.heading.waitFor();
    await page.locator('.status-loading').first().waitFor({ state: 'detached' });
    await expectAccessible(page, `${path} at 360 px`);
    for (const language of LANGUAGES) {
      await shell.switchLanguage(language);
      const text = await page.locator('body').innerText();
      const raw = RAW_TEXT.exec(text);
      check(raw === null, `${path} in ${language} shows a raw message key near "${raw?.[0] ?? ''}"`);
      await expectNoSidewaysScroll(page, `${path} in ${language} at 360 px`);
    }
    const name = path === '/' ? 'home' : path.replace(/[0-9a-f-]{36}/, 'one').replace(/[^a-z]+/g, '-');
    await screenshot(`phone-en-${name.replace(/^-/, '')}`);
    await shell.switchLanguage('kk');
  }
};

const firstHref = async (page: Page, path: string, selector: string): Promise<string> => {
  await page.goto(path);
  const link = page.locator(selector).first();
  await link.waitFor();
  return (await link.getAttribute('href')) ?? '';
};

/** Each audience's pages in Kazakh, Russian and English on a phone-sized screen. */
export const tests: readonly TestCase[] = [
  {
    name: 'languages: the public and the parent, every page in kk, ru and en at 360 px',
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize(PHONE);
      // On a phone the menu folds behind its button, and choosing a page folds it again.
      await page.goto('/');
      const toggle = page.locator('button.nav-toggle');
      const menu = page.locator('#site-nav-list');
      equal(await toggle.getAttribute('aria-expanded'), 'false', 'the menu starts folded');
      check(!(await menu.isVisible()), 'the folded menu is hidden');
      await toggle.click();
      await menu.locator('a[href="/bulletins"]').click();
      await page.waitForURL('**/bulletins');
      check(!(await menu.isVisible()), 'choosing a page folds the menu again');
      await visit(
        page,
        ['/', '/kindergartens', '/bulletins', '/queue', '/fairness', '/registers'],
        screenshot,
      );
      await syncBrowserClock(page);
      // A demo parent with a queued application (found as the demo clerk: the suite's shortcut).
      const clerk = await staffSession(baseUrl, CLERK_LOGIN, DEMO_PASSWORD);
      const list = (await (await clerk.api.get('/api/applications?status=queued&pageSize=1')).json()) as {
        items: { applicant: { iin: string } }[];
      };
      await clerk.api.dispose();
      const parent = list.items[0]?.applicant.iin;
      check(parent !== undefined, 'a demo parent with a queued application');
      await new ParentSignInPage(page).open();
      await new ParentSignInPage(page).signIn(parent);
      const application = await firstHref(page, '/my', 'li.card[data-application] h2 a');
      await visit(page, ['/my', application, '/my/notifications', '/my/apply'], screenshot);
    },
  },
  {
    name: 'languages: the clerk and the kindergarten, every page in kk, ru and en at 360 px',
    run: async ({ page, context, screenshot }) => {
      await page.setViewportSize(PHONE);
      await new StaffSignInPage(page).signIn(CLERK_LOGIN, DEMO_PASSWORD);
      const application = await firstHref(page, '/clerk', 'table tbody tr[data-application] a');
      await visit(page, ['/clerk', application, '/clerk/referrals'], screenshot);
      await context.clearCookies();
      await new StaffSignInPage(page).signIn('kg.staff', DEMO_PASSWORD);
      await visit(page, ['/kindergarten', '/kindergarten/referrals'], screenshot);
    },
  },
  {
    name: 'languages: the regional admin, every page in kk, ru and en at 360 px',
    run: async ({ page, screenshot }) => {
      await page.setViewportSize(PHONE);
      await syncBrowserClock(page);
      await new StaffSignInPage(page).signIn('admin.almaty', DEMO_PASSWORD);
      await visit(page, ['/admin/policy', '/admin/calendar', '/admin/territory', '/admin/staff'], screenshot);
    },
  },
];
