import type { Db } from '@kezek/db';

export type MyNotificationRow = {
  id: number;
  created_at: Date;
  sent_at: Date | null;
  status: 'pending' | 'sent' | 'dead';
  channel: 'sms' | 'email';
  recipient: string;
  template: string;
  language: 'kk' | 'ru' | 'en';
  payload: unknown;
  application_number: string | null;
};

export type MyNotificationsRepository = ReturnType<typeof myNotificationsRepository>;

/** The outbox rows about one applicant's applications, newest first. */
export function myNotificationsRepository(db: Db) {
  return {
    ofApplicant: (applicantId: string, limit: number): Promise<MyNotificationRow[]> =>
      db
        .selectFrom('outbox as o')
        .innerJoin('applications as a', 'a.id', 'o.application_id')
        .select([
          'o.id',
          'o.created_at',
          'o.sent_at',
          'o.status',
          'o.channel',
          'o.recipient',
          'o.template',
          'o.language',
          'o.payload',
          'a.number as application_number',
        ])
        .where('a.applicant_id', '=', applicantId)
        .orderBy('o.created_at', 'desc')
        .orderBy('o.id', 'desc')
        .limit(limit)
        .execute(),
  };
}
