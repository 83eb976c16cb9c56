import { randomUUID } from 'node:crypto';
import type { AdmissionRequestsTable, AdmissionsTable, Db, ReferralsTable } from '@kezek/db';
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';

/** A referral with what its views and access checks need: the application, its district, the kindergarten. */
export type ReferralRecord = Selectable<ReferralsTable> & {
  application_number: string;
  applicant_id: string;
  settlement_kato: string;
  district_kato: string;
  kindergarten_id: string;
  group_id: string;
  kindergarten_kk: string;
  kindergarten_ru: string;
  kindergarten_en: string;
  /** The place's set vacating date (early booking, R-KG-04), and when it was vacated (null while waiting). */
  free_from: string | null;
  vacated_at: Date | null;
  /** The child has special educational needs: the PMPC conclusion is among the admission documents (R-ADM-01). */
  child_sen: boolean;
  /** Whom the kindergarten expects: the child's full name and birth date. */
  child_name: string;
  child_birth_date: string;
  /** The group as the place was reported in it (a place's attributes are copied and never change, A-31). */
  age_group: string;
  place_age: number;
  place_language: string;
  place_mode: string;
  place_queue: string;
};

/** The window a published unit belongs to: its bulletin's window of the unit's queue key (R-WIN-03). */
export type UnitWindowRow = {
  id: number;
  bulletin_ids: number[];
  opens_at: Date | null;
  closes_at: Date | null;
  has_access: boolean;
};

export type ReferralsRepository = ReturnType<typeof referralsRepository>;

