import type { Db, ProactiveOffersTable } from '@kezek/db';
import type { Insertable, Selectable } from 'kysely';

export type OfferRecord = Selectable<ProactiveOffersTable>;

/** Where the civil registry's birth-event feed was read up to (app_meta; written with the offers it produced). */
const CURSOR_KEY = 'civil_registry_birth_events_cursor';

export type OfferAnswer = Pick<OfferRecord, 'status' | 'answered_by'> & {
  answered_at: Date;
  application_id?: string;
  status_reason?: string;
};

export type ProactiveRepository = ReturnType<typeof proactiveRepository>;

export function proactiveRepository(db: Db) {
  return {
    async cursor(): Promise<string | null> {
      const row = await db
        .selectFrom('app_meta')
        .select('value')
        .where('key', '=', CURSOR_KEY)
        .executeTakeFirst();
      return row === undefined ? null : (row.value as { cursor: string }).cursor;
    },

    async saveCursor(cursor: string): Promise<void> {
      const value = JSON.stringify({ cursor });
      await db
        .insertInto('app_meta')
        .values({ key: CURSOR_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    },

    settlementNames: (kato: string) =>
      db
        .selectFrom('settlements')
        .select(['name_kk', 'name_ru', 'name_en'])
        .where('kato', '=', kato)
        .executeTakeFirst(),

    /** A birth is offered once: false when its event was already stored. */
    async insertOffer(row: Insertable<ProactiveOffersTable>): Promise<boolean> {
      const inserted = await db
        .insertInto('proactive_offers')
        .values(row)
        .onConflict((oc) => oc.column('event_id').doNothing())
        .executeTakeFirst();
      return inserted.numInsertedOrUpdatedRows === 1n;
    },

    byId: (id: string): Promise<OfferRecord | undefined> =>
      db.selectFrom('proactive_offers').selectAll().where('id', '=', id).executeTakeFirst(),

    /** The offers sent to a mobile number still waiting for the answer, oldest first. */
    openToMobile: (mobile: string): Promise<OfferRecord[]> =>
      db
        .selectFrom('proactive_offers')
        .selectAll()
        .where('parent_mobile', '=', mobile)
        .where('status', '=', 'offered')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    ofParent: (parentIin: string): Promise<OfferRecord[]> =>
      db
        .selectFrom('proactive_offers')
        .selectAll()
        .where('parent_iin', '=', parentIin)
        .orderBy('created_at', 'desc')
        .execute(),

    /** Open offers whose parent asked for the queue with the birth registration (R-ELIG-17): accepted by the job. */
    openOneApplicationOffers: (): Promise<OfferRecord[]> =>
      db
        .selectFrom('proactive_offers')
        .selectAll()
        .where('status', '=', 'offered')
        .where('one_application', '=', true)
        .orderBy('registered_at')
        .execute(),

    /**
     * Records the answer if the offer is still open at `answer.answered_at` (status and deadline checked in the
     * UPDATE itself, so two answers cannot both win); false otherwise.
     */
    async answer(id: string, answer: OfferAnswer): Promise<boolean> {
      const result = await db
        .updateTable('proactive_offers')
        .set(answer)
        .where('id', '=', id)
        .where('status', '=', 'offered')
        .where('reply_by', '>=', answer.answered_at)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    /** Open offers whose reply deadline ended before `before` become `expired`; their IDs. */
    async expire(before: Date): Promise<string[]> {
      const rows = await db
        .updateTable('proactive_offers')
        .set({ status: 'expired' })
        .where('status', '=', 'offered')
        .where('reply_by', '<', before)
        .returning('id')
        .execute();
      return rows.map((row) => row.id);
    },
  };
}
