import type { Db } from '@kezek/db';
import { instantFromEpochMs, localDateOf, timeOfDay, type LocalDate } from '@kezek/domain';
import type { Actor } from '../../../platform/actor';
import { AppError } from '../../../platform/app-error';
import { dailyAt } from '../../../platform/jobs/job';
import type { Logger } from '../../../platform/logger';
import { formatNational } from '../../../platform/national-time';
import type { Rules } from '../../../platform/rules';
import { transactor } from '../../../platform/transactor';
import { auditRepository } from '../../audit/audit.repository';
import type { ChangeDeps } from '../application-change';
import { outboxNotify } from '../application-notice';
import { applicationsRepository, type ApplicationRecord } from '../applications.repository';

/** What the daily application jobs are built from (composeJobs). */
export type ApplicationJobDeps = { db: Db; rules: Rules; log: Logger };

/** R-SYS-10, R-SYS-13, R-ELIG-15: "daily 00:00" in national time (spec §5.1, §6). */
export const DAILY_AT_MIDNIGHT = dailyAt(timeOfDay('00:00'));

/** The national-time date a slot decides for: the day that starts at the 00:00 slot. */
export const slotDate = (scheduledFor: Date): LocalDate =>
  localDateOf(instantFromEpochMs(scheduledFor.getTime()));

export const systemActor = (job: string): Actor => ({ kind: 'system', job });

/** The daily jobs act only as the system: a person never triggers an archive or a lapse. */
export function requireSystem(actor: Actor): void {
  if (actor.kind !== 'system') throw new AppError('FORBIDDEN', 'Only a scheduled job may do this');
}

/** changeApplication's dependencies for one slot of one job: one transaction per application. */
export const slotChangeDeps = (db: Db, job: string, scheduledFor: Date): ChangeDeps => ({
  transaction: transactor(db, (trx) => ({
    applications: applicationsRepository(trx),
    audit: auditRepository(trx),
    notify: outboxNotify(trx, `${job}@${scheduledFor.toISOString()}`),
  })),
  format: formatNational,
});

export type SlotTally = { changed: number; skipped: number };

/**
 * Applies `change` to each application in turn. One that changed meanwhile (withdrawn, verified, its child's
 * needs updated: CONFLICT) is skipped — the next slot sees it afresh; any other failure fails the slot after
 * the rest were done, so it is retried and, the done ones no longer matching, finishes only what is left.
 */
export async function changeEach(
  records: readonly ApplicationRecord[],
  change: (record: ApplicationRecord) => Promise<unknown>,
  log: Logger,
): Promise<SlotTally> {
  const tally: SlotTally = { changed: 0, skipped: 0 };
  const failed: string[] = [];
  for (const record of records) {
    try {
      await change(record);
      tally.changed += 1;
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') {
        log.info('application skipped: it changed meanwhile', { application: record.id, why: error.message });
        tally.skipped += 1;
      } else {
        log.error('application change failed', {
          application: record.id,
          error: error instanceof Error ? error.message : String(error),
        });
        failed.push(record.id);
      }
    }
  }
  if (failed.length > 0)
    throw new Error(`${failed.length} of ${records.length} applications failed: ${failed.join(', ')}`);
  return tally;
}
