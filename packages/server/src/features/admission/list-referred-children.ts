import type { ReferralList } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireStaff } from '../auth/authorize';
import { toReferralView } from '../referrals/referral-view';
import type { ReferralsRepository } from '../referrals/referrals.repository';

/** §22 ¶2, R-KG-07: the kindergarten's live referrals the provider has confirmed — the children it expects. */
export async function listReferredChildren(
  deps: { referrals: Pick<ReferralsRepository, 'ofKindergarten'>; format: (at: Date) => string },
  actor: Actor,
): Promise<ReferralList> {
  const staff = requireStaff(actor, ['kindergartenStaff']);
  if (staff.kindergartenId === null) throw new AppError('FORBIDDEN', 'The account has no kindergarten');
  const rows = await deps.referrals.ofKindergarten(staff.kindergartenId);
  return { items: rows.map((row) => toReferralView(row, deps.format)) };
}
