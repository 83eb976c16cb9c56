import { expectAccessible, expectNoSidewaysScroll } from '../support/axe';
import type { TestCase } from '../support/harness';

/** Pages anyone can open; the signed-in pages are checked inside the journeys. */
const PUBLIC_PAGES = [
  '/',
  '/kindergartens',
  '/signin',
  '/staff/signin',
  '/my',
  '/clerk',
  '/no-such-page',
] as const;

export const accessibilityTests: readonly TestCase[] = [
  {
    name: 'axe: no serious or critical violation on the public pages, at 1280 and 360 px',
    run: async ({ page, screenshot }) => {
      for (const path of PUBLIC_PAGES) {
        await page.goto(path);
        await page.locator('main h1').waitFor();
        await page.waitForFunction(() => document.querySelector('.status-loading') === null);
        await expectAccessible(page, path);
      }
      await page.setViewportSize({ width: 360, height: 780 });
      for (const path of PUBLIC_PAGES) {
        await page.goto(path);
        await page.locator('main h1').waitFor();
        await page.waitForFunction(() => document.querySelector('.status-loading') === null);
        await expectNoSidewaysScroll(page, `${path} at 360 px`);
        await expectAccessible(page, `${path} at 360 px`);
      }
      await page.goto('/my');
      await page.locator('main h1').waitFor();
      await screenshot('signin-required-360');
    },
  },
];
