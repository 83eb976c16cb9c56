import type { ReferralView } from '@kezek/contracts';
import type { AdmissionsTable, Db } from '@kezek/db';
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
import { transactor, type Transactor } from '../../platform/transactor';
import { auditRepository, type AuditRepository } from '../audit/audit.repository';
import { authorizeRecord } from '../auth/authorize';
import { queueKeyOf } from '../applications/application-view';
import {
  outboxNotify,
  recipientsOf,
  type ApplicationNotice,
  type Notify,
} from '../applications/application-notice';
import { applicationsRepository, type ApplicationsRepository } from '../applications/applications.repository';
import { placesRepository, type PlacesRepository } from '../places/places.repository';
import { toDomainApplication } from '../applications/jobs/domain-application';
import { REFERRAL_ACCESS } from './referral-access';
import { referralColumns, toDomainReferral, toReferralView } from './referral-view';
import { referralsRepository, type ReferralRecord, type ReferralsRepository } from './referrals.repository';
import { refusalError } from './refusal-error';

export type ReferralRepos = {
  referrals: ReferralsRepository;
  applications: ApplicationsRepository;
  audit: AuditRepository;
  notify: Notify;
};

/** The repositories of a claim or a referral change, bound to one transaction, with its outbox. */
export const referralTransactor = (db: Db): Transactor<ReferralRepos & { places: PlacesRepository }> =>
  transactor(db, (trx) => ({
    referrals: referralsRepository(trx),
    applications: applicationsRepository(trx),
    places: placesRepository(trx),
    audit: auditRepository(trx),
    notify: outboxNotify(trx),
  }));

export type ReferralChangeDeps = { transaction: Transactor<ReferralRepos>; format: (at: Date) => string };

type UnitChange = 'release' | 'occupy' | 'keep';

export type ReferralChange = {
  /** Who may make it, checked before anything is loaded. */
  allowed: (actor: Actor) => void;
  action: string;
  /** The domain's decision on the referral (a refusal becomes the error naming its rule). */
  decide: (referral: Referral, at: Instant, record: ReferralRecord) => Outcome<Referral>;
  /**
   * What happens to the unit: back to `reported` for the next bulletin (R-WIN-08), or `occupied` (R-ADM-09) — or
   * as the decision turned out.
   */
  unit: UnitChange | ((referral: Referral) => UnitChange);
  /** The application after the change (returnToQueue, enrollApplication), or unchanged. */
  application?: (application: Application, referral: Referral) => Application;
  /** The kindergarten's decision row (R-ADM-*). */
  admission?: Omit<Insertable<AdmissionsTable>, 'id' | 'referral_id' | 'decided_at'>;
  /** What the applicant is told (R-NOTIF-03/04; see referralNotices); undefined when nothing is worth a message. */
  notice?: (referral: Referral, record: ReferralRecord) => ApplicationNotice | undefined;
  /** More of the same change, in its transaction (R-ADM-09: the child's other applications archived). */
  also?: (repos: ReferralRepos, referral: Referral, record: ReferralRecord) => Promise<void>;
};

const QUEUE_EVENT: Partial<Record<Application['status'], string>> = {
  queued: 'returned',
  stopped: 'stopped',
};

/**
 * The shape every change of a referral shares: lock it, check who, decide with the domain, write the referral, its
 * unit, its application (with the queue event), the admission decision, the notice and the audit row in ONE
 * transaction.
 */
export async function changeReferral(
  deps: ReferralChangeDeps,
  actor: Actor,
  id: string,
  now: Date,
  change: ReferralChange,
): Promise<ReferralView> {
  change.allowed(actor);
  return deps.transaction(async (repos) => {
    const record = authorizeRecord(actor, 'write', await repos.referrals.lockById(id), REFERRAL_ACCESS);
    await applyReferralChange(repos, actor, record, now, change);
    const updated = await repos.referrals.byId(record.id);
    if (updated === undefined) throw new Error(`referral ${id} vanished inside its own transaction`);
    return toReferralView(updated, deps.format);
  });
}

/** One change of a locked referral inside the caller's transaction (a use case changing several at once). */
export async function applyReferralChange(
  { referrals, applications, audit, notify }: ReferralRepos,
  actor: Actor,
  record: ReferralRecord,
  now: Date,
  change: Omit<ReferralChange, 'allowed'>,
): Promise<void> {
  const outcome = change.decide(toDomainReferral(record), instantFromEpochMs(now.getTime()), record);
  if (!outcome.ok) throw refusalError(outcome.refusal, 'status');
  const referral = outcome.value;
  if (!(await referrals.update(record.id, record.version, { ...referralColumns(referral), updated_at: now })))
    throw new AppError('CONFLICT', 'The referral changed meanwhile; retry');
  const unit = typeof change.unit === 'function' ? change.unit(referral) : change.unit;
  if (unit === 'release') await referrals.releaseUnit(record.place_id, record.unit, record.id);
  if (unit === 'occupy') await referrals.occupyUnit(record.place_id, record.unit, record.id);
  if (change.admission !== undefined)
    await referrals.insertAdmission({ ...change.admission, referral_id: record.id, decided_at: now });
  const notice = change.notice?.(referral, record);
  if (change.application === undefined && notice === undefined && change.also === undefined)
    return audited(audit, actor, record, referral, now, change.action);
  const application = await applications.lockById(record.application_id);
  if (application === undefined) throw new Error(`referral ${record.id}: its application vanished`);
  if (change.application !== undefined) {
    const after = change.application(toDomainApplication(application), referral);
    const categoriesChanged = after.categories.join() !== application.categories.join();
    if (after.status !== application.status || categoriesChanged) {
      const updated = await applications.update(application.id, application.version, {
        status: after.status,
        status_reason: after.statusReason ?? null,
        categories: [...after.categories],
        updated_at: now,
      });
      if (!updated) throw new AppError('CONFLICT', 'The application changed meanwhile; retry');
      const kind = QUEUE_EVENT[after.status];
      if (kind !== undefined && after.status !== application.status)
        await applications.recordQueueEvent({
          queue_key: queueKeyOf(application),
          at: now,
          kind,
          application_id: application.id,
        });
    }
  }
  if (notice !== undefined) await notify(notice, recipientsOf(application, now));
  await change.also?.({ referrals, applications, audit, notify }, referral, record);
  await audited(audit, actor, record, referral, now, change.action);
}

const audited = (
  audit: AuditRepository,
  actor: Actor,
  record: ReferralRecord,
  referral: Referral,
  now: Date,
  action: string,
): Promise<void> =>
  audit.record({
    at: now,
    actor,
    action,
    entityType: 'referral',
    entityId: record.id,
    data: { from: record.status, to: referral.status, reason: referral.statusReason },
  });
