import type { Page } from 'playwright-core';

/**
 * The server runs on a shifted clock (KEZEK_NOW); the browser's countdowns must use the same time. Reads the
 * server's instant from the public overview (`asOf`) and starts the page's clock there; it then runs normally.
 * Call before the first navigation.
 */
export const syncBrowserClock = async (page: Page): Promise<Date> => {
  const response = await page.request.get('/api/public/overview');
  const { asOf } = (await response.json()) as { asOf: string };
  const now = new Date(asOf);
  await page.clock.install({ time: now });
  return now;
};
