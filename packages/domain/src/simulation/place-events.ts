import { returnToQueue } from '../allocation/application';
import { reportPlace, revokeUnits, vacatePlace, type Place } from '../allocation/place';
import { revokeReferral, startOnVacating } from '../allocation/referral';
import type { Refusal } from '../refusal';
import { localDateOf } from '../time/instant';
import { lookup } from './lookup';
import type { ScenarioAction } from './scenario-event';
import { currentPolicy, type World } from './world';

type PlaceAction = Extract<ScenarioAction, { do: 'place' }>;

/**
 * R-KG-01, R-KG-04, R-KG-05: a kindergarten reports places; they enter the next bulletin. R-KG-08: a
 * general-mode place starting after the report is published as early booking from its start date, and an
 * early-booking place whose set date has come is vacated at once.
 */
export function reportPlaceEvent(world: World, action: PlaceAction): Refusal | undefined {
  const found = lookup(world.kindergartens, action.kindergarten, 'kindergarten', 'R-KG-01');
  if ('refusal' in found) return found.refusal;
  const today = localDateOf(world.now);
  const startsLater =
    action.admission === 'general' && action.startDate !== undefined && action.startDate > today;
  const admission = startsLater ? 'earlyBooking' : action.admission;
  const freeFrom = startsLater ? action.startDate : action.freeFrom;
  const { ref, kindergarten, count, age, birthYear, queue, mode, language, until, startDate } = action;
  const place = reportPlace(
    {
      ...{ kindergarten, count, age, birthYear, queue, mode, language, until, startDate },
      id: ref,
      admission,
      freeFrom,
      settlement: found.found.settlement,
      ownership: found.found.ownership,
    },
    world.now,
  );
  world.places.set(
    ref,
    admission === 'earlyBooking' && freeFrom !== undefined && freeFrom <= today
      ? { ...place, vacatedAt: world.now }
      : place,
  );
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
 * applications return to the queue; revoked units never return (R-WIN-08).
 */
export function revokeEvent(
  world: World,
  action: Extract<ScenarioAction, { do: 'revoke' }>,
): Refusal | undefined {
  const found = lookup(world.places, action.place, 'place', 'R-KG-02');
  if ('refusal' in found) return found.refusal;
  const outcome = revokeUnits(found.found, action.count);
  if (!outcome.ok) return outcome.refusal;
  world.places.set(action.place, outcome.value.place);
  for (const id of outcome.value.referrals) {
    const referral = world.referrals.get(id);
    if (referral === undefined) continue;
    world.referrals.set(id, revokeReferral(referral, action.reason));
    const application = world.applications.get(referral.application);
    if (application) world.applications.set(application.id, returnToQueue(application, id, false));
  }
  return undefined;
}
