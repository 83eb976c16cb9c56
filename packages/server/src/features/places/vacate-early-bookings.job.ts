import type { Db } from '@kezek/db';
import type { JobDefinition } from '../../platform/jobs/job';
import type { Logger } from '../../platform/logger';
import type { Rules } from '../../platform/rules';
import {
  changeEach,
  closeSlot,
  DAILY_AT_MIDNIGHT,
  emptyTally,
  slotDate,
  systemActor,
} from '../applications/jobs/application-job';
import { referralTransactor } from '../referrals/referral-change';
import { placesRepository } from './places.repository';
import { vacateWithReferrals } from './vacate-place';

const JOB = 'vacateEarlyBookings';

/**
 * R-SYS-07 (§24(6)): at 00:00 of its set date an early-booked place still waiting is vacated — referrals waiting for
 * it start running. Each place in its own transaction; one vacated already is skipped, so a slot run again (or
 * caught up after downtime) changes nothing twice.
 */
export function vacateEarlyBookingsJob(deps: { db: Db; rules: Rules; log: Logger }): JobDefinition {
  const places = placesRepository(deps.db);
  const transaction = referralTransactor(deps.db);
  return {
    name: JOB,
    schedule: DAILY_AT_MIDNIGHT,
    handler: async (scheduledFor, ctx) => {
      const today = slotDate(scheduledFor);
      const tally = emptyTally();
      const due = await places.dueToVacate(today);
      await changeEach(
        due,
        (place) =>
          transaction((repos) =>
            vacateWithReferrals(repos, systemActor(JOB), place, scheduledFor, deps.rules),
          ),
        ctx.log,
        tally,
      );
      return closeSlot(tally, ctx, { date: today, vacated: tally.changed });
    },
  };
}
