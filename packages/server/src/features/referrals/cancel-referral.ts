import type { ReferralView } from '@kezek/contracts';
import { cancelReferral as cancel, instantFromEpochMs, returnToQueue } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Transactor } from '../../platform/transactor';
import type { AuditRepository } from '../audit/audit.repository';
import { authorizeRecord, requireApplicant } from '../auth/authorize';
import { queueKeyOf } from '../applications/application-view';
import type { ApplicationsRepository } from '../applications/applications.repository';
import { toDomainApplication } from '../applications/jobs/domain-application';
import { REFERRAL_ACCESS } from './referral-access';
import { referralColumns, toDomainReferral, toReferralView } from './referral-view';
import type { ReferralsRepository } from './referrals.repository';
import { refusalError } from './refusal-error';

export type CancelDeps = {
  transaction: Transactor<{
    referrals: ReferralsRepository;
    applications: ApplicationsRepository;
    audit: AuditRepository;
  }>;
  format: (at: Date) => string;
};

/**
 * §30, R-REF-09: the applicant cancels a live referral until issue + 24 h; the unit goes back to `reported`
 * for the next bulletin (R-WIN-08) and the application back to the queue at its original submission time.
 */
export async function cancelReferral(
  deps: CancelDeps,
  actor: Actor,
  id: string,
  now: Date,
): Promise<ReferralView> {
  requireApplicant(actor);
  return deps.transaction(async ({ referrals, applications, audit }) => {
    const record = authorizeRecord(actor, 'write', await referrals.lockById(id), REFERRAL_ACCESS);
    const outcome = cancel(toDomainReferral(record), instantFromEpochMs(now.getTime()));
    if (!outcome.ok) throw refusalError(outcome.refusal, 'status');
    const referral = outcome.value;
    await referrals.update(record.id, record.version, { ...referralColumns(referral), updated_at: now });
    await referrals.releaseUnit(record.place_id, record.unit, record.id);
    const application = await applications.lockById(record.application_id);
    if (application === undefined) throw new Error(`referral ${id}: its application vanished`);
    const after = returnToQueue(toDomainApplication(application), record.id, false);
    if (after.status !== application.status) {
      if (
        !(await applications.update(application.id, application.version, {
          status: after.status,
          updated_at: now,
        }))
      )
        throw new AppError('CONFLICT', 'The application changed meanwhile; retry');
      await applications.recordQueueEvent({
        queue_key: queueKeyOf(application),
        at: now,
        kind: 'returned',
        application_id: application.id,
      });
    }
    await audit.record({
      at: now,
      actor,
      action: 'referral.cancelled',
      entityType: 'referral',
      entityId: record.id,
      data: { from: record.status, to: referral.status, reason: referral.statusReason },
    });
    const updated = await referrals.byId(record.id);
    if (updated === undefined) throw new Error(`referral ${id} vanished inside its own transaction`);
    return toReferralView(updated, deps.format);
  });
}
