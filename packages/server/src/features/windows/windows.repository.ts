import type { Db } from '@kezek/db';
import { sql } from 'kysely';

export type WindowRow = {
  id: number;
  queue_key: string;
  settlement_kato: string;
  units: number;
  all_state: boolean;
  published_at: Date;
  opens_at: Date | null;
  closes_at: Date | null;
};

const WINDOW_COLUMNS = [
  'allocation_windows.id',
  'allocation_windows.queue_key',
  'allocation_windows.settlement_kato',
  'allocation_windows.units',
  'allocation_windows.all_state',
  'allocation_windows.published_at',
  'allocation_windows.opens_at',
  'allocation_windows.closes_at',
] as const;

const normalized = <T extends { id: number | string }>(row: T) => ({ ...row, id: Number(row.id) });

export type WindowsRepository = ReturnType<typeof windowsRepository>;

/** SQL of the allocation windows and their frozen access sets. */
export function windowsRepository(db: Db) {
  return {
    /** Windows of the settlements not open yet, published before `before` (R-WIN-03). */
    async pending(settlements: readonly string[], before: Date): Promise<WindowRow[]> {
      if (settlements.length === 0) return [];
      const rows = await db
        .selectFrom('allocation_windows')
        .select(WINDOW_COLUMNS)
        .where('settlement_kato', 'in', settlements)
        .where('opens_at', 'is', null)
        .where('published_at', '<', before)
        .orderBy('queue_key')
        .execute();
      return rows.map(normalized);
    },

    /** Of the queue's applications, those whose child holds a live referral (R-REF-11: they cannot claim). */
    async withLiveReferral(applicationIds: readonly string[]): Promise<Set<string>> {
      if (applicationIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('applications')
        .select('applications.id')
        .where('applications.id', 'in', applicationIds)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('referrals')
              .select('referrals.id')
              .whereRef('referrals.child_id', '=', 'applications.child_id')
              .where('referrals.status', 'in', ['issued', 'extended']),
          ),
        )
        .execute();
      return new Set(rows.map((row) => row.id));
    },

    /** Where the holders of a window's access are told (R-NOTIF-04): each application's number and contacts. */
    contactsOf: (applicationIds: readonly string[]) =>
      applicationIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('applications')
            .select(['id', 'number', 'language', 'sms_numbers', 'email'])
            .where('id', 'in', applicationIds)
            .execute(),

    /** R-WIN-04, R-WIN-05: opens the window with its frozen access set; false if it was open already. */
    async open(id: number, opensAt: Date, closesAt: Date, access: readonly string[]): Promise<boolean> {
      const updated = await db
        .updateTable('allocation_windows')
        .set({ opens_at: opensAt, closes_at: closesAt })
        .where('id', '=', id)
        .where('opens_at', 'is', null)
        .executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) return false;
      for (let start = 0; start < access.length; start += 1000)
        await db
          .insertInto('window_access')
          .values(
            access
              .slice(start, start + 1000)
              .map((application_id, index) => ({ window_id: id, application_id, rank: start + index + 1 })),
          )
          .execute();
      return true;
    },

    /** The applicant's live applications with the windows of their queue keys, newest first. */
    async windowsOfApplicant(applicantId: string) {
      const rows = await db
        .selectFrom('applications')
        .innerJoin('allocation_windows', (join) =>
          join.on(
            'allocation_windows.queue_key',
            '=',
            sql<string>`applications.settlement_kato || '/' || applications.birth_year::text || '/' || applications.queue`,
          ),
        )
        .leftJoin('window_access', (join) =>
          join
            .onRef('window_access.window_id', '=', 'allocation_windows.id')
            .onRef('window_access.application_id', '=', 'applications.id'),
        )
        .select([
          ...WINDOW_COLUMNS,
          'applications.id as application_id',
          'applications.number',
          'applications.status',
          'applications.settlement_kato as app_settlement',
          'applications.birth_year',
          'applications.queue',
          'window_access.rank',
        ])
        .where('applications.applicant_id', '=', applicantId)
        .where('applications.status', 'in', ['queued', 'stopped', 'referred'])
        .orderBy('allocation_windows.published_at', 'desc')
        .orderBy('allocation_windows.id', 'desc')
        .limit(200)
        .execute();
      return rows.map(normalized);
    },
  };
}
