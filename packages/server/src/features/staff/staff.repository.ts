import type { Db, StaffUsersTable } from '@kezek/db';
import type { StaffListQuery } from '@kezek/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';

export type StaffRecord = Selectable<StaffUsersTable>;

export type StaffRepository = ReturnType<typeof staffRepository>;

/** Staff accounts as the regional admin manages them. */
export function staffRepository(db: Db) {
  return {
    async list(query: StaffListQuery): Promise<{ items: StaffRecord[]; total: number }> {
      let base = db.selectFrom('staff_users');
      if (query.role !== undefined) base = base.where('role', '=', query.role);
      if (query.district !== undefined) base = base.where('district_kato', '=', query.district);
      if (query.disabled !== undefined)
        base = base.where('disabled_at', query.disabled ? 'is not' : 'is', null);
      if (query.q !== undefined) {
        const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        base = base.where((eb) => eb.or([eb('login', 'ilike', like), eb('full_name', 'ilike', like)]));
      }
      const [items, count] = await Promise.all([
        base
          .selectAll()
          .orderBy('login')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: count.n };
    },

    byLogin: (login: string): Promise<StaffRecord | undefined> =>
      db.selectFrom('staff_users').selectAll().where('login', '=', login).executeTakeFirst(),

    byId: (id: string): Promise<StaffRecord | undefined> =>
      db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst(),

    /** False when the login is taken. */
    async insert(row: Insertable<StaffUsersTable>): Promise<boolean> {
      const inserted = await db
        .insertInto('staff_users')
        .values(row)
        .onConflict((oc) => oc.column('login').doNothing())
        .executeTakeFirst();
      return inserted.numInsertedOrUpdatedRows === 1n;
    },

    /** A new password; any lockout is lifted, since the admin has checked who asked. */
    async setPassword(id: string, hash: string, mustChange: boolean): Promise<void> {
      await db
        .updateTable('staff_users')
        .set({ password_hash: hash, must_change_password: mustChange, failed_logins: 0, locked_until: null })
        .where('id', '=', id)
        .execute();
    },

    async setDisabled(id: string, at: Date | null): Promise<void> {
      await db.updateTable('staff_users').set({ disabled_at: at }).where('id', '=', id).execute();
    },

    /** Ends every live session of an account (a reset or disabled account signs in again, or not at all). */
    async revokeSessions(staffUserId: string, now: Date, except?: string): Promise<void> {
      let query = db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('staff_user_id', '=', staffUserId)
        .where('revoked_at', 'is', null);
      if (except !== undefined) query = query.where('id', '!=', except);
      await query.execute();
    },

    districtExists: async (kato: string): Promise<boolean> =>
      (await db.selectFrom('districts').select('kato').where('kato', '=', kato).executeTakeFirst()) !==
      undefined,

    kindergartenExists: async (id: string): Promise<boolean> =>
      (await db.selectFrom('kindergartens').select('id').where('id', '=', id).executeTakeFirst()) !==
      undefined,
  };
}
