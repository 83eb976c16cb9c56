import type { Db } from '@kezek/db';
import { refusal } from '@kezek/domain';
import { AppError } from '../../platform/app-error';
import { isEmailAddress, normalizeKzMobile } from '../../ports';
import {
  storeParams,
  type NotificationEvent,
  type NotificationLanguage,
  type NotificationParams,
} from './notification-templates';
import { notificationsRepository, type OutboxInsert } from './notifications.repository';

/** Where the applicant asked to be told (Annex 1 form): up to two mobile numbers and/or an e-mail. */
export type NotificationRecipients = { smsNumbers?: readonly string[]; email?: string | null };

export type EnqueueNotification<E extends NotificationEvent> = {
  event: E;
  params: NotificationParams<E>;
  language: NotificationLanguage;
  recipients: NotificationRecipients;
  applicationId?: string;
  /** Set when the caller may run twice for the same fact (a job slot): the second enqueue is a no-op. */
  dedupeKey?: string;
  now: Date;
};

const MAX_SMS_NUMBERS = 2;

/**
 * Writes the outbox rows announcing `event` inside the caller's transaction, so the notification exists
 * if and only if the change it announces committed. One row per SMS number and one for the e-mail.
 * Throws AppError on input that cannot be delivered; returns how many rows were new.
 */
export async function enqueueNotification<E extends NotificationEvent>(
  trx: Db,
  input: EnqueueNotification<E>,
): Promise<number> {
  return notificationsRepository(trx).insert(outboxRows(input));
}

/** The outbox rows of one notice (one per SMS number, one for the e-mail), for a caller writing many at once. */
export function outboxRows<E extends NotificationEvent>(input: EnqueueNotification<E>): OutboxInsert[] {
  const numbers = [...new Set((input.recipients.smsNumbers ?? []).map((n, i) => normalizedMobile(n, i)))];
  if (numbers.length > MAX_SMS_NUMBERS) {
    const refused = refusal(
      'TOO_MANY_SMS_NUMBERS',
      'R-NOTIF-01',
      `SMS go to at most ${MAX_SMS_NUMBERS} mobile numbers, got ${numbers.length}`,
    );
    throw new AppError('RULE_VIOLATION', `${refused.code}: ${refused.message}`, {
      field: 'smsNumbers',
      rule: refused.rule,
    });
  }
  const email = input.recipients.email ?? undefined;
  if (email !== undefined && !isEmailAddress(email))
    throw new AppError('VALIDATION_FAILED', `email: "${email}" is not an e-mail address`, { field: 'email' });
  const common = {
    template: input.event,
    language: input.language,
    payload: storeParams(input.params),
    applicationId: input.applicationId ?? null,
    dedupeKey: input.dedupeKey ?? null,
    createdAt: input.now,
  };
  return [
    ...numbers.map((recipient) => ({ ...common, channel: 'sms' as const, recipient })),
    ...(email === undefined ? [] : [{ ...common, channel: 'email' as const, recipient: email }]),
  ];
}

function normalizedMobile(number: string, index: number): string {
  const normalized = normalizeKzMobile(number);
  if (normalized === undefined)
    throw new AppError(
      'VALIDATION_FAILED',
      `smsNumbers.${index}: "${number}" is not a Kazakhstan mobile number (+7 7xx xxx xx xx)`,
      { field: `smsNumbers.${index}` },
    );
  return normalized;
}
