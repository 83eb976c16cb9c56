import type { ExtendReferral, ReferralView } from '@kezek/contracts';
import { extendReferral as extend } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import type { Rules } from '../../platform/rules';
import { requireApplicant } from '../auth/authorize';
import { changeReferral, type ReferralChangeDeps } from './referral-change';
import { referralNotices } from './referral-notice';

/**
 * §30, R-REF-10: the applicant extends a running referral once, by at most 30 calendar days, for illness,
 * treatment, a business trip or leave; a non-working last day moves to the next working day.
 */
export const extendReferral = (
  deps: ReferralChangeDeps & { rules: Rules },
  actor: Actor,
  id: string,
  input: ExtendReferral,
  now: Date,
): Promise<ReferralView> =>
  changeReferral(deps, actor, id, now, {
    allowed: requireApplicant,
    action: 'referral.extended',
    decide: (referral, at, record) =>
      extend(
        referral,
        { days: input.days, reason: input.reason, at },
        deps.rules.policyFor(record.settlement_kato, now),
        deps.rules.calendar,
      ),
    unit: 'keep',
    notice: referralNotices.extended,
  });
