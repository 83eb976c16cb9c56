import type { Page } from 'playwright-core';
import { RegistersPages, realReceipt, signHeadsNow } from '../../pages/registers-pages';
import { expectAccessible, expectNoSidewaysScroll } from '../../support/axe';
import { check, equal, eventually, textOf, urlOf } from '../../support/expect';
import type { TestCase } from '../../support/harness';

const ALMALY = '751110000';

type BulletinSummary = { id: number; vacated: number; settlement: { kato: string } };

/**
 * The newest bulletin with vacated places. The demo's past days are published by the bulletins job catching up
 * just after the server starts, so a run of these journeys alone may look before: wait up to two minutes.
 */
const bulletinWithPlaces = async (page: Page): Promise<BulletinSummary> => {
  const list = await eventually(
    async () =>
      (await (await page.request.get('/api/public/bulletins?pageSize=100')).json()) as {
        items: BulletinSummary[];
      },
    (result) => result.items.some((bulletin) => bulletin.vacated > 0),
    'a published bulletin with vacated places',
    120_000,
  );
  const found = list.items.find((bulletin) => bulletin.vacated > 0);
  if (found === undefined) throw new Error('the demo has no bulletin with vacated places');
  return found;
};

const failWith503 = (page: Page, pattern: string) =>
  page.route(pattern, (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'maintenance' } }),
    }),
  );

/** A queue with more than one page: its settlement, birth year and the entries of page 2. */
const longQueue = async (page: Page) => {
  for (const year of [2022, 2021, 2023, 2020]) {
    const url = `/api/public/queue?settlement=${ALMALY}&birthYear=${year}&page=2&pageSize=20`;
    const result = (await (await page.request.get(url)).json()) as {
      total: number;
      items: { number: string; position: number }[];
    };
    if (result.items.length > 0) return { year, total: result.total, second: result.items };
  }
  throw new Error('the demo has no queue longer than one page');
};

