import type { JobDefinition } from '../../../platform/jobs/job';
import { applicationsRepository } from '../applications.repository';
import {
  changeEach,
  closeSlot,
  emptyTally,
  DAILY_AT_MIDNIGHT,
  slotChangeDeps,
  slotDate,
  systemActor,
  type ApplicationJobDeps,
} from './application-job';
import { lapseOriginals } from './lapse-originals';

const JOB = 'originalsDeadline';

/**
 * R-ELIG-12, R-ELIG-15: at 00:00 national time, every pending application whose originals deadline ("until the end
 * of" the 5th working day, R-TIME-03) ended before the slot is decided by lapseOriginals. It runs before the
 * archive job of the same slot (composeJobs' order), as the replay's daily job does, so an application queued here
 * whose child is past the age is archived in the same slot.
 */
export function originalsDeadlineJob(deps: ApplicationJobDeps): JobDefinition {
  const repo = applicationsRepository(deps.db);
  return {
    name: JOB,
    schedule: DAILY_AT_MIDNIGHT,
    handler: async (scheduledFor, ctx) => {
      const change = slotChangeDeps(deps.db, JOB, scheduledFor);
      const policyFor = (settlement: string) => deps.rules.policyFor(settlement, scheduledFor);
      const tally = emptyTally();
      await changeEach(
        await repo.pendingPastOriginalsDeadline(scheduledFor),
        (record) => lapseOriginals(change, systemActor(JOB), record.id, scheduledFor, policyFor),
        ctx.log,
        tally,
      );
      return closeSlot(tally, ctx, {
        date: slotDate(scheduledFor),
        decided: tally.changed,
        skipped: tally.skipped,
      });
    },
  };
}
