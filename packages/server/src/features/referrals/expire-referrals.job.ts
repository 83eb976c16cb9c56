import type { Db } from '@kezek/db';
import { expireIfDue, refusal, returnToQueue } from '@kezek/domain';
import { AppError } from '../../platform/app-error';
import type { JobDefinition } from '../../platform/jobs/job';
import type { Logger } from '../../platform/logger';
import { formatNational } from '../../platform/national-time';
import type { Rules } from '../../platform/rules';
import {
  closeSlot,
  DAILY_AT_MIDNIGHT,
  emptyTally,
  requireSystem,
  slotDate,
  systemActor,
} from '../applications/jobs/application-job';
import { changeReferral, referralTransactor } from './referral-change';
import { referralNotices } from './referral-notice';
import { referralsRepository } from './referrals.repository';

const JOB = 'expireReferrals';

/**
 * R-REF-12, R-REF-08: at 00:00 national time every live referral whose last valid day (or whose originals
 * deadline) ended before the slot's day expires with the domain's expireIfDue; its unit goes back for the next
 * bulletin (R-WIN-08) and its application back to the queue at its original submission time — or on the stop list
 * where the region's policy says so. Each referral in its own transaction; one expired already is skipped, so a
 * slot run again decides nothing twice.
 */
export function expireReferralsJob(deps: { db: Db; rules: Rules; log: Logger }): JobDefinition {
  const repo = referralsRepository(deps.db);
  const change = { transaction: referralTransactor(deps.db), format: formatNational };
  return {
    name: JOB,
    schedule: DAILY_AT_MIDNIGHT,
    handler: async (scheduledFor, ctx) => {
      const today = slotDate(scheduledFor);
      const tally = emptyTally();
      for (const due of await repo.dueForExpiry(today)) {
        const toStopList = deps.rules.policyFor(due.settlement_kato, scheduledFor).stopListOnReferralExpiry;
        try {
          await changeReferral(change, systemActor(JOB), due.id, scheduledFor, {
            allowed: requireSystem,
            action: 'referral.expired',
            decide: (referral) => {
              const expired = expireIfDue(referral, today);
              return expired === undefined
                ? {
                    ok: false,
                    refusal: refusal('INVALID_STATE', 'R-REF-12', `referral ${referral.id} is not due`),
                  }
                : { ok: true, value: expired, events: [] };
            },
            unit: 'release',
            application: (application, referral) => returnToQueue(application, referral.id, toStopList),
            notice: referralNotices.expired,
          });
          tally.changed += 1;
        } catch (error) {
          if (error instanceof AppError && error.code === 'CONFLICT') tally.skipped += 1;
          else {
            ctx.log.error('referral expiry failed', {
              referral: due.id,
              error: error instanceof Error ? error.message : String(error),
            });
            tally.failed.push(due.id);
          }
        }
      }
      return closeSlot(tally, ctx, { date: today, expired: tally.changed, skipped: tally.skipped });
    },
  };
}
