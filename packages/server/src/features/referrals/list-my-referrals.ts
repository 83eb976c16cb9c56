import type { ReferralList } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireApplicant } from '../auth/authorize';
import { toReferralView } from './referral-view';
import type { ReferralsRepository } from './referrals.repository';

/** The signed-in applicant's referrals, newest first. */
export async function listMyReferrals(
  deps: { referrals: Pick<ReferralsRepository, 'ofApplicant'>; format: (at: Date) => string },
  actor: Actor,
): Promise<ReferralList> {
  const applicant = requireApplicant(actor);
  const rows = await deps.referrals.ofApplicant(applicant.applicantId);
  return { items: rows.map((row) => toReferralView(row, deps.format)) };
}
