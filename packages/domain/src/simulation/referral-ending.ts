import { dropPrivileges, returnToQueue } from '../allocation/application';
import { releaseUnit } from '../allocation/place';
import type { Referral } from '../allocation/referral';
import type { World } from './world';

/**
 * A referral ended without admission (cancelled, expired, refused, not confirmed): its unit goes to the next
 * bulletin (R-WIN-08) and the application returns to the queue (R-ORDER-10) — on the stop list after an
 * expiry if the policy says so, without the privilege that was not confirmed (R-REF-08).
 */
export function endWithoutAdmission(
  world: World,
  referral: Referral,
  options: { readonly toStopList: boolean; readonly dropPrivilege: boolean },
): void {
  world.referrals.set(referral.id, referral);
  const place = world.places.get(referral.place);
  if (place) world.places.set(place.id, releaseUnit(place, referral.unit));
  const application = world.applications.get(referral.application);
  if (application === undefined) return;
  const returned = returnToQueue(application, referral.id, options.toStopList);
  world.applications.set(application.id, options.dropPrivilege ? dropPrivileges(returned) : returned);
}
