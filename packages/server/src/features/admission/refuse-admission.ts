import { admissionDecisionPayload, type RefuseAdmission, type ReferralView } from '@kezek/contracts';
import { refuseAdmission as refuse, returnToQueue } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { requireStaff } from '../auth/authorize';
import { changeReferral, type ReferralChangeDeps } from '../referrals/referral-change';
import { referralNotices } from '../referrals/referral-notice';
import { decisionSignature, type DecisionSignatureDeps } from './decision-signature';

/**
 * §34, R-ADM-04, R-ADM-06, R-ADM-10: the kindergarten refuses admission for a legal reason (documents missing or
 * expired, a medical contraindication); the referral is `refused`, the unit goes back for the next bulletin and
 * the application back to the queue at its original position.
 */
export async function refuseAdmission(
  deps: ReferralChangeDeps & DecisionSignatureDeps,
  actor: Actor,
  id: string,
  input: RefuseAdmission,
  now: Date,
): Promise<ReferralView> {
  requireStaff(actor, ['kindergartenStaff']);
  const signed = await decisionSignature(
    deps,
    actor,
    id,
    (referralNumber) =>
      admissionDecisionPayload({ referralNumber, decision: 'refused', reason: input.reason }),
    input.signature,
  );
  return changeReferral(deps, actor, id, now, {
    allowed: (who) => requireStaff(who, ['kindergartenStaff']),
    action: 'referral.refused',
    decide: (referral, at) => refuse(referral, input.reason, at),
    unit: 'release',
    application: (application, referral) => returnToQueue(application, referral.id, false),
    admission: {
      decision: 'refused',
      reason: input.reason,
      decided_by: actor.kind === 'staff' ? actor.userId : null,
      ...signed,
    },
    notice: referralNotices.refused,
  });
}
