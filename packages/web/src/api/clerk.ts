import type { ConfirmReferral, ReferralList, ReferralView } from '@kezek/contracts';
import { getJson, sendJson } from './client';

/** R-REF-07: the referrals of the clerk's district waiting for the originals, nearest deadline first. */
export const fetchReferralsAwaitingOriginals = (signal?: AbortSignal): Promise<ReferralList> =>
  getJson<ReferralList>('/api/clerk/referrals', undefined, signal ? { signal } : {});

/** R-REF-07, R-REF-08: the result of the originals' check. */
export const confirmOriginals = (referralId: string, body: ConfirmReferral): Promise<ReferralView> =>
  sendJson<ReferralView>('POST', `/api/referrals/${referralId}/confirmation`, body);
