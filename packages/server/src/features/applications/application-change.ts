import { orderingGroup, type RuleId } from '@kezek/domain';
import type { ApplicationView } from '@kezek/contracts';
import type { ApplicationStatus, ApplicationsTable } from '@kezek/db';
import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Transactor } from '../../platform/transactor';
import type { AuditRepository } from '../audit/audit.repository';
import { authorizeRecord, type Access } from '../auth/authorize';
import { recipientsOf, type ApplicationNotice, type Notify } from './application-notice';
import type { ApplicationRecord, ApplicationsRepository } from './applications.repository';
import { queueKeyOf, toApplicationView } from './application-view';
import { loadOrderedQueue } from './queue-order';

export type ApplicationRepos = {
  applications: ApplicationsRepository;
  audit: AuditRepository;
  notify: Notify;
};

export type ChangeDeps = { transaction: Transactor<ApplicationRepos>; format: (at: Date) => string };

export const APPLICATION_ACCESS = {
  owner: (record: Pick<ApplicationRecord, 'applicant_id' | 'district_kato'>) => ({
    applicantId: record.applicant_id,
    districtKato: record.district_kato,
  }),
  missing: 'No such application',
};

/** Loads one application the actor may see (else NOT_FOUND, whether or not it exists). */
export async function readApplication(
  repo: Pick<ApplicationsRepository, 'byId'>,
  actor: Actor,
  id: string,
): Promise<ApplicationRecord> {
  return authorizeRecord(actor, 'read', await repo.byId(id), APPLICATION_ACCESS);
}

export type Change = {
  /** The status after the change; the record's own when unchanged. */
  status?: ApplicationStatus;
  fields?: Updateable<ApplicationsTable>;
  /** Recorded in the queue's history when the change moves the application in or out of it, or re-places it. */
  queueEvent?: string;
  audit: { action: string; data?: Record<string, unknown> };
  /** The notification of the change, from the application after it and its position (null unless queued). */
  notice?: (after: ApplicationRecord, language: 'kk' | 'ru', position: number | null) => ApplicationNotice;
  /** Contacts told as well as the application's own after the change (the previous ones, when they change). */
  noticeAlsoTo?: { smsNumbers: readonly string[]; email: string | null };
};

export type ChangeSpec = {
  /** The rule the change carries out; a refusal for a wrong status names it. */
  rule: RuleId;
  access: Access;
  /** Who may make the change, checked before anything is loaded (a refusal reveals nothing). */
  allowed: (actor: Actor) => void;
  /** Statuses the change starts from (spec §5.1); others get INVALID_STATE … as a 409 CONFLICT. */
  from: readonly ApplicationStatus[];
  /** Optimistic concurrency: the version the client saw, when the change carries one. */
  version?: number;
  decide: (record: ApplicationRecord) => Change;
};

/**
 * The shape every change of an application shares (load → decide → write once): lock the row, check who and
 * from which status, apply, record the queue event, audit and notification in the same transaction.
 */
export async function changeApplication(
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  now: Date,
  spec: ChangeSpec,
): Promise<ApplicationView> {
  spec.allowed(actor);
  return deps.transaction(async ({ applications, audit, notify }) => {
    const record = authorizeRecord(actor, spec.access, await applications.lockById(id), APPLICATION_ACCESS);
    if (!spec.from.includes(record.status)) {
      throw new AppError(
        'CONFLICT',
        `Not possible for an application that is ${record.status} (allowed: ${spec.from.join(', ')})`,
        {
          field: 'status',
          rule: spec.rule,
        },
      );
    }
    if (spec.version !== undefined && spec.version !== record.version) {
      throw new AppError(
        'PRECONDITION_FAILED',
        `The application changed meanwhile (version ${record.version}, not ${spec.version}); reload it`,
        {
          field: 'version',
        },
      );
    }
    const change = spec.decide(record);
    const status = change.status ?? record.status;
    const updated = await applications.update(record.id, record.version, {
      ...change.fields,
      status,
      updated_at: now,
    });
    if (!updated) throw new AppError('CONFLICT', 'The application changed meanwhile; retry');
    const after = await applications.byId(record.id);
    if (after === undefined) throw new Error(`application ${record.id} vanished inside its own transaction`);
    if (change.queueEvent !== undefined) {
      await applications.recordQueueEvent({
        queue_key: queueKeyOf(record),
        at: now,
        kind: change.queueEvent,
        application_id: record.id,
        data: { group: orderingGroup(after.categories, after.privilege_used) },
      });
    }
    await audit.record({
      at: now,
      actor,
      action: change.audit.action,
      entityType: 'application',
      entityId: record.id,
      data: { from: record.status, to: status, ...change.audit.data },
    });
    const position =
      after.status === 'queued'
        ? (
            await loadOrderedQueue(applications, {
              settlement: after.settlement_kato,
              birthYear: after.birth_year,
              queue: after.queue,
            })
          ).positionOf(after.id)
        : null;
    if (change.notice !== undefined) {
      const to = recipientsOf(after, now);
      const notice = change.notice(after, to.language, position);
      await notify(notice, to);
      const also = change.noticeAlsoTo;
      if (also !== undefined) {
        const smsNumbers = also.smsNumbers.filter((number) => !after.sms_numbers.includes(number));
        const email = also.email !== null && also.email !== after.email ? also.email : null;
        if (smsNumbers.length > 0 || email !== null) await notify(notice, { ...to, smsNumbers, email });
      }
    }
    return toApplicationView(after, position, deps.format);
  });
}
