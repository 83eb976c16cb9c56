import type { CalendarYearsTable, Db, PolicyChangesTable } from '@kezek/db';
import type { Insertable, Selectable } from 'kysely';

export type PolicyChangeRecord = Selectable<PolicyChangesTable>;
export type CalendarYearRecord = Selectable<CalendarYearsTable>;

export type AdminRepository = ReturnType<typeof adminRepository>;

/** The rules in force (policy changes, calendar years) and the territory, as the regional admin edits them. */
export function adminRepository(db: Db) {
  return {
    policyChanges: (): Promise<PolicyChangeRecord[]> =>
      db
        .selectFrom('policy_changes')
        .selectAll()
        .orderBy('effective_from', 'desc')
        .orderBy('id', 'desc')
        .execute(),

    insertPolicyChange: async (row: Insertable<PolicyChangesTable>): Promise<number> =>
      (await db.insertInto('policy_changes').values(row).returning('id').executeTakeFirstOrThrow()).id,

    calendarYears: (): Promise<CalendarYearRecord[]> =>
      db.selectFrom('calendar_years').selectAll().orderBy('year').execute(),

    calendarYear: (year: number): Promise<CalendarYearRecord | undefined> =>
      db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst(),

    async saveCalendarYear(row: CalendarYearRecord): Promise<void> {
      await db
        .insertInto('calendar_years')
        .values(row)
        .onConflict((oc) =>
          oc.column('year').doUpdateSet({
            holidays: row.holidays,
            workdays: row.workdays,
            source: row.source,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },

    /** Every settlement with the region it belongs to (the policy of a settlement is its region's). */
    settlementRegions: (): Promise<{ settlement: string; region: string }[]> =>
      db
        .selectFrom('settlements as s')
        .innerJoin('districts as d', 'd.kato', 's.district_kato')
        .select(['s.kato as settlement', 'd.region_kato as region'])
        .execute(),

    regionExists: async (kato: string): Promise<boolean> =>
      (await db.selectFrom('regions').select('kato').where('kato', '=', kato).executeTakeFirst()) !==
      undefined,

    regions: () => db.selectFrom('regions').selectAll().orderBy('kato').execute(),
    districts: () => db.selectFrom('districts').selectAll().orderBy('kato').execute(),
    settlements: () => db.selectFrom('settlements').selectAll().orderBy('kato').execute(),

    district: (kato: string) =>
      db.selectFrom('districts').selectAll().where('kato', '=', kato).executeTakeFirst(),

    /** False when a settlement with this KATO code exists already. */
    async insertSettlement(row: {
      kato: string;
      district_kato: string;
      name_kk: string;
      name_ru: string;
      name_en: string;
    }): Promise<boolean> {
      const inserted = await db
        .insertInto('settlements')
        .values(row)
        .onConflict((oc) => oc.column('kato').doNothing())
        .executeTakeFirst();
      return inserted.numInsertedOrUpdatedRows === 1n;
    },
  };
}
