import { archiveApplication, enrollApplication } from '../allocation/application';
import type { Outcome } from '../allocation/outcome';
import { isWaiting, occupyUnit } from '../allocation/place';
import {
  admitReferral,
  cancelReferral,
  confirmReferral,
  extendReferral,
  refuseAdmission,
  type Referral,
} from '../allocation/referral';
import type { Refusal, RuleId } from '../refusal';
import { lookup } from './lookup';
import { endWithoutAdmission } from './referral-ending';
import type { ScenarioAction } from './scenario-event';
import { currentPolicy, type World } from './world';

export type ReferralAction = Extract<
  ScenarioAction,
  { do: 'cancelReferral' | 'extendReferral' | 'confirmReferral' | 'admit' | 'refuseAdmission' }
>;

const RULE: Record<ReferralAction['do'], RuleId> = {
  cancelReferral: 'R-REF-09',
  extendReferral: 'R-REF-10',
  confirmReferral: 'R-REF-07',
  admit: 'R-ADM-09',
  refuseAdmission: 'R-ADM-10',
};

function transition(world: World, action: ReferralAction, referral: Referral): Outcome<Referral> {
  const policy = currentPolicy(world);
  switch (action.do) {
    case 'cancelReferral':
      return cancelReferral(referral, world.now);
    case 'extendReferral':
      return extendReferral(
        referral,
        { days: action.days, reason: action.reason, at: world.now },
        policy,
        world.calendar,
      );
    case 'confirmReferral': {
      const place = world.places.get(referral.place);
      return confirmReferral(referral, action.result, {
        at: world.now,
        placeWaiting: place !== undefined && isWaiting(place),
        policy,
        calendar: world.calendar,
      });
    }
    case 'admit':
      return admitReferral(referral, world.now);
    case 'refuseAdmission':
      return refuseAdmission(referral, action.reason, world.now);
  }
}

/**
 * R-ADM-09: the unit is occupied and the application enrolled; the child's other active applications are
 * archived (`enrolledElsewhere`) unless the stay is temporary (R-REF-13).
 */
function admit(world: World, referral: Referral): void {
  const place = world.places.get(referral.place);
  if (place) world.places.set(place.id, occupyUnit(place, referral.unit));
  const temporary = referral.admission === 'temporary';
  for (const application of world.applications.values()) {
    if (application.id === referral.application)
      world.applications.set(application.id, enrollApplication(application, temporary));
    else if (
      !temporary &&
      application.child.id === referral.child &&
      ['pending', 'queued', 'stopped'].includes(application.status)
    )
      world.applications.set(application.id, archiveApplication(application, 'enrolledElsewhere'));
  }
}

/** Spec §5.2 transitions driven by the applicant, the provider and the kindergarten. */
export function applyReferralAction(world: World, action: ReferralAction): Refusal | undefined {
  const found = lookup(world.referrals, action.referral, 'referral', RULE[action.do]);
  if ('refusal' in found) return found.refusal;
  const outcome = transition(world, action, found.found);
  if (!outcome.ok) return outcome.refusal;
  const referral = outcome.value;
  if (referral.status === 'admitted') {
    world.referrals.set(referral.id, referral);
    admit(world, referral);
  } else if (referral.status === 'issued' || referral.status === 'extended') {
    world.referrals.set(referral.id, referral);
  } else {
    endWithoutAdmission(world, referral, {
      toStopList: referral.status === 'expired' && currentPolicy(world).stopListOnReferralExpiry,
      dropPrivilege: referral.statusReason === 'privilegeNotConfirmed',
    });
  }
  return undefined;
}