/** SQL of referrals and of the claim's one conditional statement on place units. */
export function referralsRepository(db: Db) {
  const records = () =>
    db
      .selectFrom('referrals as r')
      .innerJoin('applications as a', 'a.id', 'r.application_id')
      .innerJoin('settlements as s', 's.kato', 'a.settlement_kato')
      .innerJoin('places as p', 'p.id', 'r.place_id')
      .innerJoin('kindergartens as k', 'k.id', 'p.kindergarten_id')
      .innerJoin('children as c', 'c.id', 'r.child_id')
      .innerJoin('groups as g', 'g.id', 'p.group_id')
      .selectAll('r')
      .select([
        'a.number as application_number',
        'a.applicant_id',
        'a.settlement_kato',
        's.district_kato',
        'p.kindergarten_id',
        'p.group_id',
        'k.name_kk as kindergarten_kk',
        'k.name_ru as kindergarten_ru',
        'k.name_en as kindergarten_en',
        'p.free_from',
        'p.vacated_at',
        'c.sen as child_sen',
        sql<string>`concat_ws(' ', c.surname, c.given_name, c.patronymic)`.as('child_name'),
        'c.birth_date as child_birth_date',
        'g.age_group',
        'p.age as place_age',
        'p.language as place_language',
        'p.mode as place_mode',
        'p.queue as place_queue',
      ]);

  const claimRecords = (key: string): Promise<ReferralRecord[]> =>
    records()
      .where((eb) => eb.or([eb('r.idempotency_key', '=', key), eb('r.idempotency_key', 'like', `${key}#%`)]))
      .orderBy('r.idempotency_key')
      .execute();

  return {
    byId: (id: string): Promise<ReferralRecord | undefined> =>
      records().where('r.id', '=', id).executeTakeFirst(),

    /** Locks the referral row for a change of its status (cancel, extend, admit, expire). */
    lockById: async (id: string): Promise<ReferralRecord | undefined> => {
      const locked = await db
        .selectFrom('referrals')
        .select('id')
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return locked === undefined ? undefined : records().where('r.id', '=', id).executeTakeFirst();
    },

    /** The live referrals on a place's units, locked: what vacating or ending the place changes (R-SYS-07, R-KG-05). */
    liveOnPlace: (placeId: string): Promise<ReferralRecord[]> =>
      records()
        .where('r.place_id', '=', placeId)
        .where('r.status', 'in', ['issued', 'extended'])
        .orderBy('r.number')
        .forUpdate('r')
        .execute(),

    /** True when the place exists and has no published unit left (R-WIN-10); undefined when there is no such place. */
    async placeFull(placeId: string): Promise<boolean | undefined> {
      const row = await db
        .selectFrom('places as p')
        .select((eb) =>
          eb
            .not(
              eb.exists(
                eb
                  .selectFrom('place_units as u')
                  .select('u.unit')
                  .whereRef('u.place_id', '=', 'p.id')
                  .where('u.status', '=', 'published'),
              ),
            )
            .as('full'),
        )
        .where('p.id', '=', placeId)
        .executeTakeFirst();
      return row === undefined ? undefined : Boolean(row.full);
    },

    /**
     * The referrals of one claim: its key names the first, `key#n` the n-th sibling's. A claim's first attempt
     * (nearly every claim of a rush) is answered by one index probe without the views' joins.
     */
    async byClaimKey(key: string): Promise<ReferralRecord[]> {
      const used = await db
        .selectFrom('referrals')
        .select('id')
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      return used === undefined ? [] : claimRecords(key);
    },

    /** The referrals a claim has just issued under its key (no probe first: they are there). */
    issuedByClaimKey: (key: string): Promise<ReferralRecord[]> => claimRecords(key),

    ofApplicant: (applicantId: string): Promise<ReferralRecord[]> =>
      records()
        .where('a.applicant_id', '=', applicantId)
        .orderBy('r.issued_at', 'desc')
        .orderBy('r.number')
        .execute(),

    /** R-REF-11: the children that hold a live referral. */
    async childrenWithLiveReferral(childIds: readonly string[]): Promise<Set<string>> {
      if (childIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('referrals')
        .select('child_id')
        .where('child_id', 'in', childIds)
        .where('status', 'in', ['issued', 'extended'])
        .execute();
      return new Set(rows.map((row) => row.child_id));
    },

    referralCount: async (applicationId: string): Promise<number> =>
      Number(
        (
          await db
            .selectFrom('referrals')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('application_id', '=', applicationId)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /** The windows of `queueKey` that published any of `bulletinIds`, and whether the application is in the access set. */
    unitWindows: async (
      queueKey: string,
      bulletinIds: readonly number[],
      applicationId: string,
    ): Promise<UnitWindowRow[]> => {
      if (bulletinIds.length === 0) return [];
      const rows = await db
        .selectFrom('allocation_windows as w')
        .select([
          'w.id',
          'w.bulletin_ids',
          'w.opens_at',
          'w.closes_at',
          (eb) =>
            eb
              .exists(
                eb
                  .selectFrom('window_access as x')
                  .select('x.rank')
                  .whereRef('x.window_id', '=', 'w.id')
                  .where('x.application_id', '=', applicationId),
              )
              .as('has_access'),
        ])
        .where('w.queue_key', '=', queueKey)
        .where(sql<boolean>`w.bulletin_ids && ${sql.val([...bulletinIds])}::bigint[]`)
        .execute();
      return rows.map((row) => ({
        ...row,
        id: Number(row.id),
        bulletin_ids: row.bulletin_ids.map(Number),
        has_access: Boolean(row.has_access),
      }));
    },

    /**
     * R-WIN-10: THE claim — one conditional statement. The first published unit among `units` that no other
     * transaction holds is reserved for the referral; none left (or all being taken right now) gives undefined.
     */
    async reserveFirst(
      placeId: string,
      units: readonly number[],
      referralId: string,
    ): Promise<number | undefined> {
      if (units.length === 0) return undefined;
      const result = await sql<{ unit: number }>`
        UPDATE place_units SET status = 'reserved', referral_id = ${referralId}, version = version + 1
        WHERE (place_id, unit) = (SELECT place_id, unit FROM place_units
                                  WHERE place_id = ${placeId} AND status = 'published'
                                    AND unit = ANY(${sql.val([...units])}::smallint[])
                                  ORDER BY unit LIMIT 1 FOR UPDATE SKIP LOCKED)
          AND status = 'published'
        RETURNING unit`.execute(db);
      const row = result.rows[0];
      return row === undefined ? undefined : Number(row.unit);
    },

    /** R-REF-04: a sibling's planned unit, reserved only if it is still published and not being taken. */
    async reserveExact(placeId: string, unit: number, referralId: string): Promise<boolean> {
      const result = await sql<{ unit: number }>`
        UPDATE place_units SET status = 'reserved', referral_id = ${referralId}, version = version + 1
        WHERE (place_id, unit) = (SELECT place_id, unit FROM place_units
                                  WHERE place_id = ${placeId} AND unit = ${unit} AND status = 'published'
                                  FOR UPDATE SKIP LOCKED)
          AND status = 'published'
        RETURNING unit`.execute(db);
      return result.rows.length === 1;
    },

    /** R-WIN-08: the unit of an ended referral goes back to `reported`, for the next bulletin. */
    async releaseUnit(placeId: string, unit: number, referralId: string): Promise<void> {
      await db
        .updateTable('place_units')
        .set({ status: 'reported', referral_id: null, bulletin_id: null, version: sql`version + 1` })
        .where('place_id', '=', placeId)
        .where('unit', '=', unit)
        .where('referral_id', '=', referralId)
        .execute();
    },

    /** R-ADM-09: the admitted child's unit is occupied. */
    async occupyUnit(placeId: string, unit: number, referralId: string): Promise<void> {
      await db
        .updateTable('place_units')
        .set({ status: 'occupied', version: sql`version + 1` })
        .where('place_id', '=', placeId)
        .where('unit', '=', unit)
        .where('referral_id', '=', referralId)
        .execute();
    },

    async insertAdmission(row: Omit<Insertable<AdmissionsTable>, 'id'>): Promise<void> {
      await db
        .insertInto('admissions')
        .values({ id: randomUUID(), ...row })
        .execute();
    },

    /** R-KG-07: the live referrals a kindergarten sees (confirmed by the provider), oldest first. */
    ofKindergarten: (kindergartenId: string): Promise<ReferralRecord[]> =>
      records()
        .where('p.kindergarten_id', '=', kindergartenId)
        .where('r.status', 'in', ['issued', 'extended'])
        .where('r.phase', '!=', 'pendingConfirmation')
        .orderBy('r.issued_at')
        .orderBy('r.number')
        .execute(),

    /** R-REF-07: the live referrals waiting for their originals, of one district (every district: null). */
    awaitingOriginals: (districtKato: string | null): Promise<ReferralRecord[]> => {
      const waiting = records()
        .where('r.status', 'in', ['issued', 'extended'])
        .where('r.phase', '=', 'pendingConfirmation');
      return (districtKato === null ? waiting : waiting.where('s.district_kato', '=', districtKato))
        .orderBy('r.confirm_by')
        .orderBy('r.number')
        .execute();
    },

    /** R-REF-12, R-REF-08: live referrals whose last valid day, or whose originals deadline, ended before `today`. */
    dueForExpiry: (today: string): Promise<ReferralRecord[]> =>
      records()
        .where('r.status', 'in', ['issued', 'extended'])
        .where((eb) =>
          eb.or([
            eb.and([eb('r.phase', '=', 'running'), eb('r.valid_until', '<', today)]),
            eb.and([eb('r.phase', '=', 'pendingConfirmation'), eb('r.confirm_by', '<', today)]),
          ]),
        )
        .orderBy('r.number')
        .execute(),

    /** R-ADM-03: the parent's portal request on a referral, if any. */
    admissionRequest: (referralId: string) =>
      db
        .selectFrom('admission_requests')
        .selectAll()
        .where('referral_id', '=', referralId)
        .executeTakeFirst(),

    async insertAdmissionRequest(row: Insertable<AdmissionRequestsTable>): Promise<void> {
      await db.insertInto('admission_requests').values(row).execute();
    },

    /** The kindergarten's decision on a referral (R-ADM-02..04, -09), if made. */
    admissionDecision: (referralId: string) =>
      db.selectFrom('admissions').selectAll().where('referral_id', '=', referralId).executeTakeFirst(),

    async insert(row: Insertable<ReferralsTable>): Promise<void> {
      await db.insertInto('referrals').values(row).execute();
    },

    async update(id: string, version: number, changes: Updateable<ReferralsTable>): Promise<boolean> {
      const result = await db
        .updateTable('referrals')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    /**
     * R-ORDER-05: moves the queue's version on and reads its interleave counter in one statement that locks the
     * queue's row to the end of the transaction — so two claims of one queue never both count from the same value,
     * and the lock is held for this statement, the counter's update if it changes, and the commit only.
     */
    lockQueueCounter: async (queueKey: string): Promise<number> =>
      (
        await db
          .insertInto('queue_state')
          .values({ queue_key: queueKey, version: 1 })
          .onConflict((oc) => oc.column('queue_key').doUpdateSet({ version: sql`queue_state.version + 1` }))
          .returning('g_since_p')
          .executeTakeFirstOrThrow()
      ).g_since_p,

    /** R-ORDER-05: the queue's interleave counter after a referral from it (its row locked by lockQueueCounter). */
    async setGSinceP(queueKey: string, gSinceP: number): Promise<void> {
      await db
        .updateTable('queue_state')
        .set({ g_since_p: gSinceP })
        .where('queue_key', '=', queueKey)
        .execute();
    },
  };
}
