import { returnToQueue } from '../allocation/application';
import { endStay, reportPlace, revokeUnits, vacatePlace, type Place } from '../allocation/place';
import { expireWithStay, revokeReferral, startOnVacating } from '../allocation/referral';
import type { Refusal } from '../refusal';
import { localDateOf } from '../time/instant';
import { lookup } from './lookup';
import { endWithoutAdmission } from './referral-ending';
import type { ScenarioAction } from './scenario-event';
import { currentPolicy, type World } from './world';

type PlaceAction = Extract<ScenarioAction, { do: 'place' }>;

/**
 * R-KG-01, R-KG-04, R-KG-05: a kindergarten reports places; they enter the next bulletin (a general-mode
 * place starting after it is published as early booking, R-KG-08). An early-booking place whose set date
 * has come is vacated at once (R-SYS-07).
 */
export function reportPlaceEvent(world: World, action: PlaceAction): Refusal | undefined {
  const found = lookup(world.kindergartens, action.kindergarten, 'kindergarten', 'R-KG-01');
  if ('refusal' in found) return found.refusal;
  const { ref, kindergarten, count, age, birthYear, queue, mode, admission, language } = action;
  const { freeFrom, until, startDate } = action;
  const place = reportPlace(
    {
      ...{
        kindergarten,
        count,
        age,
        birthYear,
        queue,
        mode,
        admission,
        language,
        freeFrom,
        until,
        startDate,
      },
      id: ref,
      settlement: found.found.settlement,
      ownership: found.found.ownership,
    },
    world.now,
  );
  const setDateCame =
    place.admission === 'earlyBooking' &&
    place.freeFrom !== undefined &&
    place.freeFrom <= localDateOf(world.now);
  world.places.set(ref, setDateCame ? { ...place, vacatedAt: world.now } : place);
  return undefined;
}

/** R-SYS-07: the early-booked place is vacated; a referral waiting for it starts running (R-REF-06). */
export function vacate(world: World, place: Place): Refusal | undefined {
  const outcome = vacatePlace(place, world.now);
  if (!outcome.ok) return outcome.refusal;
  world.places.set(place.id, outcome.value);
  const policy = currentPolicy(world);
  for (const referral of world.referrals.values()) {
    if (referral.place === place.id)
      world.referrals.set(referral.id, startOnVacating(referral, world.now, policy, world.calendar));
  }
  return undefined;
}

export function freePlaceEvent(world: World, ref: string): Refusal | undefined {
  const found = lookup(world.places, ref, 'place', 'R-SYS-07');
  return 'refusal' in found ? found.refusal : vacate(world, found.found);
}

/**
 * R-KG-02, R-KG-03, R-REF-15: the kindergarten takes units back; referrals on them are revoked and their
 * applications return to the queue; revoked units never return (R-WIN-08). Published units taken back go
 * into the next revoked-places bulletin (R-WIN-01, A-28).
 */
export function revokeEvent(
  world: World,
  action: Extract<ScenarioAction, { do: 'revoke' }>,
): Refusal | undefined {
  const found = lookup(world.places, action.place, 'place', 'R-KG-02');
  if ('refusal' in found) return found.refusal;
  const outcome = revokeUnits(found.found, action.count, action.reason);
  if (!outcome.ok) return outcome.refusal;
  const { place, published, referrals } = outcome.value;
  world.places.set(action.place, place);
  for (const id of referrals) {
    const referral = world.referrals.get(id);
    if (referral === undefined) continue;
    world.referrals.set(id, revokeReferral(referral, action.reason));
    const application = world.applications.get(referral.application);
    if (application) world.applications.set(application.id, returnToQueue(application, id, false));
  }
  if (published.length > 0)
    world.revocations.push({
      place: action.place,
      units: published,
      reason: action.reason,
      revokedAt: world.now,
      cancelledReferrals: referrals,
    });
  return undefined;
}

/**
 * §25(4), R-KG-05, R-REF-13: the temporary stay is over. The place closes; a referral not yet admitted
 * lapses; the child's application, which kept its queue all along, simply no longer holds the stay.
 */
export function endTemporaryStay(world: World, place: Place): void {
  world.places.set(place.id, endStay(place, world.now));
  for (const referral of [...world.referrals.values()]) {
    if (referral.place !== place.id) continue;
    const lapsed = expireWithStay(referral);
    if (lapsed) endWithoutAdmission(world, lapsed, { toStopList: false, dropPrivilege: false });
    else if (referral.status === 'admitted') {
      const application = world.applications.get(referral.application);
      if (application) world.applications.set(application.id, returnToQueue(application, referral.id, false));
    }
  }
}
