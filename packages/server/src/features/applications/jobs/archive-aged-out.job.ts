import { addMonths, localDate, withinQueueAge } from '@kezek/domain';
import type { JobDefinition } from '../../../platform/jobs/job';
import { applicationsRepository, type ApplicationRecord } from '../applications.repository';
import {
  changeEach,
  closeSlot,
  DAILY_AT_MIDNIGHT,
  emptyTally,
  slotChangeDeps,
  slotDate,
  systemActor,
  type ApplicationJobDeps,
} from './application-job';
import { archiveApplication } from './archive-application';

const JOB = 'archiveAgedOut';

const childOf = (record: ApplicationRecord) => ({
  birthDate: localDate(record.child_birth_date),
  sen: record.child_sen,
  pmpcConclusion: record.child_pmpc_conclusion,
});

/**
 * R-SYS-10 (§24(9), A-05, spec §6 "archive at 6"): every day at 00:00 national time, the queued and stopped
 * applications whose child is no longer withinQueueAge on the slot's date go to the archive (`ageLimit`);
 * `referred` ones are untouched (a live referral runs its course). Candidates come from SQL by birth date — a
 * child past the limit has had its 6th birthday, so was born at least 6 years before the slot's date — and the
 * domain's withinQueueAge decides (the 1 September rule, SEN with a PMPC conclusion exempt).
 */
export function archiveAgedOutJob(deps: ApplicationJobDeps): JobDefinition {
  const repo = applicationsRepository(deps.db);
  return {
    name: JOB,
    schedule: DAILY_AT_MIDNIGHT,
    handler: async (scheduledFor, ctx) => {
      const today = slotDate(scheduledFor);
      const change = slotChangeDeps(deps.db, JOB, scheduledFor);
      const tally = emptyTally();
      for (const settlement of await repo.settlementsWith(['queued', 'stopped'])) {
        const policy = deps.rules.policyFor(settlement, scheduledFor);
        const pastAge = (record: ApplicationRecord) => !withinQueueAge(childOf(record), today, policy);
        const candidates = await repo.ageLimitCandidates(
          settlement,
          addMonths(today, -12 * policy.archiveAge),
        );
        await changeEach(
          candidates.filter(pastAge),
          (record) =>
            archiveApplication(change, systemActor(JOB), record.id, scheduledFor, 'ageLimit', pastAge),
          ctx.log,
          tally,
        );
      }
      return closeSlot(tally, ctx, { date: today, archived: tally.changed, skipped: tally.skipped });
    },
  };
}
