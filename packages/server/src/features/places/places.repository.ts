import type { Db, PlaceUnitStatus, PlacesTable, PlaceUnitsTable } from '@kezek/db';
import type { Insertable, Selectable } from 'kysely';

export type PlaceRow = Selectable<PlacesTable>;
export type PlaceUnitRow = Pick<
  Selectable<PlaceUnitsTable>,
  'place_id' | 'unit' | 'status' | 'bulletin_id' | 'referral_id'
>;
export type PlaceWithUnits = { row: PlaceRow; ownership: 'state' | 'private'; units: PlaceUnitRow[] };

export type KindergartenRow = {
  id: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  settlement_kato: string;
  district_kato: string;
  ownership: 'state' | 'private';
  state_order: boolean;
};

export type RevocationInsert = {
  place_id: string;
  settlement_kato: string;
  units: number[];
  published_units: number[];
  reason: 'capitalRepair' | 'quarantine' | 'stateOrderCancelled' | 'closure' | null;
  cancelled_referrals: string[];
  revoked_at: Date;
  revoked_by: string | null;
};

/** A live referral on a revoked unit with what its cancellation needs (R-KG-03). */
export type LiveReferralRow = {
  id: string;
  application_id: string;
  number: string;
  settlement_kato: string;
  birth_year: number;
  queue: string;
  language: string;
  sms_numbers: string[];
  email: string | null;
  categories: string[];
  privilege_used: boolean;
};

export type PlacesRepository = ReturnType<typeof placesRepository>;

