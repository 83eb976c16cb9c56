import type {
  BulletinPage,
  BulletinView,
  ClaimReferral,
  ExtendReferral,
  Language,
  MyWindows,
  ReferralList,
  ReferralView,
} from '@kezek/contracts';
import { buildUrl, getJson, sendJson } from './client';

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/** R-WIN-03..07: the signed-in applicant's allocation windows and whether each application may claim now. */
export const fetchMyWindows = (signal?: AbortSignal): Promise<MyWindows> =>
  getJson<MyWindows>('/api/my/windows', undefined, withSignal(signal));

/** The settlement's bulletins published up to `to` (national date), newest first. */
export const fetchSettlementBulletins = (
  settlement: string,
  to: string,
  signal?: AbortSignal,
): Promise<BulletinPage> =>
  getJson<BulletinPage>('/api/public/bulletins', { settlement, to, pageSize: 10 }, withSignal(signal));

/** A bulletin's units of one birth year (one page of up to 100). */
export const fetchBulletinUnits = (
  id: number,
  birthYear: number,
  signal?: AbortSignal,
): Promise<BulletinView> =>
  getJson<BulletinView>(`/api/public/bulletins/${id}`, { birthYear, pageSize: 100 }, withSignal(signal));

/** The same key on a retry makes the server answer with the first result instead of booking twice. */
export const claimReferral = (body: ClaimReferral, idempotencyKey: string): Promise<ReferralList> =>
  sendJson<ReferralList>('POST', '/api/referrals', body, { headers: { 'idempotency-key': idempotencyKey } });

export const fetchMyReferrals = (signal?: AbortSignal): Promise<ReferralList> =>
  getJson<ReferralList>('/api/me/referrals', undefined, withSignal(signal));

export const fetchReferral = (id: string, signal?: AbortSignal): Promise<ReferralView> =>
  getJson<ReferralView>(`/api/referrals/${encodeURIComponent(id)}`, undefined, withSignal(signal));

export const extendReferral = (id: string, body: ExtendReferral): Promise<ReferralView> =>
  sendJson<ReferralView>('POST', `/api/referrals/${encodeURIComponent(id)}/extension`, body);

export const cancelReferral = (id: string): Promise<ReferralView> =>
  sendJson<ReferralView>('POST', `/api/referrals/${encodeURIComponent(id)}/cancellation`, {});

/** A plain link: the browser downloads the PDF with the session cookie. */
export const referralPdfHref = (id: string, lang: Language): string =>
  buildUrl(`/api/referrals/${encodeURIComponent(id)}/document.pdf`, { lang });
