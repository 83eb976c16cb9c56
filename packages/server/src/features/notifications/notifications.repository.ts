import type { Db } from '@kezek/db';
import type { NotificationLanguage, StoredParams } from './notification-templates';

export type OutboxInsert = {
  channel: 'sms' | 'email';
  recipient: string;
  template: string;
  language: NotificationLanguage;
  payload: StoredParams;
  applicationId: string | null;
  dedupeKey: string | null;
  createdAt: Date;
};

export type OutboxRow = {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  template: string;
  language: NotificationLanguage;
  payload: unknown;
  attempts: number;
};

export type NotificationsRepository = ReturnType<typeof notificationsRepository>;

/** The outbox. Construct it over the caller's transaction to enqueue with the change being announced. */
export function notificationsRepository(db: Db) {
  return {
    /** Inserts the rows; a row whose (dedupe key, channel, recipient) exists is skipped. Returns how many were new. */
    /** Inserts the rows, 1000 per statement (a window's access set can be thousands); returns how many were new. */
    async insert(rows: readonly OutboxInsert[]): Promise<number> {
      let count = 0;
      for (let start = 0; start < rows.length; start += 1000) {
        const inserted = await db
          .insertInto('outbox')
          .values(
            rows.slice(start, start + 1000).map((row) => ({
              created_at: row.createdAt,
              channel: row.channel,
              recipient: row.recipient,
              template: row.template,
              language: row.language,
              payload: JSON.stringify(row.payload),
              next_attempt_at: row.createdAt,
              application_id: row.applicationId,
              dedupe_key: row.dedupeKey,
            })),
          )
          .onConflict((oc) =>
            oc
              .columns(['dedupe_key', 'channel', 'recipient'])
              .where('dedupe_key', 'is not', null)
              .doNothing(),
          )
          .returning('id')
          .execute();
        count += inserted.length;
      }
      return count;
    },

    /**
     * Takes up to `limit` due rows and hides them from other deliverers until `leaseUntil`, in one
     * statement: SKIP LOCKED lets concurrent deliverers take disjoint rows, and no lock is held while
     * the message is sent.
     */
    async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<OutboxRow[]> {
      const due = db
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked();
      const rows = await db
        .updateTable('outbox')
        .set({ next_attempt_at: leaseUntil })
        .where('id', 'in', due)
        .returning(['id', 'channel', 'recipient', 'template', 'language', 'payload', 'attempts'])
        .execute();
      return rows.sort((a, b) => a.id - b.id);
    },

    async markSent(id: number, attempts: number, at: Date, providerMessageId: string): Promise<void> {
      await db
        .updateTable('outbox')
        .set({
          status: 'sent',
          attempts,
          sent_at: at,
          provider_message_id: providerMessageId,
          last_error: null,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },

    async markRetry(id: number, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
      await db
        .updateTable('outbox')
        .set({ attempts, next_attempt_at: nextAttemptAt, last_error: error })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },

    async markDead(id: number, attempts: number, error: string): Promise<void> {
      await db
        .updateTable('outbox')
        .set({ status: 'dead', attempts, last_error: error })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },
  };
}
