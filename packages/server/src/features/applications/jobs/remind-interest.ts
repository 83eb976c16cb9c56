import type { Db } from '@kezek/db';
import type { LocalDate } from '@kezek/domain';
import type { Actor } from '../../../platform/actor';
import { transactor, type Transactor } from '../../../platform/transactor';
import { auditRepository, type AuditRepository } from '../../audit/audit.repository';
import { enqueueNotification, type EnqueueNotification } from '../../notifications/enqueue-notification';
import type { ApplicationRecord } from '../applications.repository';

export type RemindDeps = {
  transaction: Transactor<{
    audit: AuditRepository;
    enqueue: (input: EnqueueNotification<'interestDue'>) => Promise<number>;
  }>;
};

export const remindDeps = (db: Db): RemindDeps => ({
  transaction: transactor(db, (trx) => ({
    audit: auditRepository(trx),
    enqueue: (input) => enqueueNotification(trx, input),
  })),
});

/** R-SYS-13: a reminder goes 30 days before the due date (`ahead`) and on it (`due`). */
export type Reminder = { kind: 'ahead' | 'due'; dueDate: LocalDate; confirmBy: LocalDate };

/**
 * R-SYS-13, R-NOTIF-04 "interest due": tells the applicant to confirm interest by `confirmBy`. Nothing changes
 * but the outbox, so the key is the fact itself (application, due date, which reminder): a slot run again, or
 * another slot reaching the same reminder, sends nothing twice; the audit row is written with the first send.
 */
export async function remindInterest(
  deps: RemindDeps,
  actor: Actor,
  record: ApplicationRecord,
  reminder: Reminder,
  now: Date,
): Promise<boolean> {
  return deps.transaction(async ({ audit, enqueue }) => {
    const sent = await enqueue({
      event: 'interestDue',
      params: { applicationNumber: record.number, confirmBy: reminder.confirmBy },
      language: record.language === 'ru' ? 'ru' : 'kk',
      recipients: { smsNumbers: record.sms_numbers, email: record.email },
      applicationId: record.id,
      dedupeKey: `interestDue:${record.id}:${reminder.dueDate}:${reminder.kind}`,
      now,
    });
    if (sent > 0) {
      await audit.record({
        at: now,
        actor,
        action: 'application.interestReminded',
        entityType: 'application',
        entityId: record.id,
        data: { ...reminder, rule: 'R-SYS-13' },
      });
    }
    return sent > 0;
  });
}
