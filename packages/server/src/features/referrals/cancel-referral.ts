import type { ReferralView } from '@kezek/contracts';
import { cancelReferral as cancel, returnToQueue } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { requireApplicant } from '../auth/authorize';
import { changeReferral, type ReferralChangeDeps } from './referral-change';
import { referralNotices } from './referral-notice';

/**
 * §30, R-REF-09: the applicant cancels a live referral until issue + 24 h; the unit goes back to `reported`
 * for the next bulletin (R-WIN-08) and the application back to the queue at its original submission time.
 */
export const cancelReferral = (
  deps: ReferralChangeDeps,
  actor: Actor,
  id: string,
  now: Date,
): Promise<ReferralView> =>
  changeReferral(deps, actor, id, now, {
    allowed: requireApplicant,
    action: 'referral.cancelled',
    decide: (referral, at) => cancel(referral, at),
    unit: 'release',
    application: (application, referral) => returnToQueue(application, referral.id, false),
    notice: referralNotices.cancelled,
  });
