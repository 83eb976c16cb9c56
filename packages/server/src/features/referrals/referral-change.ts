import type { ReferralView } from '@kezek/contracts';
import type { AdmissionsTable } from '@kezek/db';
import {
  instantFromEpochMs,
  type Application,
  type Instant,
  type Outcome,
  type Referral,
} from '@kezek/domain';
import type { Insertable } from 'kysely';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Transactor } from '../../platform/transactor';
import type { AuditRepository } from '../audit/audit.repository';
import { authorizeRecord } from '../auth/authorize';
import { queueKeyOf } from '../applications/application-view';
import type { ApplicationsRepository } from '../applications/applications.repository';
import { toDomainApplication } from '../applications/jobs/domain-application';
import { REFERRAL_ACCESS } from './referral-access';
import { referralColumns, toDomainReferral, toReferralView } from './referral-view';
import type { ReferralRecord, ReferralsRepository } from './referrals.repository';
import { refusalError } from './refusal-error';

export type ReferralRepos = {
  referrals: ReferralsRepository;
  applications: ApplicationsRepository;
  audit: AuditRepository;
};

export type ReferralChangeDeps = { transaction: Transactor<ReferralRepos>; format: (at: Date) => string };

export type ReferralChange = {
  /** Who may make it, checked before anything is loaded. */
  allowed: (actor: Actor) => void;
  action: string;
  /** The domain's decision on the referral (a refusal becomes the error naming its rule). */
  decide: (referral: Referral, at: Instant, record: ReferralRecord) => Outcome<Referral>;
  /** What happens to the unit: back to `reported` for the next bulletin (R-WIN-08), or `occupied` (R-ADM-09). */
  unit: 'release' | 'occupy' | 'keep';
  /** The application after the change (returnToQueue, enrollApplication), or unchanged. */
  application?: (application: Application, referral: Referral) => Application;
  /** The kindergarten's decision row (R-ADM-*). */
  admission?: Omit<Insertable<AdmissionsTable>, 'id' | 'referral_id' | 'decided_at'>;
};

const QUEUE_EVENT: Partial<Record<Application['status'], string>> = {
  queued: 'returned',
  stopped: 'stopped',
};

/**
 * The shape every change of a referral shares: lock it, check who, decide with the domain, write the referral, its
 * unit, its application (with the queue event), the admission decision and the audit row in ONE transaction.
 */
export async function changeReferral(
  deps: ReferralChangeDeps,
  actor: Actor,
  id: string,
  now: Date,
  change: ReferralChange,
): Promise<ReferralView> {
  change.allowed(actor);
  return deps.transaction(async ({ referrals, applications, audit }) => {
    const record = authorizeRecord(actor, 'write', await referrals.lockById(id), REFERRAL_ACCESS);
    const outcome = change.decide(toDomainReferral(record), instantFromEpochMs(now.getTime()), record);
    if (!outcome.ok) throw refusalError(outcome.refusal, 'status');
    const referral = outcome.value;
    if (
      !(await referrals.update(record.id, record.version, { ...referralColumns(referral), updated_at: now }))
    )
      throw new AppError('CONFLICT', 'The referral changed meanwhile; retry');
    if (change.unit === 'release') await referrals.releaseUnit(record.place_id, record.unit, record.id);
    if (change.unit === 'occupy') await referrals.occupyUnit(record.place_id, record.unit, record.id);
    if (change.admission !== undefined)
      await referrals.insertAdmission({
        ...change.admission,
        referral_id: record.id,
        decided_at: now,
      });
    if (change.application !== undefined) {
      const application = await applications.lockById(record.application_id);
      if (application === undefined) throw new Error(`referral ${id}: its application vanished`);
      const after = change.application(toDomainApplication(application), referral);
      if (after.status !== application.status) {
        const updated = await applications.update(application.id, application.version, {
          status: after.status,
          status_reason: after.statusReason ?? null,
          updated_at: now,
        });
        if (!updated) throw new AppError('CONFLICT', 'The application changed meanwhile; retry');
        const kind = QUEUE_EVENT[after.status];
        if (kind !== undefined)
          await applications.recordQueueEvent({
            queue_key: queueKeyOf(application),
            at: now,
            kind,
            application_id: application.id,
          });
      }
    }
    await audit.record({
      at: now,
      actor,
      action: change.action,
      entityType: 'referral',
      entityId: record.id,
      data: { from: record.status, to: referral.status, reason: referral.statusReason },
    });
    const updated = await referrals.byId(record.id);
    if (updated === undefined) throw new Error(`referral ${id} vanished inside its own transaction`);
    return toReferralView(updated, deps.format);
  });
}
