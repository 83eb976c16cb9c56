import type { MyWindow } from '@kezek/contracts';
import { request, type APIRequestContext, type Locator, type Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** One of the parent's windows on /my or an application's page, and the places it offers. */
export class PlacementWindows extends AppShell {
  readonly section: Locator;
  readonly cards: Locator;
  readonly referrals: Locator;

  constructor(page: Page) {
    super(page);
    this.section = this.main.locator('section.placement-windows');
    this.cards = this.section.locator('li.placement-window');
    this.referrals = this.main.locator('[data-testid="referrals"] li.placement-referral');
  }

  card(applicationNumber: string): Locator {
    return this.section.locator(`li.placement-window[data-application-number="${applicationNumber}"]`);
  }

  places(card: Locator): Locator {
    return card.locator('li.placement-place');
  }

  place(card: Locator, placeId: string): Locator {
    return card.locator(`li.placement-place[data-place="${placeId}"]`);
  }

  /** The first place of a card with exactly `units` free units, else the first place. */
  async pickPlace(card: Locator, units = 1): Promise<string> {
    await this.places(card).first().waitFor();
    const single = card.locator(`li.placement-place[data-units="${units}"]`);
    const chosen = (await single.count()) > 0 ? single.first() : this.places(card).first();
    return (await chosen.getAttribute('data-place')) ?? '';
  }
}

/** A referral's page: status, validity, PDF links, extend and cancel. */
export class ReferralPage extends AppShell {
  readonly explain: Locator;
  readonly validUntil: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    super(page);
    this.explain = page.getByTestId('referral-explain');
    this.validUntil = page.getByTestId('valid-until');
    this.status = this.main.locator('.placement-status');
  }

  pdfLink(lang: 'kk' | 'ru'): Locator {
    return this.main.locator(`a[download][data-lang="${lang}"]`);
  }
}

export type { MyWindow };

type Json = Record<string, unknown>;

/** A signed-in API session of its own (not the page's), with its CSRF token for writes. */
export type ApiSession = { api: APIRequestContext; csrf: string };

export const staffSession = async (baseUrl: string, login: string, password: string): Promise<ApiSession> => {
  const api = await request.newContext({ baseURL: baseUrl });
  const response = await api.post('/api/auth/staff/login', { data: { login, password } });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { api, csrf: csrfToken };
};

/** A parent signed in through the development EDS flow (challenge, dev signature, login). */
export const parentSession = async (baseUrl: string, iin: string): Promise<ApiSession> => {
  const api = await request.newContext({ baseURL: baseUrl });
  const challenge = (await (
    await api.post('/api/auth/applicant/challenge', { data: { iin } })
  ).json()) as Json;
  const signed = (await (
    await api.post('/api/dev/signature', { data: { iin, payload: challenge['payload'] } })
  ).json()) as Json;
  const login = await api.post('/api/auth/applicant/login', {
    data: { challengeId: challenge['challengeId'], signature: signed['signature'] },
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { api, csrf: csrfToken };
};

export const myWindows = async (session: ApiSession): Promise<MyWindow[]> =>
  ((await (await session.api.get('/api/my/windows')).json()) as { windows: MyWindow[] }).windows;

/** The units of a window from its settlement's bulletins (as the page gathers them). */
export const windowUnits = async (
  session: ApiSession,
  window: MyWindow,
): Promise<{ placeId: string; unit: number }[]> => {
  const [settlement, birthYear] = window.queueKey.split('/');
  const list = (await (
    await session.api.get(
      `/api/public/bulletins?settlement=${settlement}&to=${(window.opensAt ?? '').slice(0, 10)}&pageSize=10`,
    )
  ).json()) as { items: { id: number; vacated: number }[] };
  const units: { placeId: string; unit: number; queueKey: string }[] = [];
  for (const bulletin of list.items.filter((b) => b.vacated > 0)) {
    const view = (await (
      await session.api.get(`/api/public/bulletins/${bulletin.id}?birthYear=${birthYear}&pageSize=100`)
    ).json()) as { items: { items: { placeId: string; unit: number; queueKey: string }[] } };
    units.push(...view.items.items.filter((item) => item.queueKey === window.queueKey));
  }
  return units;
};

export const claimAs = async (
  session: ApiSession,
  placeId: string,
  applicationId: string,
): Promise<{ status: number; body: Json }> => {
  const response = await session.api.post('/api/referrals', {
    data: { placeId, applicationIds: [applicationId] },
    headers: { 'x-csrf-token': session.csrf, 'idempotency-key': `e2e-${applicationId}-${placeId}` },
  });
  return { status: response.status(), body: (await response.json()) as Json };
};
