import { applicationGroup, referApplication, type Application } from '../allocation/application';
import {
  applicationKey,
  checkClaimant,
  checkMatch,
  checkPrivilegeReuse,
  chooseUnit,
  planSiblingUnits,
} from '../allocation/claim';
import { needsOriginals } from '../allocation/needs-originals';
import { isWaiting, reserveUnit, type Place } from '../allocation/place';
import { issueReferral } from '../allocation/referral';
import { nextGSinceP } from '../queue/ordering';
import { refusal, type Refusal } from '../refusal';
import { lookup } from './lookup';
import { childHasLiveReferral, unitAccess } from './queue-view';
import { siblingReferralRef, type ScenarioAction } from './scenario-event';
import { currentPolicy, type World } from './world';

type ClaimAction = Extract<ScenarioAction, { do: 'claim' }>;

/** The unit one application may take in `place` by its own right (R-WIN-04..10, R-QUEUE-09). */
function ownUnit(world: World, application: Application, place: Place): number | Refusal {
  const mismatch =
    checkMatch(application, place) ?? checkPrivilegeReuse(application, place, currentPolicy(world));
  if (mismatch) return mismatch;
  const key = applicationKey(application);
  return chooseUnit(place, (unit) => unitAccess(world, key, place.units[unit]?.bulletin, application.id));
}

function claimants(
  world: World,
  action: ClaimAction,
): { readonly applications: Application[] } | { readonly refusal: Refusal } {
  const applications: Application[] = [];
  for (const ref of action.applications) {
    const found = lookup(world.applications, ref, 'application', 'R-APPL-04');
    if ('refusal' in found) return found;
    const problem = checkClaimant(found.found, childHasLiveReferral(world, found.found.child.id));
    if (problem) return { refusal: problem };
    applications.push(found.found);
  }
  const [first] = applications;
  if (applications.some((application) => application.applicant !== first?.applicant))
    return {
      refusal: refusal(
        'INVALID_STATE',
        'R-REF-04',
        'referrals are taken together only for one applicant’s children',
      ),
    };
  if (new Set(applications.map((application) => application.child.id)).size !== applications.length)
    return {
      refusal: refusal('INVALID_STATE', 'R-REF-04', 'siblings taken together must be different children'),
    };
  return { applications };
}

/**
 * R-APPL-04, R-SYS-06, R-REF-04: a claim reserves units and issues one referral per child. One sibling must
 * be entitled to the claimed place; the others take free units of that kindergarten, all or none.
 */
export function claimEvent(world: World, action: ClaimAction): Refusal | undefined {
  const found = lookup(world.places, action.place, 'place', 'R-APPL-04');
  if ('refusal' in found) return found.refusal;
  const place = found.found;
  const claim = claimants(world, action);
  if ('refusal' in claim) return claim.refusal;
  const { applications } = claim;

  // R-REF-04: the first child (in the claim's order) entitled to a unit of the claimed place by its own right.
  const attempts = applications.map((application) => ownUnit(world, application, place));
  const entitled = attempts.findIndex((attempt) => typeof attempt === 'number');
  const unit = attempts[entitled];
  if (typeof unit !== 'number') return attempts.find((attempt) => typeof attempt !== 'number');

  const kindergartenPlaces = [
    place,
    ...[...world.places.values()].filter(
      (other) => other.kindergarten === place.kindergarten && other.id !== place.id,
    ),
  ];
  const others = applications.filter((_, index) => index !== entitled);
  const siblings = planSiblingUnits(others, kindergartenPlaces, [[place.id, unit]], currentPolicy(world));
  if ('refusal' in siblings) return siblings.refusal;
  const units = [...siblings.plan];
  units.splice(entitled, 0, [place.id, unit]);

  const siblingGroup = applications.length > 1 ? action.ref : undefined;
  units.forEach(([placeId, unitIndex], index) => {
    const application = applications[index];
    if (application)
      reserve(world, application, placeId, unitIndex, siblingReferralRef(action.ref, index), siblingGroup);
  });
  return undefined;
}

function reserve(
  world: World,
  application: Application,
  placeId: string,
  unit: number,
  id: string,
  siblingGroup: string | undefined,
): void {
  const policy = currentPolicy(world);
  const place = world.places.get(placeId);
  if (place === undefined) return;
  const temporary = place.admission === 'temporary';
  const referral = issueReferral(
    {
      id,
      application: application.id,
      child: application.child.id,
      place: placeId,
      unit,
      admission: place.admission,
      siblingGroup,
      privileged: applicationGroup(application) !== 'G',
      needsConfirmation: needsOriginals(application, policy),
      placeWaiting: isWaiting(place),
    },
    world.now,
    policy,
    world.calendar,
  );
  world.referrals.set(id, referral);
  world.places.set(placeId, reserveUnit(place, unit, id));
  world.applications.set(application.id, referApplication(application, id, temporary));
  // R-ORDER-05: the counter of the queue the referral was issued from.
  const key = applicationKey(application);
  world.gSinceP.set(
    key,
    nextGSinceP(world.gSinceP.get(key) ?? 0, applicationGroup(application), {
      generalPerPriority: policy.generalPerPriority,
      interleave: policy.interleave,
      temporary,
    }),
  );
}
