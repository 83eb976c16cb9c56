import type { Db } from '@kezek/db';
import { expireWithStay, refusal, returnToQueue } from '@kezek/domain';
import type { JobDefinition } from '../../platform/jobs/job';
import type { Logger } from '../../platform/logger';
import {
  changeEach,
  closeSlot,
  DAILY_AT_MIDNIGHT,
  emptyTally,
  slotDate,
  systemActor,
} from '../applications/jobs/application-job';
import { applyReferralChange, referralTransactor } from '../referrals/referral-change';
import { referralNotices } from '../referrals/referral-notice';
import { placesRepository } from './places.repository';

const JOB = 'endTemporaryStays';

/**
 * R-KG-05, R-REF-13 (§25(4), §3(15)): at 00:00 after its last day a temporary place's stay is over. The place
 * closes (never published again); a referral to it not yet used lapses (`expired`, `stayEnded`) and its holder is
 * told — their application kept its place in the queue all along. Each place in its own transaction; one ended
 * already is skipped, so a slot run again changes nothing twice.
 */
export function endTemporaryStaysJob(deps: { db: Db; log: Logger }): JobDefinition {
  const places = placesRepository(deps.db);
  const transaction = referralTransactor(deps.db);
  return {
    name: JOB,
    schedule: DAILY_AT_MIDNIGHT,
    handler: async (scheduledFor, ctx) => {
      const today = slotDate(scheduledFor);
      const tally = emptyTally();
      await changeEach(
        await places.staysEndedBefore(today),
        (place) =>
          transaction(async (repos) => {
            if (!(await repos.places.markStayEnded(place.id, scheduledFor))) return;
            for (const record of await repos.referrals.liveOnPlace(place.id))
              await applyReferralChange(repos, systemActor(JOB), record, scheduledFor, {
                action: 'referral.stayEnded',
                decide: (referral) => {
                  const lapsed = expireWithStay(referral);
                  return lapsed === undefined
                    ? {
                        ok: false,
                        refusal: refusal('INVALID_STATE', 'R-KG-05', `referral ${referral.id} is over`),
                      }
                    : { ok: true, value: lapsed, events: [] };
                },
                unit: 'release',
                application: (application, referral) => returnToQueue(application, referral.id, false),
                notice: referralNotices.stayEnded,
              });
          }),
        ctx.log,
        tally,
      );
      return closeSlot(tally, ctx, { date: today, ended: tally.changed });
    },
  };
}
