import type { BulletinItemsTable, Db } from '@kezek/db';
import { sql, type Insertable } from 'kysely';
import type { PlaceWithUnits } from '../places/places.repository';

export type RegionSettlements = { region: string; settlements: string[] };

export type WindowUpsert = {
  queue_key: string;
  settlement_kato: string;
  bulletin_id: number;
  units: number;
  all_state: boolean;
  published_at: Date;
};

export type BulletinFilter = {
  settlement?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

export type ItemFilter = {
  birthYear?: number | undefined;
  language?: string | undefined;
  mode?: 'full' | 'half' | '24h' | undefined;
  admission?: 'general' | 'earlyBooking' | 'temporary' | undefined;
};

export type BulletinsRepository = ReturnType<typeof bulletinsRepository>;

/** SQL of the bulletins: publication (job) and the public lists. */
export function bulletinsRepository(db: Db) {
  return {
    /** Settlements that have a kindergarten (the ones a bulletin is published for), grouped by region. */
    async regionsWithKindergartens(): Promise<RegionSettlements[]> {
      const rows = await db
        .selectFrom('settlements')
        .innerJoin('districts', 'districts.kato', 'settlements.district_kato')
        .select(['districts.region_kato as region', 'settlements.kato as settlement'])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('kindergartens')
              .select('kindergartens.id')
              .whereRef('kindergartens.settlement_kato', '=', 'settlements.kato'),
          ),
        )
        .orderBy('districts.region_kato')
        .orderBy('settlements.kato')
        .execute();
      const byRegion = new Map<string, string[]>();
      for (const row of rows) byRegion.set(row.region, [...(byRegion.get(row.region) ?? []), row.settlement]);
      return [...byRegion].map(([region, settlements]) => ({ region, settlements }));
    },

    /** Of `settlements`, those with a bulletin of `date` already (a slot run again publishes nothing twice). */
    async publishedOn(settlements: readonly string[], date: string): Promise<Set<string>> {
      if (settlements.length === 0) return new Set();
      const rows = await db
        .selectFrom('bulletins')
        .select('settlement_kato')
        .where('bulletin_date', '=', date)
        .where('settlement_kato', 'in', settlements)
        .execute();
      return new Set(rows.map((row) => row.settlement_kato));
    },

    /**
     * Places of the settlements with units waiting for a bulletin (R-WIN-02), reported by `at`, in reporting order.
     * A released unit (R-WIN-08) is `reported` again and goes with them.
     */
    async waitingPlaces(settlements: readonly string[], at: Date): Promise<PlaceWithUnits[]> {
      if (settlements.length === 0) return [];
      const rows = await db
        .selectFrom('places')
        .innerJoin('kindergartens', 'kindergartens.id', 'places.kindergarten_id')
        .selectAll('places')
        .select('kindergartens.ownership')
        .where('places.settlement_kato', 'in', settlements)
        .where('places.reported_at', '<=', at)
        .where('places.ended_at', 'is', null)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('place_units')
              .select('place_units.unit')
              .whereRef('place_units.place_id', '=', 'places.id')
              .where('place_units.status', '=', 'reported'),
          ),
        )
        .orderBy('places.reported_at')
        .orderBy('places.id')
        .execute();
      if (rows.length === 0) return [];
      const units = await db
        .selectFrom('place_units')
        .select(['place_id', 'unit', 'status', 'bulletin_id', 'referral_id'])
        .where(
          'place_id',
          'in',
          rows.map((row) => row.id),
        )
        .orderBy('place_id')
        .orderBy('unit')
        .execute();
      const byPlace = new Map<string, typeof units>();
      for (const unit of units) byPlace.set(unit.place_id, [...(byPlace.get(unit.place_id) ?? []), unit]);
      return rows.map(({ ownership, ...row }) => ({ row, ownership, units: byPlace.get(row.id) ?? [] }));
    },

    async nextBulletinId(): Promise<number> {
      const { rows } = await sql<{ id: string }>`SELECT nextval('bulletins_id_seq') AS id`.execute(db);
      const id = rows[0]?.id;
      if (id === undefined) throw new Error('bulletins_id_seq gave no value');
      return Number(id);
    },

    /** Inserts the bulletin unless the settlement has one of that date; false when it had (a concurrent run). */
    async insertBulletin(bulletin: {
      id: number;
      settlement_kato: string;
      bulletin_date: string;
      published_at: Date;
      items_count: number;
      revoked_count: number;
    }): Promise<boolean> {
      const inserted = await db
        .insertInto('bulletins')
        .values(bulletin)
        .onConflict((oc) => oc.columns(['settlement_kato', 'bulletin_date']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async insertItems(items: readonly Insertable<BulletinItemsTable>[]): Promise<void> {
      for (let start = 0; start < items.length; start += 1000)
        await db
          .insertInto('bulletin_items')
          .values(items.slice(start, start + 1000))
          .execute();
    },

    /** R-SYS-04: the places' reported units become published by the bulletin. */
    async publishUnits(placeIds: readonly string[], bulletinId: number): Promise<void> {
      if (placeIds.length === 0) return;
      await db
        .updateTable('place_units')
        .set((eb) => ({ status: 'published', bulletin_id: bulletinId, version: eb('version', '+', 1) }))
        .where('place_id', 'in', placeIds)
        .where('status', '=', 'reported')
        .execute();
    },

    /** R-REF-03, A-31: the birth year of the places, fixed at their first publication. */
    async fixBirthYear(placeIds: readonly string[], birthYear: number, now: Date): Promise<void> {
      if (placeIds.length === 0) return;
      await db
        .updateTable('places')
        .set((eb) => ({ birth_year: birthYear, version: eb('version', '+', 1), updated_at: now }))
        .where('id', 'in', placeIds)
        .where('birth_year', 'is', null)
        .execute();
    },

    /** R-KG-08: a general place starting after the bulletin date is published as early booking, vacated then. */
    async publishAsEarlyBooking(placeId: string, freeFrom: string, now: Date): Promise<void> {
      await db
        .updateTable('places')
        .set((eb) => ({
          admission: 'earlyBooking',
          free_from: freeFrom,
          vacated_at: null,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', placeId)
        .execute();
    },

    /** revocations of published units since the last bulletin, for this one's revoked-places protocol. */
    async pendingRevocations(settlement: string, at: Date): Promise<number[]> {
      const rows = await db
        .selectFrom('place_revocations')
        .select('id')
        .where('settlement_kato', '=', settlement)
        .where('bulletin_id', 'is', null)
        .where(sql<boolean>`cardinality(published_units) > 0`)
        .where('revoked_at', '<=', at)
        .execute();
      return rows.map((row) => Number(row.id));
    },

    async attachRevocations(ids: readonly number[], bulletinId: number): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable('place_revocations')
        .set({ bulletin_id: bulletinId })
        .where('id', 'in', ids)
        .execute();
    },

    /** R-WIN-04: the key's window not yet open gathers the bulletin's units (one window per key and opening). */
    async addToPendingWindow(window: WindowUpsert): Promise<void> {
      await db
        .insertInto('allocation_windows')
        .values({
          queue_key: window.queue_key,
          settlement_kato: window.settlement_kato,
          bulletin_ids: [window.bulletin_id],
          units: window.units,
          all_state: window.all_state,
          published_at: window.published_at,
        })
        .onConflict((oc) =>
          oc
            .column('queue_key')
            .where('opens_at', 'is', null)
            .doUpdateSet({
              bulletin_ids: sql`array_append(allocation_windows.bulletin_ids, ${window.bulletin_id}::bigint)`,
              units: sql`allocation_windows.units + excluded.units`,
              all_state: sql`allocation_windows.all_state AND excluded.all_state`,
              published_at: sql`excluded.published_at`,
            }),
        )
        .execute();
    },

    async list(filter: BulletinFilter, page: number, pageSize: number) {
      let query = db
        .selectFrom('bulletins')
        .innerJoin('settlements', 'settlements.kato', 'bulletins.settlement_kato');
      if (filter.settlement !== undefined)
        query = query.where('bulletins.settlement_kato', '=', filter.settlement);
      if (filter.from !== undefined) query = query.where('bulletins.bulletin_date', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('bulletins.bulletin_date', '<=', filter.to);
      const [rows, total] = await Promise.all([
        query
          .select([
            'bulletins.id',
            'bulletins.settlement_kato',
            'bulletins.bulletin_date',
            'bulletins.published_at',
            'bulletins.items_count',
            'bulletins.revoked_count',
            'settlements.name_kk',
            'settlements.name_ru',
            'settlements.name_en',
          ])
          .orderBy('bulletins.bulletin_date', 'desc')
          .orderBy('bulletins.settlement_kato')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    byId: (id: number) =>
      db
        .selectFrom('bulletins')
        .innerJoin('settlements', 'settlements.kato', 'bulletins.settlement_kato')
        .select([
          'bulletins.id',
          'bulletins.settlement_kato',
          'bulletins.bulletin_date',
          'bulletins.published_at',
          'bulletins.items_count',
          'bulletins.revoked_count',
          'settlements.name_kk',
          'settlements.name_ru',
          'settlements.name_en',
        ])
        .where('bulletins.id', '=', id)
        .executeTakeFirst(),

    async items(bulletinId: number, filter: ItemFilter, page: number, pageSize: number) {
      let query = db
        .selectFrom('bulletin_items')
        .innerJoin('kindergartens', 'kindergartens.id', 'bulletin_items.kindergarten_id')
        .where('bulletin_items.bulletin_id', '=', bulletinId);
      if (filter.birthYear !== undefined)
        query = query.where('bulletin_items.birth_year', '=', filter.birthYear);
      if (filter.language !== undefined) query = query.where('bulletin_items.language', '=', filter.language);
      if (filter.mode !== undefined) query = query.where('bulletin_items.mode', '=', filter.mode);
      if (filter.admission !== undefined)
        query = query.where('bulletin_items.admission', '=', filter.admission);
      const [rows, total] = await Promise.all([
        query
          .selectAll('bulletin_items')
          .select(['kindergartens.name_kk', 'kindergartens.name_ru', 'kindergartens.name_en'])
          .orderBy('bulletin_items.position')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    revocations: (bulletinId: number) =>
      db
        .selectFrom('place_revocations')
        .innerJoin('places', 'places.id', 'place_revocations.place_id')
        .innerJoin('kindergartens', 'kindergartens.id', 'places.kindergarten_id')
        .select([
          'place_revocations.place_id',
          'place_revocations.published_units',
          'place_revocations.reason',
          'place_revocations.revoked_at',
          'place_revocations.cancelled_referrals',
          'kindergartens.id as kindergarten_id',
          'kindergartens.name_kk',
          'kindergartens.name_ru',
          'kindergartens.name_en',
        ])
        .where('place_revocations.bulletin_id', '=', bulletinId)
        .orderBy('place_revocations.id')
        .execute(),
  };
}
