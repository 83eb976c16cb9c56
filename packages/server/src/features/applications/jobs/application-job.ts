import type { Db } from '@kezek/db';
import { timeOfDay, type LocalDate } from '@kezek/domain';
import type { Actor } from '../../../platform/actor';
import { AppError } from '../../../platform/app-error';
import { dailyAt, type JobContext } from '../../../platform/jobs/job';
import type { Logger } from '../../../platform/logger';
import { formatNational, nationalDate } from '../../../platform/national-time';
import type { Rules } from '../../../platform/rules';
import { transactor } from '../../../platform/transactor';
import { auditRepository } from '../../audit/audit.repository';
import type { ChangeDeps } from '../application-change';
import { outboxNotify } from '../application-notice';
import { applicationsRepository } from '../applications.repository';

/** What the daily application jobs are built from (composeJobs). */
export type ApplicationJobDeps = { db: Db; rules: Rules; log: Logger };

/** R-SYS-10, R-SYS-13, R-ELIG-15: "daily 00:00" in national time (spec §5.1, §6). */
export const DAILY_AT_MIDNIGHT = dailyAt(timeOfDay('00:00'));

/** The national-time date a slot decides for: the day that starts at the 00:00 slot. */
export const slotDate = (scheduledFor: Date): LocalDate => nationalDate(scheduledFor);

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

/** What a slot did to its applications; `failed` lists those that failed for a reason other than a conflict. */
export type SlotTally = { changed: number; skipped: number; failed: string[] };

export const emptyTally = (): SlotTally => ({ changed: 0, skipped: 0, failed: [] });

/** Attempts of a slot with failed applications before it is closed with them listed (R-TIME-07). */
export const SLOT_ATTEMPTS_WITH_FAILURES = 3;

/**
 * Applies `change` to each record (an application, a place) in turn, counting into `tally`. One that changed
 * meanwhile (withdrawn, verified, its child's needs updated: CONFLICT) is skipped — the next slot sees it afresh; any other failure is
 * logged and listed, and the rest go on: one broken application never holds back the others.
 */
export async function changeEach<R extends { id: string }>(
  records: readonly R[],
  change: (record: R) => Promise<unknown>,
  log: Logger,
  tally: SlotTally,
): Promise<void> {
  for (const record of records) {
    try {
      await change(record);
      tally.changed += 1;
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') {
        log.info('skipped: it changed meanwhile', { record: record.id, why: error.message });
        tally.skipped += 1;
      } else {
        log.error('change failed', {
          record: record.id,
          error: error instanceof Error ? error.message : String(error),
        });
        tally.failed.push(record.id);
      }
    }
  }
}

/**
 * Ends a slot. With failed applications the slot fails and is retried on the next tick — the done ones no longer
 * match, so a retry does only what is left — up to SLOT_ATTEMPTS_WITH_FAILURES attempts; then it is closed with
 * the failures in its result, so the job's later slots are not held back, and the next day's slot, finding those
 * applications still due, tries them again.
 */
export function closeSlot<R extends object>(
  tally: SlotTally,
  ctx: JobContext,
  result: R,
): R & { failed: string[] } {
  if (tally.failed.length > 0 && ctx.attempt < SLOT_ATTEMPTS_WITH_FAILURES)
    throw new Error(`${tally.failed.length} applications failed: ${tally.failed.join(', ')}`);
  if (tally.failed.length > 0)
    ctx.log.error('slot closed with failed applications; the next slot retries them', {
      failed: tally.failed,
    });
  return { ...result, failed: tally.failed };
}
