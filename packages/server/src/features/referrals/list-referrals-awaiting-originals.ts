import type { ReferralList } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireStaff } from '../auth/authorize';
import { toReferralView } from './referral-view';
import type { ReferralsRepository } from './referrals.repository';

/**
 * §22 ¶2, R-REF-07, R-REF-08: the clerk's list of the referrals of their district waiting for the originals (the
 * proof state systems cannot confirm), the nearest deadline first — what they check and record the result of.
 */
export async function listReferralsAwaitingOriginals(
  deps: { referrals: Pick<ReferralsRepository, 'awaitingOriginals'>; format: (at: Date) => string },
  actor: Actor,
): Promise<ReferralList> {
  const clerk = requireStaff(actor, ['clerk']);
  const rows = await deps.referrals.awaitingOriginals(clerk.districtKato);
  return { items: rows.map((row) => toReferralView(row, deps.format)) };
}
