import type { ReferralView } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { authorizeRecord, requireSignedIn } from '../auth/authorize';
import { REFERRAL_ACCESS } from './referral-access';
import { toReferralView } from './referral-view';
import type { ReferralsRepository } from './referrals.repository';

/** One referral the actor may see (else NOT_FOUND, whether or not it exists). */
export async function getReferral(
  deps: { referrals: Pick<ReferralsRepository, 'byId'>; format: (at: Date) => string },
  actor: Actor,
  id: string,
): Promise<ReferralView> {
  const record = authorizeRecord(
    requireSignedIn(actor),
    'read',
    await deps.referrals.byId(id),
    REFERRAL_ACCESS,
  );
  return toReferralView(record, deps.format);
}