export const tests: readonly TestCase[] = [
  {
    name: 'registers: bulletins in kk and ru — filter, a bulletin with its places, immutable, its register entry verifies',
    run: async ({ page, baseUrl, screenshot }) => {
      await signHeadsNow(baseUrl);
      const bulletin = await bulletinWithPlaces(page);
      const pages = new RegistersPages(page);
      await page.goto('/');
      await page.locator('nav.site-nav a[href="/bulletins"]').click();
      await page.waitForURL('**/bulletins');
      await pages.settled();
      equal(await pages.headingText(), 'Бос орындар бюллетеньдері', 'heading');
      equal(await page.title(), 'Бос орындар бюллетеньдері — Kezek', 'document title');
      check((await pages.rows.count()) > 0, 'bulletins are listed');
      await expectAccessible(page, 'bulletins');
      await screenshot('registers-bulletins-kk');

      // Filter by a settlement: every row is of it.
      await pages.main.locator('select[name="settlement"]').selectOption(ALMALY);
      await page.waitForURL((url) => url.searchParams.get('settlement') === ALMALY);
      await pages.settled();
      const settlements = await pages.column('Елді мекен');
      check(settlements.length > 0, 'the filter leaves some bulletins');
      check(
        settlements.every((name) => name === 'Алмалы ауданы'),
        `every row is of Almaly: ${settlements.join()}`,
      );

      // A bulletin with its places (once the register's sequencer, every 10 s, has given its entry a place).
      await eventually(
        async () =>
          (
            (await (await page.request.get('/api/ledger/bulletins/leaves?limit=1000')).json()) as {
              leaves: { leaf: string }[];
            }
          ).leaves,
        (leaves) => leaves.some((entry) => entry.leaf.includes(`"entity":"${bulletin.id}"`)),
        'the bulletin is sequenced in its register',
        60_000,
      );
      await signHeadsNow(baseUrl);
      await page.goto(`/bulletins/${bulletin.id}`);
      await pages.main.getByTestId('places-table').waitFor();
      check(
        (await pages.headingText()).includes('бюллетені'),
        `bulletin heading "${await pages.headingText()}"`,
      );
      check(
        (await textOf(pages.main.getByTestId('immutable'))).includes('өзгермейді'),
        'says it is immutable',
      );
      check((await textOf(pages.main.getByTestId('published-at'))).includes('18:00'), 'published at 18:00');
      check((await pages.rows.count()) > 0, 'its places are listed');
      const ages = await pages.column('Жас тобы');
      check(
        ages.every((age) => /жастағы балалар \(\d{4} ж\.т\.\)/.test(age)),
        `age groups: ${ages[0]}`,
      );
      await pages.main.getByTestId('no-revocations').waitFor();
      await pages.main.getByTestId('register-entry').waitFor();
      await expectAccessible(page, 'bulletin');
      await screenshot('registers-bulletin-kk');

      // Filter its places by the group language.
      await pages.main.locator('select').nth(1).selectOption('ru');
      await page.waitForURL((url) => url.searchParams.get('language') === 'ru');
      await eventually(
        () => pages.column('Топтың тілі'),
        (languages) => languages.length > 0 && languages.every((language) => language === 'орыс тілі'),
        'only Russian groups after the filter',
      );

      await pages.switchLanguage('ru');
      check((await pages.headingText()).startsWith('Бюллетень за'), 'Russian heading');
      check(
        (await textOf(pages.main.getByTestId('immutable'))).includes('не меняется'),
        'Russian immutability',
      );
      await screenshot('registers-bulletin-ru');

      // Its entry in the bulletins register verifies in the browser.
      await pages.main.getByTestId('register-entry').locator('a').click();
      await page.waitForURL('**/registers/verify?**');
      equal(urlOf(page).searchParams.get('log'), 'bulletins', 'the link names the register');
      equal(await pages.verdict(), 'verified', 'the bulletin entry verifies');
      check(
        (await textOf(pages.main.locator('[data-verdict] h2'))).startsWith('Проверено'),
        'Russian verdict',
      );
      const fields = await textOf(pages.main.locator('[data-verdict] dl'));
      check(fields.includes(`bulletin.published`), `the entry is the bulletin's publication: ${fields}`);
    },
  },
  {
    name: 'registers: bulletins empty, error and not-found states',
    run: async ({ page, screenshot }) => {
      const pages = new RegistersPages(page);
      await bulletinWithPlaces(page);
      await page.goto('/bulletins?from=2030-01-01');
      await pages.settled();
      await pages.empty.waitFor();
      equal(
        await textOf(pages.empty.locator('.status-title')),
        'Бұл сүзгілер бойынша бюллетень жоқ.',
        'empty',
      );
      await expectAccessible(page, 'bulletins empty');
      await screenshot('registers-bulletins-empty-kk');

      await failWith503(page, '**/api/public/bulletins?**');
      await page.goto('/bulletins');
      await pages.error.waitFor();
      check((await textOf(pages.error)).includes('UNAVAILABLE'), 'the error names its code');
      await screenshot('registers-bulletins-error-kk');
      await page.unroute('**/api/public/bulletins?**');
      await pages.error.locator('button').click();
      await pages.rows.first().waitFor();

      await page.goto('/bulletins/999999');
      await eventually(
        () => pages.headingText(),
        (text) => text === 'Мұндай бюллетень жоқ',
        'not found',
      );
    },
  },
  {
    name: 'registers: the public queue — choose, paginate, find my number, not found, empty, in kk and ru',
    run: async ({ page, screenshot }) => {
      const pages = new RegistersPages(page);
      const { year, total, second } = await longQueue(page);
      await page.goto('/queue');
      equal(await pages.headingText(), 'Кезек', 'heading');
      await pages.empty.waitFor();
      // Both required choices are named when missing.
      await pages.main.getByRole('button', { name: 'Кезекті көрсету' }).click();
      const errors = await pages.main.locator('.field-error').allTextContents();
      equal(errors.join(' | '), 'Елді мекенді таңдаңыз. | Баланың туған жылын таңдаңыз.', 'field errors');
      await expectAccessible(page, 'queue chooser with errors');

      await pages.main.locator('select[name="settlement"]').selectOption(ALMALY);
      await pages.main.locator('select[name="birthYear"]').selectOption(String(year));
      await pages.main.getByRole('button', { name: 'Кезекті көрсету' }).click();
      await page.waitForURL((url) => url.searchParams.get('birthYear') === String(year));
      await pages.settled();
      equal(Number(await pages.main.getByTestId('result-count').getAttribute('data-total')), total, 'total');
      equal(await pages.rows.count(), 20, 'a page of 20');
      check((await textOf(pages.main.getByTestId('queue-title'))).includes('Алмалы ауданы'), 'queue named');
      const firstPositions = await pages.column('Орны');
      equal(firstPositions[0], '1', 'the first page starts at position 1');
      await expectAccessible(page, 'queue');
      await screenshot('registers-queue-kk');

      // Find a number that is on page 2: the page opens there and marks it.
      const target = second[second.length - 1];
      check(target !== undefined, 'page 2 has entries');
      await pages.main.locator('input[name="number"]').fill(target.number);
      await pages.main.getByRole('button', { name: 'Табу' }).click();
      await page.waitForURL((url) => url.searchParams.get('number') === target.number);
      await pages.settled();
      equal(await pages.pageStatus.getAttribute('data-page'), '2', 'jumped to page 2');
      await pages.main.locator(`tr[data-number="${target.number}"][aria-current="true"]`).waitFor();
      check(
        (await textOf(pages.main.getByTestId('found-number'))).includes(`${target.position}-орында`),
        'the notice gives the position',
      );
      await screenshot('registers-queue-found-kk');

      // A number not in this queue is a field error.
      await pages.main.locator('input[name="number"]').fill('000000000-9999999');
      await pages.main.getByRole('button', { name: 'Табу' }).click();
      await pages.main.locator('.registers-find .field-error').waitFor();
      check(
        (await textOf(pages.main.locator('.registers-find .field-error'))).includes('бұл кезекте жоқ'),
        'number not found',
      );
      await expectAccessible(page, 'queue number not found');

      await page.goto(`/queue?settlement=${ALMALY}&birthYear=${year}&page=2`);
      await pages.settled();
      await pages.switchLanguage('ru');
      check((await textOf(pages.main.getByTestId('result-count'))).startsWith('В очереди'), 'Russian count');
      equal(await pages.column('Место').then((cells) => cells[0]), '21', 'page 2 starts at 21');
      await screenshot('registers-queue-ru');

      // An empty queue.
      await page.goto(
        `/queue?settlement=${ALMALY}&birthYear=${new Date().getFullYear()}&queue=special:hearing`,
      );
      await pages.settled();
      await pages.empty.waitFor();
      equal(
        await textOf(pages.empty.locator('.status-title')),
        'В этой очереди нет заявлений.',
        'empty queue',
      );
    },
  },
  {
    name: 'registers: fairness figures in kk and ru — tables with explanations, district filter, empty and error',
    run: async ({ page, screenshot }) => {
      const pages = new RegistersPages(page);
      const api = (await (await page.request.get('/api/public/fairness')).json()) as {
        referrals: { total: number; byGroup: Record<string, number> };
      };
      await page.goto('/fairness');
      await pages.settled();
      equal(await pages.headingText(), 'Орындар қалай бөлінді', 'heading');
      const summary = await textOf(pages.main.getByTestId('fairness-summary'));
      check(summary.includes(String(api.referrals.total)), `total ${api.referrals.total} in "${summary}"`);
      const groups = await pages.main
        .locator('[data-testid="fairness-groups"] tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')));
      equal(groups.join(), 'O,P,G', 'the three ordering groups');
      const gCount = await textOf(
        pages.main.locator('[data-testid="fairness-groups"] tr[data-key="G"] td').first(),
      );
      equal(gCount, String(api.referrals.byGroup['G']), 'group G count');
      check((await pages.main.locator('.registers-explain').count()) >= 5, 'each figure is explained');
      await expectAccessible(page, 'fairness');
      await screenshot('registers-fairness-kk');

      await pages.main.locator('select').first().selectOption(ALMALY);
      await page.waitForURL((url) => url.searchParams.get('district') === ALMALY);
      await pages.settled();
      check(
        (await textOf(pages.main.getByTestId('fairness-period'))).startsWith('Алмалы ауданы'),
        'district',
      );

      await pages.switchLanguage('ru');
      equal(await pages.headingText(), 'Как распределены места', 'Russian heading');
      await screenshot('registers-fairness-ru');

      await page.goto('/fairness?from=2020-01-01&to=2020-12-31');
      await pages.settled();
      await pages.empty.waitFor();
      await screenshot('registers-fairness-empty-ru');

      await failWith503(page, '**/api/public/fairness**');
      await page.goto('/fairness');
      await pages.error.waitFor();
      check((await textOf(pages.error)).includes('UNAVAILABLE'), 'error state');
    },
  },
  {
    name: 'registers: heads and key; verify a real receipt, its QR text and leaf hash; tampered receipts fail',
    run: async ({ page, baseUrl, screenshot }) => {
      const pages = new RegistersPages(page);
      // Before any signed head the page says so (reachable when this runs first), then the signed state.
      await page.goto('/registers');
      await pages.main.locator('[data-log="referrals"] dl').waitFor();
      if ((await pages.main.getByTestId('no-head').count()) > 0)
        await screenshot('registers-heads-unsigned-kk');
      const heads = await signHeadsNow(baseUrl);
      await page.reload();
      const referralsHead = heads.find((head) => head.log === 'referrals')?.head;
      check(referralsHead !== undefined, 'the referrals register was signed');
      await eventually(
        () => textOf(pages.main.locator('[data-log="referrals"] [data-testid="root-hash"]')),
        (text) => text.length === 64,
        'the signed root is shown',
      );
      const key = (await (await page.request.get('/api/ledger/key')).json()) as { publicKey: string };
      equal(await textOf(pages.main.getByTestId('public-key')), key.publicKey, 'the published key is shown');
      equal(await pages.main.locator('li[data-log]').count(), 3, 'three registers');
      await expectAccessible(page, 'registers');
      await screenshot('registers-heads-kk');

      // A real receipt from the API verifies, every step passing.
      const receipt = await realReceipt(page, 'referrals');
      await page.goto('/registers/verify');
      equal(await pages.headingText(), 'Түбіртекті тексеру', 'verify heading');
      await pages.verify(JSON.stringify(receipt, null, 2));
      equal(await pages.verdict(), 'verified', 'a real receipt verifies');
      equal(
        (await pages.steps()).join(),
        'leaf:passed,key:passed,published:passed,head:passed,inclusion:passed,consistent:passed',
        'every step passes',
      );
      check(
        (await textOf(pages.main.getByTestId('verdict-summary'))).includes('Жолдамалар тізілімі'),
        'summary',
      );
      await expectAccessible(page, 'verified receipt');
      await screenshot('registers-verify-kk');

      // The same receipt with its leaf altered: the leaf no longer matches its hash.
      const leaf = String(receipt['leaf']);
      const altered = { ...receipt, leaf: leaf.replace(/"status":"[a-z]+"/, '"status":"cancelled"') };
      check(altered.leaf !== leaf, 'the leaf was altered');
      await pages.verify(JSON.stringify(altered));
      equal(await pages.verdict(), 'failed', 'an altered leaf fails');
      check((await pages.steps()).includes('leaf:failed'), 'the leaf step fails');
      await expectAccessible(page, 'failed receipt');
      await screenshot('registers-verify-tampered-kk');

      // A swapped leaf hash (and no leaf): the proof no longer leads to the signed root.
      const hash = String(receipt['leafHash']);
      const swapped = {
        ...receipt,
        leaf: leaf,
        leafHash: hash.slice(0, -1) + (hash.endsWith('0') ? '1' : '0'),
      };
      await pages.verify(JSON.stringify(swapped));
      equal(await pages.verdict(), 'failed', 'a swapped hash fails');
      const steps = await pages.steps();
      check(steps.includes('leaf:failed') && steps.includes('inclusion:failed'), `steps ${steps.join()}`);

      // A forged signature.
      const head = receipt['head'] as Record<string, unknown>;
      const signature = String(head['signature']);
      const forged = {
        ...receipt,
        head: { ...head, signature: signature.slice(0, -2) + (signature.endsWith('00') ? '01' : '00') },
      };
      await pages.verify(JSON.stringify(forged));
      equal(await pages.verdict(), 'failed', 'a forged signature fails');
      check((await pages.steps()).includes('head:failed'), 'the head step fails');

      // The QR text verifies too (there is no leaf in it).
      await pages.verify(String(receipt['qr']));
      equal(await pages.verdict(), 'verified', 'the QR text verifies');
      check((await pages.steps()).includes('leaf:skipped'), 'the leaf step is skipped for a QR text');

      // A bare leaf hash: the receipt is fetched from the chosen register.
      await pages.verify(hash, 'referrals');
      equal(await pages.verdict(), 'verified', 'a leaf hash verifies');
      await pages.verify(hash, 'bulletins');
      await pages.main.locator('.registers-result .status-error').waitFor();

      // Not a receipt at all.
      await pages.verify('hello');
      equal(
        await textOf(pages.main.locator('form .field-error')),
        'Бұл түбіртек емес: JSON түбіртекті, «KZL1.» QR мәтінін немесе 64 таңбалы хэшті қойыңыз.',
        'invalid input is a field error',
      );

      await pages.switchLanguage('ru');
      await pages.verify(JSON.stringify(receipt));
      equal(
        await textOf(pages.main.locator('[data-verdict] h2')),
        'Проверено: запись есть в реестре',
        'Russian',
      );
      await screenshot('registers-verify-ru');
    },
  },
  {
    name: 'registers: every page at 360 px without sideways scrolling',
    run: async ({ page, baseUrl, screenshot }) => {
      await signHeadsNow(baseUrl);
      const pages = new RegistersPages(page);
      const bulletin = await bulletinWithPlaces(page);
      const { year } = await longQueue(page);
      await page.setViewportSize({ width: 360, height: 780 });

      await page.goto('/bulletins');
      await pages.settled();
      await expectNoSidewaysScroll(page, 'bulletins at 360 px');
      await screenshot('registers-bulletins-360');

      await page.goto(`/bulletins/${bulletin.id}`);
      await pages.main.getByTestId('places-table').waitFor();
      await expectNoSidewaysScroll(page, 'bulletin at 360 px');
      await expectAccessible(page, 'bulletin at 360 px');
      await screenshot('registers-bulletin-360');

      await page.goto(`/queue?settlement=${ALMALY}&birthYear=${year}`);
      await pages.settled();
      await expectNoSidewaysScroll(page, 'queue at 360 px');
      await expectAccessible(page, 'queue at 360 px');
      await screenshot('registers-queue-360');

      await page.goto('/fairness');
      await pages.settled();
      await expectNoSidewaysScroll(page, 'fairness at 360 px');
      await screenshot('registers-fairness-360');

      await page.goto('/registers');
      await pages.main.locator('[data-log="applications"] dl').waitFor();
      await expectNoSidewaysScroll(page, 'registers at 360 px');
      await screenshot('registers-heads-360');

      const receipt = await realReceipt(page, 'applications');
      await page.goto('/registers/verify');
      await pages.verify(JSON.stringify(receipt));
      equal(await pages.verdict(), 'verified', 'verifies at 360 px');
      await expectNoSidewaysScroll(page, 'verify at 360 px');
      await expectAccessible(page, 'verify at 360 px');
      await screenshot('registers-verify-360');
    },
  },
];