/** SQL of the places registry: kindergartens' groups, reported places and their units, revocations. */
export function placesRepository(db: Db) {
  const unitsOf = async (placeIds: readonly string[]): Promise<PlaceUnitRow[]> =>
    placeIds.length === 0
      ? []
      : db
          .selectFrom('place_units')
          .select(['place_id', 'unit', 'status', 'bulletin_id', 'referral_id'])
          .where('place_id', 'in', placeIds)
          .orderBy('place_id')
          .orderBy('unit')
          .execute();

  const withUnits = async (
    rows: readonly (PlaceRow & { ownership: 'state' | 'private' })[],
  ): Promise<PlaceWithUnits[]> => {
    const units = await unitsOf(rows.map((row) => row.id));
    const byPlace = new Map<string, PlaceUnitRow[]>();
    for (const unit of units) byPlace.set(unit.place_id, [...(byPlace.get(unit.place_id) ?? []), unit]);
    return rows.map(({ ownership, ...row }) => ({ row, ownership, units: byPlace.get(row.id) ?? [] }));
  };

  const placeColumns = db
    .selectFrom('places')
    .innerJoin('kindergartens', 'kindergartens.id', 'places.kindergarten_id')
    .selectAll('places')
    .select('kindergartens.ownership');

  return {
    kindergarten: (id: string): Promise<KindergartenRow | undefined> =>
      db
        .selectFrom('kindergartens')
        .innerJoin('settlements', 'settlements.kato', 'kindergartens.settlement_kato')
        .select([
          'kindergartens.id',
          'kindergartens.name_kk',
          'kindergartens.name_ru',
          'kindergartens.name_en',
          'kindergartens.settlement_kato',
          'settlements.district_kato',
          'kindergartens.ownership',
          'kindergartens.state_order',
        ])
        .where('kindergartens.id', '=', id)
        .executeTakeFirst(),

    groups: (kindergartenId: string) =>
      db
        .selectFrom('groups')
        .selectAll()
        .where('kindergarten_id', '=', kindergartenId)
        .orderBy('age')
        .orderBy('id')
        .execute(),

    group: (id: string) => db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst(),

    async placesOf(kindergartenId: string): Promise<PlaceWithUnits[]> {
      const rows = await placeColumns
        .where('places.kindergarten_id', '=', kindergartenId)
        .orderBy('places.reported_at')
        .orderBy('places.id')
        .execute();
      return withUnits(rows);
    },

    /** One place and its units, locked against concurrent changes when `forUpdate` (revocation). */
    async place(id: string, forUpdate = false): Promise<PlaceWithUnits | undefined> {
      const query = placeColumns.where('places.id', '=', id);
      const row = await (forUpdate ? query.forUpdate('places') : query).executeTakeFirst();
      if (row === undefined) return undefined;
      if (forUpdate)
        await db.selectFrom('place_units').select('unit').where('place_id', '=', id).forUpdate().execute();
      const [found] = await withUnits([row]);
      return found;
    },

    byIdempotencyKey: (key: string) =>
      db.selectFrom('places').select('id').where('idempotency_key', '=', key).executeTakeFirst(),

    async insertPlace(place: Insertable<PlacesTable>): Promise<void> {
      await db.insertInto('places').values(place).execute();
      await db
        .insertInto('place_units')
        .values(
          Array.from({ length: place.units }, (_, unit) => ({
            place_id: place.id,
            unit,
            status: 'reported' as const,
          })),
        )
        .execute();
    },

    async setUnitStatus(placeId: string, units: readonly number[], status: PlaceUnitStatus): Promise<void> {
      if (units.length === 0) return;
      await db
        .updateTable('place_units')
        .set((eb) => ({ status, referral_id: null, version: eb('version', '+', 1) }))
        .where('place_id', '=', placeId)
        .where('unit', 'in', units)
        .execute();
    },

    /** R-SYS-07: the early-booked place is vacated now; false when it was not waiting (already vacated). */
    async markVacated(id: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('places')
        .set((eb) => ({ vacated_at: now, version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', id)
        .where('admission', '=', 'earlyBooking')
        .where('vacated_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** R-KG-05: the temporary stay is over; false when it had ended already. */
    async markStayEnded(id: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('places')
        .set((eb) => ({ ended_at: now, version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', id)
        .where('admission', '=', 'temporary')
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** R-SYS-07: early-booked places still waiting whose set vacating date has come by `today`. */
    dueToVacate: (today: string) =>
      db
        .selectFrom('places')
        .select(['id', 'settlement_kato'])
        .where('vacated_at', 'is', null)
        .where('admission', '=', 'earlyBooking')
        .where('free_from', '<=', today)
        .orderBy('id')
        .execute(),

    /** R-KG-05: temporary places whose stay ended before `today` (their last day was `until`). */
    staysEndedBefore: (today: string) =>
      db
        .selectFrom('places')
        .select(['id', 'settlement_kato'])
        .where('admission', '=', 'temporary')
        .where('ended_at', 'is', null)
        .where('until', '<', today)
        .orderBy('id')
        .execute(),

    async touchPlace(id: string, now: Date): Promise<void> {
      await db
        .updateTable('places')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', id)
        .execute();
    },

    async insertRevocation(revocation: RevocationInsert): Promise<void> {
      await db.insertInto('place_revocations').values(revocation).execute();
    },

    liveReferrals: (ids: readonly string[]): Promise<LiveReferralRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('referrals')
            .innerJoin('applications', 'applications.id', 'referrals.application_id')
            .select([
              'referrals.id',
              'referrals.application_id',
              'applications.number',
              'applications.settlement_kato',
              'applications.birth_year',
              'applications.queue',
              'applications.language',
              'applications.sms_numbers',
              'applications.email',
              'applications.categories',
              'applications.privilege_used',
            ])
            .where('referrals.id', 'in', ids)
            .where('referrals.status', 'in', ['issued', 'extended'])
            .execute(),

    /** R-KG-03: the referral is revoked with the reason; its application returns to the queue unchanged. */
    async revokeReferral(id: string, applicationId: string, reason: string, now: Date): Promise<void> {
      await db
        .updateTable('referrals')
        .set((eb) => ({
          status: 'revoked',
          status_reason: reason,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', id)
        .execute();
      await db
        .updateTable('applications')
        .set((eb) => ({ status: 'queued', version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', applicationId)
        .where('status', '=', 'referred')
        .execute();
    },
  };
}
