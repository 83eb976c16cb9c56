import type { ConfirmReferral, ReferralView } from '@kezek/contracts';
import { confirmReferral as confirm, dropPrivileges, isLive, returnToQueue } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import type { Rules } from '../../platform/rules';
import { requireStaff } from '../auth/authorize';
import { changeReferral, type ReferralChangeDeps } from './referral-change';
import { referralNotices } from './referral-notice';

/**
 * §22, R-REF-07, R-REF-08: the provider's clerk has seen the originals shown after the referral. Confirmed, the
 * referral runs from now (or waits for its early-booked place) and the kindergarten sees it (R-KG-07); a privilege
 * not confirmed cancels it and the application goes back to the queue without the privilege; an identity not
 * confirmed lets it expire — back to the queue, or on the stop list where the region's policy says so.
 */
export const confirmReferral = (
  deps: ReferralChangeDeps & { rules: Rules },
  actor: Actor,
  id: string,
  input: ConfirmReferral,
  now: Date,
): Promise<ReferralView> =>
  changeReferral(deps, actor, id, now, {
    allowed: (who) => requireStaff(who, ['clerk']),
    action: 'referral.confirmation',
    decide: (referral, at, record) =>
      confirm(referral, input.result, {
        at,
        placeWaiting: record.vacated_at === null,
        policy: deps.rules.policyFor(record.settlement_kato, now),
        calendar: deps.rules.calendar,
      }),
    unit: (referral) => (isLive(referral) ? 'keep' : 'release'),
    application: (application, referral) => {
      if (isLive(referral)) return application;
      const toStopList =
        referral.status === 'expired' &&
        deps.rules.policyFor(application.settlement, now).stopListOnReferralExpiry;
      const returned = returnToQueue(application, referral.id, toStopList);
      return referral.statusReason === 'privilegeNotConfirmed' ? dropPrivileges(returned) : returned;
    },
    notice: (referral, record) =>
      isLive(referral)
        ? referralNotices.running(referral, record)
        : referral.status === 'expired'
          ? referralNotices.expired(referral, record)
          : referralNotices.privilegeNotConfirmed(referral, record),
  });
