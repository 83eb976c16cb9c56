import type { Db, StaffUsersTable } from '@kezek/db';
import { sql, type Insertable } from 'kysely';
import type { DemoDataset } from './demo-dataset';

const SEED_MARKER = 'demo_seed';
const BATCH = 500;

export type DemoRepository = ReturnType<typeof demoRepository>;

export function demoRepository(db: Db) {
  return {
    async seededAt(): Promise<string | undefined> {
      const row = await db
        .selectFrom('app_meta')
        .select('value')
        .where('key', '=', SEED_MARKER)
        .executeTakeFirst();
      return row === undefined ? undefined : String((row.value as { at: string }).at);
    },

    /** Everything in one transaction, marker included: a crash mid-seed leaves nothing behind, and a rerun seeds again. */
    async insertAll(data: DemoDataset, staff: Insertable<StaffUsersTable>[], at: Date): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const marker = await trx
          .insertInto('app_meta')
          .values({ key: SEED_MARKER, value: JSON.stringify({ at: at.toISOString() }) })
          .onConflict((oc) => oc.column('key').doNothing())
          .executeTakeFirst();
        if (marker.numInsertedOrUpdatedRows !== 1n) return false;
        const tables = [
          ['regions', data.regions],
          ['districts', data.districts],
          ['settlements', data.settlements],
          ['kindergartens', data.kindergartens],
          ['groups', data.groups],
          ['applicants', data.applicants],
          ['children', data.children],
          ['applications', data.applications],
          ['queue_state', data.queueStates],
          ['queue_events', data.queueEvents],
          ['places', data.places],
          ['place_units', data.placeUnits],
          ['referrals', data.referrals],
          ['admissions', data.admissions],
          ['staff_users', staff],
        ] as const;
        for (const [table, rows] of tables) {
          for (let start = 0; start < rows.length; start += BATCH) {
            await trx
              .insertInto(table)
              .values(rows.slice(start, start + BATCH))
              .execute();
          }
        }
        // The demo numbers its applications itself; later registrations continue after them.
        await sql`SELECT setval('application_seq', (SELECT coalesce(max(registration_seq), 1) FROM applications))`.execute(
          trx,
        );
        return true;
      });
    },
  };
}
