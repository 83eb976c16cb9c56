import {
  addDays,
  addMonths,
  interestDueDate,
  interestLapsed,
  type LocalDate,
  type Policy,
} from '@kezek/domain';
import type { JobDefinition } from '../../../platform/jobs/job';
import { startOfNationalDay } from '../../../platform/national-time';
import { applicationsRepository, type ApplicationRecord } from '../applications.repository';
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
import { archiveApplication } from './archive-application';
import { toDomainApplication } from './domain-application';
import { remindDeps, remindInterest, type Reminder } from './remind-interest';

const JOB = 'interestDue';

/** R-SYS-13 (G-07): the first reminder goes this many days before the due date. */
export const INTEREST_REMINDER_DAYS_AHEAD = 30;

/**
 * addMonths clamps to the month's end (31 Jan + 1 month = 28 Feb), so up to 3 more days of a month map to the
 * same due date; the SQL window is that much wider and the domain's interestDueDate decides.
 */
const CLAMP_DAYS = 4;

const dueOf = (record: ApplicationRecord, policy: Policy): LocalDate =>
  interestDueDate(toDomainApplication(record), policy);

/**
 * R-SYS-13, R-APPL-08 (§23(2), G-07): interest is due 12 months after submission or the last confirmation. Every
 * day at 00:00 national time this job reminds (R-NOTIF-04) the queued and stopped applications due in 30 days and
 * those due that day, and archives (`notInterested`) the queued ones still unconfirmed after the grace days. The
 * reminders match the slot's date exactly, so a day caught up after downtime (R-TIME-07) sends that day's ones.
 */
export function interestDueJob(deps: ApplicationJobDeps): JobDefinition {
  const repo = applicationsRepository(deps.db);
  const reminders = remindDeps(deps.db);
  return {
    name: JOB,
    schedule: DAILY_AT_MIDNIGHT,
    handler: async (scheduledFor, ctx) => {
      const today = slotDate(scheduledFor);
      const actor = systemActor(JOB);
      const change = slotChangeDeps(deps.db, JOB, scheduledFor);
      let reminded = 0;
      const tally = emptyTally();
      for (const settlement of await repo.settlementsWith(['queued', 'stopped'])) {
        const policy = deps.rules.policyFor(settlement, scheduledFor);
        const months = policy.interestConfirmationMonths;
        // Ahead, "confirm by the due date"; on the day, by its last day of grace.
        const ahead = addDays(today, INTEREST_REMINDER_DAYS_AHEAD);
        const wanted: Reminder[] = [
          { kind: 'ahead', dueDate: ahead, confirmBy: ahead },
          { kind: 'due', dueDate: today, confirmBy: addDays(today, policy.interestGraceDays) },
        ];
        for (const reminder of wanted) {
          const shownFrom = addMonths(reminder.dueDate, -months);
          const candidates = await repo.interestCandidates(
            settlement,
            ['queued', 'stopped'],
            startOfNationalDay(shownFrom),
            startOfNationalDay(addDays(shownFrom, CLAMP_DAYS)),
          );
          for (const record of candidates.filter((r) => dueOf(r, policy) === reminder.dueDate))
            if (await remindInterest(reminders, actor, record, reminder, scheduledFor)) reminded += 1;
        }
        // Lapsed: due date + grace before today, i.e. interest last shown on or before this date (+ clamping).
        const lastLapsedShown = addMonths(addDays(today, -policy.interestGraceDays - 1), -months);
        const lapsed = (record: ApplicationRecord) =>
          interestLapsed(toDomainApplication(record), today, policy);
        const candidates = await repo.interestCandidates(
          settlement,
          ['queued'],
          undefined,
          startOfNationalDay(addDays(lastLapsedShown, CLAMP_DAYS)),
        );
        await changeEach(
          candidates.filter(lapsed),
          (record) => archiveApplication(change, actor, record.id, scheduledFor, 'notInterested', lapsed),
          ctx.log,
          tally,
        );
      }
      return closeSlot(tally, ctx, {
        date: today,
        reminded,
        archived: tally.changed,
        skipped: tally.skipped,
      });
    },
  };
}
