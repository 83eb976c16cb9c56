import type { Db } from '@kezek/db';
import { enqueueNotification } from '../notifications/enqueue-notification';
import type { NotificationEvent, NotificationParams } from '../notifications/notification-templates';

/** One of the notification events with its typed parameters (R-NOTIF-03/04). */
export type ApplicationNotice = {
  [E in NotificationEvent]: { event: E; params: NotificationParams<E> };
}[NotificationEvent];

export type NoticeRecipients = {
  applicationId: string;
  language: 'kk' | 'ru';
  smsNumbers: readonly string[];
  email: string | null;
  at: Date;
};

/** The application's own contacts (R-NOTIF-01); the notice in Russian when it was filed in Russian, else Kazakh. */
export const recipientsOf = (
  application: { id: string; language: string; sms_numbers: readonly string[]; email: string | null },
  at: Date,
): NoticeRecipients => ({
  applicationId: application.id,
  language: application.language === 'ru' ? 'ru' : 'kk',
  smsNumbers: application.sms_numbers,
  email: application.email,
  at,
});

/** Hands a notice to the outbox in the use case's transaction (R-NOTIF-01: the form's SMS numbers and e-mail). */
export type Notify = (notice: ApplicationNotice, to: NoticeRecipients) => Promise<void>;

/**
 * The outbox behind Notify: rows written in `trx`, delivered later by the outbox job. With `dedupePrefix` (a job's
 * slot) each notice carries the key (prefix, event, application), so a slot run again after a crash between its
 * writes and being marked done enqueues nothing twice (ADR 0004).
 */
export const outboxNotify =
  (trx: Db, dedupePrefix?: string): Notify =>
  async (notice, to) => {
    await enqueueNotification(trx, {
      ...notice,
      language: to.language,
      recipients: to,
      applicationId: to.applicationId,
      ...(dedupePrefix === undefined
        ? {}
        : { dedupeKey: `${dedupePrefix}:${notice.event}:${to.applicationId}` }),
      now: to.at,
    });
  };
