import type { ApplicationListQuery } from '@kezek/contracts';
import type { ApplicationStatus, ApplicationsTable, ChildrenTable, Db } from '@kezek/db';
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';

/** One application with its child and applicant, as use cases read it. */
export type ApplicationRecord = Selectable<ApplicationsTable> & {
  district_kato: string;
  child_iin: string | null;
  child_name: string;
  child_birth_date: string;
  child_sen: boolean;
  child_pmpc_conclusion: boolean;
  applicant_iin: string;
  applicant_name: string;
};

/** The application fields a position lookup reads, and its queue's version (null: never changed, version 0). */
export type PositionRecord = Pick<
  ApplicationRecord,
  'id' | 'status' | 'settlement_kato' | 'birth_year' | 'queue' | 'applicant_id' | 'district_kato'
> & { queue_version: number | null };

export type QueueMemberRow = Pick<
  Selectable<ApplicationsTable>,
  'id' | 'categories' | 'privilege_used' | 'submitted_at' | 'registration_seq'
>;

export type QueueEventInsert = {
  queue_key: string;
  at: Date;
  kind: string;
  application_id: string;
  data?: unknown;
};

export type ApplicationsRepository = ReturnType<typeof applicationsRepository>;

export function applicationsRepository(db: Db) {
  const insertQueueEvent = async (event: QueueEventInsert): Promise<void> => {
    await db
      .insertInto('queue_events')
      .values({ ...event, data: JSON.stringify(event.data ?? {}) })
      .execute();
  };
  const records = () =>
    db
      .selectFrom('applications as a')
      .innerJoin('children as c', 'c.id', 'a.child_id')
      .innerJoin('applicants as p', 'p.id', 'a.applicant_id')
      .innerJoin('settlements as s', 's.kato', 'a.settlement_kato')
      .selectAll('a')
      .select([
        's.district_kato',
        'c.iin as child_iin',
        sql<string>`concat_ws(' ', c.surname, c.given_name, c.patronymic)`.as('child_name'),
        'c.birth_date as child_birth_date',
        'c.sen as child_sen',
        'c.pmpc_conclusion as child_pmpc_conclusion',
        'p.iin as applicant_iin',
        sql<string>`concat_ws(' ', p.surname, p.given_name, p.patronymic)`.as('applicant_name'),
      ]);

  return {
    byId: (id: string): Promise<ApplicationRecord | undefined> =>
      records().where('a.id', '=', id).executeTakeFirst(),

    /** Locks the row for the rest of the transaction: concurrent changes to one application are serialised. */
    lockById: (id: string): Promise<ApplicationRecord | undefined> =>
      records().where('a.id', '=', id).forUpdate('a').executeTakeFirst(),

    /** R-ADM-09: the child's other applications still waiting (pending, queued, stopped), locked for their archive. */
    waitingOfChild: (childId: string, exceptId: string): Promise<ApplicationRecord[]> =>
      records()
        .where('a.child_id', '=', childId)
        .where('a.id', '<>', exceptId)
        .where('a.status', 'in', ['pending', 'queued', 'stopped'])
        .orderBy('a.submitted_at')
        .forUpdate('a')
        .execute(),

    /** What a position lookup needs, with its queue's version, in one statement (no 4-table join to plan). */
    positionRecord: (id: string): Promise<PositionRecord | undefined> =>
      db
        .selectFrom('applications as a')
        .innerJoin('settlements as s', 's.kato', 'a.settlement_kato')
        .leftJoin('queue_state as q', (join) =>
          join.on(sql<boolean>`q.queue_key = a.settlement_kato || '/' || a.birth_year || '/' || a.queue`),
        )
        .select([
          'a.id',
          'a.status',
          'a.settlement_kato',
          'a.birth_year',
          'a.queue',
          'a.applicant_id',
          's.district_kato',
          sql<number | null>`q.version::int`.as('queue_version'),
        ])
        .where('a.id', '=', id)
        .executeTakeFirst(),

    byIdempotencyKey: (key: string): Promise<ApplicationRecord | undefined> =>
      records().where('a.idempotency_key', '=', key).executeTakeFirst(),

    async list(
      query: ApplicationListQuery,
      scope: { districtKato?: string; applicantId?: string },
      now: Date,
    ): Promise<{ items: ApplicationRecord[]; total: number }> {
      let base = records();
      if (scope.districtKato !== undefined) base = base.where('s.district_kato', '=', scope.districtKato);
      if (scope.applicantId !== undefined) base = base.where('a.applicant_id', '=', scope.applicantId);
      if (query.district !== undefined) base = base.where('s.district_kato', '=', query.district);
      if (query.settlement !== undefined) base = base.where('a.settlement_kato', '=', query.settlement);
      if (query.status !== undefined) base = base.where('a.status', '=', query.status);
      if (query.category !== undefined) {
        const category = query.category;
        base = base.where(sql<boolean>`${category} = ANY(a.categories || a.pending_categories)`);
      }
      if (query.slaBreached === true) {
        base = base
          .where('a.status', '=', 'pending')
          .where((eb) => eb.or([eb('a.check_due_at', '<', now), eb('a.originals_due_at', '<', now)]));
      }
      if (query.q !== undefined) {
        const q = query.q;
        base = base.where((eb) => eb.or([eb('a.number', '=', q), eb('c.iin', '=', q), eb('p.iin', '=', q)]));
      }
      const [items, count] = await Promise.all([
        base
          .orderBy('a.check_due_at')
          .orderBy('a.registration_seq')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base
          .clearSelect()
          .select(sql<number>`count(*)::int`.as('total'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: count.total };
    },

    /** The child's applications in any settlement and queue (R-ELIG-04, R-QUEUE-06). */
    childHistory: (childIin: string) =>
      db
        .selectFrom('applications as a')
        .innerJoin('children as c', 'c.id', 'a.child_id')
        .select([
          'a.id',
          'a.settlement_kato',
          'a.queue',
          'a.status',
          sql<boolean>`a.verified_at IS NOT NULL AND a.status <> 'rejected'`.as('ever_queued'),
        ])
        .where('c.iin', '=', childIin)
        .execute(),

    /**
     * R-QUEUE-09 (§16): the child's out-of-turn or first-priority referrals that were used — admitted, or still
     * live — other than for a temporary stay, with the owner of the kindergarten.
     */
    privilegedReferrals: (childIin: string) =>
      db
        .selectFrom('referrals as r')
        .innerJoin('children as c', 'c.id', 'r.child_id')
        .innerJoin('places as p', 'p.id', 'r.place_id')
        .innerJoin('kindergartens as k', 'k.id', 'p.kindergarten_id')
        .select(['k.ownership', 'r.issued_at', 'r.admitted_at'])
        .where('c.iin', '=', childIin)
        .where('r.privileged', '=', true)
        .where('r.admission', '<>', 'temporary')
        .where('r.status', 'in', ['issued', 'extended', 'admitted'])
        .execute(),

    /** The clerk's rejection as audited, with who made it and their unit: the facts of an Annex 3 receipt. */
    rejection: (applicationId: string) =>
      db
        .selectFrom('audit_log as l')
        .innerJoin('applications as a', (join) => join.on(sql`a.id::text`, '=', sql.ref('l.entity_id')))
        .innerJoin('settlements as s', 's.kato', 'a.settlement_kato')
        .innerJoin('districts as d', 'd.kato', 's.district_kato')
        .leftJoin('staff_users as u', (join) => join.on(sql`u.id::text`, '=', sql.ref('l.actor_id')))
        .select(['l.at', 'l.data', 'u.full_name as executor', 'd.name_kk', 'd.name_ru', 'd.name_en'])
        .where('l.entity_type', '=', 'application')
        .where('l.entity_id', '=', applicationId)
        .where('l.action', '=', 'application.rejected')
        .orderBy('l.id', 'desc')
        .executeTakeFirst(),

    settlement: (kato: string) =>
      db
        .selectFrom('settlements')
        .select(['kato', 'district_kato'])
        .where('kato', '=', kato)
        .executeTakeFirst(),

    applicantByIin: (iin: string) =>
      db.selectFrom('applicants').selectAll().where('iin', '=', iin).executeTakeFirst(),

    childByIin: (iin: string) =>
      db.selectFrom('children').selectAll().where('iin', '=', iin).executeTakeFirst(),

    /**
     * Serialises the transactions that touch the same people (a child, an applicant) until they commit, so two
     * concurrent submissions cannot both pass the duplicate and registration checks (R-QUEUE-06, R-ELIG-04) or race
     * on the same idempotency key. Keys are locked in sorted order: no deadlock.
     */
    async serialize(keys: readonly string[]): Promise<void> {
      for (const key of [...new Set(keys)].sort()) {
        await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
      }
    },

    async insertApplicant(row: {
      id: string;
      iin: string;
      surname: string;
      given_name: string;
      patronymic: string | null;
      created_at: Date;
    }): Promise<void> {
      await db.insertInto('applicants').values(row).execute();
    },

    async insertChild(row: Insertable<ChildrenTable>): Promise<void> {
      await db.insertInto('children').values(row).execute();
    },

    async updateChildNeeds(id: string, needs: { sen: boolean; pmpc_conclusion: boolean }): Promise<void> {
      await db.updateTable('children').set(needs).where('id', '=', id).execute();
    },

    async nextRegistrationSeq(): Promise<number> {
      const row = await sql<{ seq: number }>`SELECT nextval('application_seq')::int AS seq`.execute(db);
      const seq = row.rows[0]?.seq;
      if (seq === undefined) throw new Error('application_seq returned no value');
      return seq;
    },

    async insertApplication(row: Insertable<ApplicationsTable>): Promise<void> {
      await db.insertInto('applications').values(row).execute();
    },

    /** Optimistic concurrency: true when the row still had `version` and was updated (version + 1). */
    async update(id: string, version: number, changes: Updateable<ApplicationsTable>): Promise<boolean> {
      const result = await db
        .updateTable('applications')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    /** Queued applications of one queue key, with the interleave counter (R-ORDER-05, R-ORDER-11). */
    async queue(settlement: string, birthYear: number, queue: string) {
      const [members, state] = await Promise.all([
        db
          .selectFrom('applications')
          .select(['id', 'categories', 'privilege_used', 'submitted_at', 'registration_seq'])
          .where('settlement_kato', '=', settlement)
          .where('birth_year', '=', birthYear)
          .where('queue', '=', queue)
          .where('status', '=', 'queued')
          .execute(),
        db
          .selectFrom('queue_state')
          .select(['g_since_p', 'version'])
          .where('queue_key', '=', `${settlement}/${birthYear}/${queue}`)
          .executeTakeFirst(),
      ]);
      return { members, gSinceP: state?.g_since_p ?? 0, version: Number(state?.version ?? 0) };
    },

    /** The public columns of queued applications (R-SYS-09): numbers and submission times, nothing personal. */
    publicRows: (ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('applications')
            .select(['id', 'number', 'submitted_at'])
            .where('id', 'in', ids)
            .execute(),

    /** The ID of an application by its number, if it is queued in the given queue. */
    queuedIdByNumber: async (
      key: { settlement: string; birthYear: number; queue: string },
      number: string,
    ): Promise<string | undefined> =>
      (
        await db
          .selectFrom('applications')
          .select('id')
          .where('number', '=', number)
          .where('status', '=', 'queued')
          .where('settlement_kato', '=', key.settlement)
          .where('birth_year', '=', key.birthYear)
          .where('queue', '=', key.queue)
          .executeTakeFirst()
      )?.id,

    async queueVersion(queueKey: string): Promise<number> {
      const row = await db
        .selectFrom('queue_state')
        .select('version')
        .where('queue_key', '=', queueKey)
        .executeTakeFirst();
      return Number(row?.version ?? 0);
    },

    /** Every change to a queue bumps its version and is recorded as an event (R-ORDER-06). */
    async recordQueueEvent(event: QueueEventInsert): Promise<void> {
      await db
        .insertInto('queue_state')
        .values({ queue_key: event.queue_key, version: 1 })
        .onConflict((oc) => oc.column('queue_key').doUpdateSet({ version: sql`queue_state.version + 1` }))
        .execute();
      await insertQueueEvent(event);
    },

    /** The event alone, for a caller that moves the queue's version itself (the claim: lockQueueCounter). */
    insertQueueEvent,

    queueEvents: (queueKey: string, fromId = 0) =>
      db
        .selectFrom('queue_events')
        .selectAll()
        .where('queue_key', '=', queueKey)
        .where('id', '>', fromId)
        .orderBy('id')
        .execute(),

    /** Submission facts of the applications an event history mentions, to rebuild past orderings. */
    membersByIds: (ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('applications')
            .select(['id', 'submitted_at', 'registration_seq'])
            .where('id', 'in', ids)
            .execute(),

    /** The settlements holding applications in these statuses: the daily jobs take their policy per settlement. */
    settlementsWith: async (statuses: readonly ApplicationStatus[]): Promise<string[]> =>
      (
        await db
          .selectFrom('applications')
          .select('settlement_kato')
          .distinct()
          .where('status', 'in', statuses)
          .orderBy('settlement_kato')
          .execute()
      ).map((row) => row.settlement_kato),

    /**
     * R-SYS-10: queued or stopped applications of a settlement whose child was born on or before `bornOnOrBefore`
     * and is not exempt (SEN with a PMPC conclusion); the caller confirms each with withinQueueAge.
     */
    ageLimitCandidates: (settlement: string, bornOnOrBefore: string): Promise<ApplicationRecord[]> =>
      records()
        .where('a.settlement_kato', '=', settlement)
        .where('a.status', 'in', ['queued', 'stopped'])
        .where('c.birth_date', '<=', bornOnOrBefore)
        .where((eb) => eb.not(eb.and([eb('c.sen', '=', true), eb('c.pmpc_conclusion', '=', true)])))
        .orderBy('a.registration_seq')
        .execute(),

    /**
     * R-SYS-13: applications of a settlement in these statuses whose interest was last shown (submission or the
     * latest confirmation) in [from, to); the caller confirms the due date with the domain.
     */
    interestCandidates: (
      settlement: string,
      statuses: readonly ApplicationStatus[],
      from: Date | undefined,
      to: Date,
    ): Promise<ApplicationRecord[]> => {
      const shownAt = sql<Date>`coalesce(a.interest_confirmed_at, a.submitted_at)`;
      const base = records()
        .where('a.settlement_kato', '=', settlement)
        .where('a.status', 'in', statuses)
        .where(shownAt, '<', to);
      return (from === undefined ? base : base.where(shownAt, '>=', from))
        .orderBy('a.registration_seq')
        .execute();
    },

    /** R-ELIG-15: pending applications whose originals deadline (R-ELIG-12) ended before `before`. */
    pendingPastOriginalsDeadline: (before: Date): Promise<ApplicationRecord[]> =>
      records()
        .where('a.status', '=', 'pending')
        .where('a.originals_due_at', '<', before)
        .orderBy('a.registration_seq')
        .execute(),
  };
}
