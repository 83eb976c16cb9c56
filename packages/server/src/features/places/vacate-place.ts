import type { PlaceView } from '@kezek/contracts';
import { startOnVacating } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Rules } from '../../platform/rules';
import type { Transactor } from '../../platform/transactor';
import { authorizeRecord, requireStaff } from '../auth/authorize';
import { applyReferralChange, type ReferralRepos } from '../referrals/referral-change';
import { referralNotices } from '../referrals/referral-notice';
import { PLACE_ACCESS, toPlaceView } from './place-view';
import type { PlacesRepository } from './places.repository';

export type VacateRepos = ReferralRepos & { places: PlacesRepository };

/**
 * R-SYS-07, R-REF-06 (§24(6)): the early-booked place is vacated — early, by the kindergarten, or on its set date,
 * by the 00:00 job. In one transaction the place stops waiting and every referral waiting for it starts running
 * from now, its holder told until when it is valid. False when the place was not waiting (vacated already).
 */
export async function vacateWithReferrals(
  repos: VacateRepos,
  actor: Actor,
  place: { id: string; settlement_kato: string },
  now: Date,
  rules: Rules,
): Promise<boolean> {
  if (!(await repos.places.markVacated(place.id, now))) return false;
  const policy = rules.policyFor(place.settlement_kato, now);
  for (const record of await repos.referrals.liveOnPlace(place.id)) {
    if (record.phase !== 'waitingForPlace') continue;
    await applyReferralChange(repos, actor, record, now, {
      action: 'referral.running',
      decide: (referral, at) => ({
        ok: true,
        value: startOnVacating(referral, at, policy, rules.calendar),
        events: [],
      }),
      unit: 'keep',
      notice: referralNotices.running,
    });
  }
  return true;
}

/** The kindergarten's staff report that an early-booked place of theirs is free before its set date (R-SYS-07). */
export async function vacatePlace(
  deps: { transaction: Transactor<VacateRepos>; rules: Rules; format: (at: Date) => string },
  actor: Actor,
  placeId: string,
  now: Date,
): Promise<PlaceView> {
  requireStaff(actor, ['kindergartenStaff']);
  return deps.transaction(async (repos) => {
    const stored = authorizeRecord(actor, 'write', await repos.places.place(placeId, true), PLACE_ACCESS);
    if (stored.row.admission !== 'earlyBooking' || stored.row.vacated_at !== null)
      throw new AppError('CONFLICT', 'Only an early-booked place still waiting to be vacated can be', {
        field: 'id',
        rule: 'R-SYS-07',
      });
    await vacateWithReferrals(repos, actor, stored.row, now, deps.rules);
    await repos.audit.record({
      at: now,
      actor,
      action: 'place.vacated',
      entityType: 'place',
      entityId: placeId,
      data: { setDate: stored.row.free_from, rule: 'R-SYS-07' },
    });
    const after = await repos.places.place(placeId);
    if (after === undefined) throw new Error(`place ${placeId} vanished inside its own transaction`);
    return toPlaceView(after, deps.format);
  });
}
