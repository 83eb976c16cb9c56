import { addPolicyChange } from '../policy/policy-timeline';
import { refusal, type Refusal } from '../refusal';
import { applyApplicationAction } from './application-events';
import { claimEvent } from './claim-event';
import { applyEvent } from './new-application';
import { freePlaceEvent, reportPlaceEvent, revokeEvent } from './place-events';
import { applyReferralAction } from './referral-events';
import type { ScenarioAction } from './scenario-event';
import type { World } from './world';

/** Applies one event at the world's clock; a refusal is the event's outcome, the world then unchanged. */
export function applyScenarioAction(world: World, action: ScenarioAction): Refusal | undefined {
  switch (action.do) {
    case 'policy': {
      // G-12: from now on; jobs already due at this instant ran before the event with the old policy.
      const changed = addPolicyChange(world.policies, {
        region: null,
        effectiveFrom: world.now,
        set: action.set,
      });
      if (!changed.ok)
        return refusal(
          'INVALID_STATE',
          'R-SYS-04',
          changed.error.map((e) => `${e.field}: ${e.message}`).join('; '),
        );
      world.policies = changed.value;
      return undefined;
    }
    case 'calendar':
      world.calendar = world.calendar.withYear(action.year, action.calendar);
      return undefined;
    case 'kindergarten':
      world.kindergartens.set(action.ref, {
        id: action.ref,
        settlement: action.settlement,
        ownership: action.ownership,
      });
      return undefined;
    case 'apply':
      return applyEvent(world, action);
    case 'verify':
    case 'categories':
    case 'withdraw':
    case 'stoplist':
    case 'confirmInterest':
      return applyApplicationAction(world, action);
    case 'place':
      return reportPlaceEvent(world, action);
    case 'free':
      return freePlaceEvent(world, action.place);
    case 'revoke':
      return revokeEvent(world, action);
    case 'claim':
      return claimEvent(world, action);
    case 'cancelReferral':
    case 'extendReferral':
    case 'confirmReferral':
    case 'admit':
    case 'refuseAdmission':
      return applyReferralAction(world, action);
    case 'snapshot':
    case 'tick':
      return undefined;
  }
}
