import type { Db, SessionActorType, StaffRole } from '@kezek/db';
import { sql } from 'kysely';
import { transactor, type Transactor } from '../../platform/transactor';
import { auditRepository, type AuditRepository } from '../audit/audit.repository';

/** Whose failed-login counter a failure counts against: an account, or a login that matches none. */
export type LoginTarget = { kind: 'staff'; id: string } | { kind: 'unknown'; loginHash: string };

export type StaffForLogin = {
  id: string;
  password_hash: string;
  locked_until: Date | null;
  disabled_at: Date | null;
  role: StaffRole;
  district_kato: string | null;
  kindergarten_id: string | null;
};

export type NewSession = {
  id: string;
  subject: { kind: 'staff'; staffUserId: string } | { kind: 'applicant'; applicantId: string };
  csrfTokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
};

export type SessionRow = {
  id: string;
  actor_type: SessionActorType;
  csrf_token_hash: string;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  staff_user_id: string | null;
  staff_disabled_at: Date | null;
  role: StaffRole | null;
  district_kato: string | null;
  kindergarten_id: string | null;
  applicant_id: string | null;
  applicant_iin: string | null;
};

export type PersonName = { surname: string; givenName: string; patronymic: string | null };

export type AuthRepository = ReturnType<typeof authRepository>;

/** What a use case of this feature writes with, in one transaction. */
export type AuthTx = { auth: AuthRepository; audit: AuditRepository };

export const authTransactor = (db: Db): Transactor<AuthTx> =>
  transactor(db, (trx) => ({ auth: authRepository(trx), audit: auditRepository(trx) }));

/** One failure more; at `maxFailures` the counter restarts and the lock is set, in one statement (no lost updates). */
function failureCount(table: 'staff_users' | 'login_throttle', maxFailures: number, lockUntil: Date) {
  const failures = sql.ref(`${table}.failed_logins`);
  return {
    failed_logins: sql<number>`CASE WHEN ${failures} + 1 >= ${maxFailures} THEN 0 ELSE ${failures} + 1 END`,
    locked_until: sql<Date | null>`CASE WHEN ${failures} + 1 >= ${maxFailures}
      THEN ${lockUntil}::timestamptz ELSE ${sql.ref(`${table}.locked_until`)} END`,
  };
}

export function authRepository(db: Db) {
  return {
    async staffForLogin(login: string): Promise<StaffForLogin | undefined> {
      return db
        .selectFrom('staff_users')
        .select([
          'id',
          'password_hash',
          'locked_until',
          'disabled_at',
          'role',
          'district_kato',
          'kindergarten_id',
        ])
        .where('login', '=', login)
        .executeTakeFirst();
    },

    async throttledUntil(loginHash: string): Promise<Date | null> {
      const row = await db
        .selectFrom('login_throttle')
        .select('locked_until')
        .where('login_hash', '=', loginHash)
        .executeTakeFirst();
      return row?.locked_until ?? null;
    },

    /** Counts a failed login; returns the lock this failure set, if it reached the limit. */
    async recordLoginFailure(
      target: LoginTarget,
      maxFailures: number,
      lockUntil: Date,
    ): Promise<Date | undefined> {
      const row =
        target.kind === 'staff'
          ? await db
              .updateTable('staff_users')
              .set(failureCount('staff_users', maxFailures, lockUntil))
              .where('id', '=', target.id)
              .returning('locked_until')
              .executeTakeFirstOrThrow()
          : await db
              .insertInto('login_throttle')
              .values({ login_hash: target.loginHash, failed_logins: 1, locked_until: null })
              .onConflict((oc) =>
                oc.column('login_hash').doUpdateSet(failureCount('login_throttle', maxFailures, lockUntil)),
              )
              .returning('locked_until')
              .executeTakeFirstOrThrow();
      return row.locked_until?.getTime() === lockUntil.getTime() ? lockUntil : undefined;
    },

    /** Resets the counter after a correct password; false when a lock was set meanwhile (the login must fail). */
    async clearLoginFailures(staffUserId: string, now: Date): Promise<boolean> {
      const row = await db
        .updateTable('staff_users')
        .set({ failed_logins: 0, locked_until: null })
        .where('id', '=', staffUserId)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async insertSession(session: NewSession): Promise<void> {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          actor_type: session.subject.kind,
          staff_user_id: session.subject.kind === 'staff' ? session.subject.staffUserId : null,
          applicant_id: session.subject.kind === 'applicant' ? session.subject.applicantId : null,
          csrf_token_hash: session.csrfTokenHash,
          created_at: session.createdAt,
          last_seen_at: session.createdAt,
          expires_at: session.expiresAt,
          user_agent: session.userAgent,
          ip: session.ip,
        })
        .execute();
    },

    /** Returns the revoked session's subject, or undefined when there was no live session with this ID. */
    async revokeSession(
      id: string,
      now: Date,
    ): Promise<
      { actor_type: SessionActorType; staff_user_id: string | null; applicant_id: string | null } | undefined
    > {
      return db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returning(['actor_type', 'staff_user_id', 'applicant_id'])
        .executeTakeFirst();
    },

    async sessionById(id: string): Promise<SessionRow | undefined> {
      return db
        .selectFrom('sessions as s')
        .leftJoin('staff_users as u', 'u.id', 's.staff_user_id')
        .leftJoin('applicants as a', 'a.id', 's.applicant_id')
        .select([
          's.id',
          's.actor_type',
          's.csrf_token_hash',
          's.last_seen_at',
          's.expires_at',
          's.revoked_at',
          's.staff_user_id',
          'u.disabled_at as staff_disabled_at',
          'u.role',
          'u.district_kato',
          'u.kindergarten_id',
          's.applicant_id',
          'a.iin as applicant_iin',
        ])
        .where('s.id', '=', id)
        .executeTakeFirst();
    },

    /**
     * Deletes the sessions that can never be used again — revoked, past their absolute expiry, or idle since
     * `idleSince` — and the lockouts of unknown logins that have run out. Returns how many sessions went.
     */
    async purgeEndedSessions(now: Date, idleSince: Date): Promise<number> {
      const gone = await db
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([
            eb('revoked_at', 'is not', null),
            eb('expires_at', '<=', now),
            eb('last_seen_at', '<=', idleSince),
          ]),
        )
        .executeTakeFirst();
      await db.deleteFrom('login_throttle').where('locked_until', '<=', now).execute();
      return Number(gone.numDeletedRows);
    },

    async touchSession(id: string, now: Date): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
    },

    async staffProfile(
      id: string,
    ): Promise<{ login: string; full_name: string; must_change_password: boolean } | undefined> {
      return db
        .selectFrom('staff_users')
        .select(['login', 'full_name', 'must_change_password'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async applicantName(id: string): Promise<PersonName | undefined> {
      return db
        .selectFrom('applicants')
        .select(['surname', 'given_name as givenName', 'patronymic'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async applicantIdByIin(iin: string): Promise<string | undefined> {
      const row = await db.selectFrom('applicants').select('id').where('iin', '=', iin).executeTakeFirst();
      return row?.id;
    },

    /** Creates the applicant unless a concurrent first login did; returns the ID either way. */
    async ensureApplicant(applicant: {
      id: string;
      iin: string;
      name: PersonName;
      now: Date;
    }): Promise<string> {
      await db
        .insertInto('applicants')
        .values({
          id: applicant.id,
          iin: applicant.iin,
          surname: applicant.name.surname,
          given_name: applicant.name.givenName,
          patronymic: applicant.name.patronymic,
          created_at: applicant.now,
        })
        .onConflict((oc) => oc.column('iin').doNothing())
        .execute();
      const row = await db
        .selectFrom('applicants')
        .select('id')
        .where('iin', '=', applicant.iin)
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async insertChallenge(challenge: {
      id: string;
      iin: string;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db
        .insertInto('login_challenges')
        .values({
          id: challenge.id,
          iin: challenge.iin,
          created_at: challenge.createdAt,
          expires_at: challenge.expiresAt,
        })
        .execute();
    },

    /** Expired challenges can never be used, so keeping them only grows the table. */
    async deleteExpiredChallenges(now: Date): Promise<void> {
      await db.deleteFrom('login_challenges').where('expires_at', '<=', now).execute();
    },

    async liveChallenge(id: string, now: Date): Promise<{ iin: string; expires_at: Date } | undefined> {
      return db
        .selectFrom('login_challenges')
        .select(['iin', 'expires_at'])
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
    },

    /** Marks the challenge used if it still was not; the conditional update makes a concurrent replay lose. */
    async useChallenge(id: string, now: Date): Promise<boolean> {
      const row = await db
        .updateTable('login_challenges')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
