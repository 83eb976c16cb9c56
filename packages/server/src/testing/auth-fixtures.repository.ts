import type { Db, StaffRole } from '@kezek/db';

/** Two districts of one region, a kindergarten in district 1: enough territory for every scoped role. */
export const FIXTURE_TERRITORY = {
  region: '999000000',
  district1: '999100000',
  district2: '999200000',
  settlement1: '999110000',
  settlement2: '999210000',
  kindergarten1: 'f0000000-0000-4000-8000-000000000001',
} as const;

const names = (en: string) => ({ name_kk: en, name_ru: en, name_en: en });

export async function ensureFixtureTerritory(db: Db, now: Date): Promise<void> {
  const t = FIXTURE_TERRITORY;
  await db
    .insertInto('regions')
    .values({ kato: t.region, ...names('Fixture region') })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('districts')
    .values([
      { kato: t.district1, region_kato: t.region, ...names('Fixture district 1') },
      { kato: t.district2, region_kato: t.region, ...names('Fixture district 2') },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('settlements')
    .values([
      { kato: t.settlement1, district_kato: t.district1, ...names('Fixture settlement 1') },
      { kato: t.settlement2, district_kato: t.district2, ...names('Fixture settlement 2') },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('kindergartens')
    .values({
      id: t.kindergarten1,
      bin: '999999000001',
      ...names('Fixture kindergarten 1'),
      settlement_kato: t.settlement1,
      ownership: 'state',
      state_order: true,
      address: 'Fixture street 1',
      phone: null,
      created_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export type StaffFixture = {
  id: string;
  login: string;
  role: StaffRole;
  districtKato: string | null;
  kindergartenId: string | null;
};

export async function ensureStaffUser(
  db: Db,
  staff: StaffFixture,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('staff_users')
    .values({
      id: staff.id,
      login: staff.login,
      password_hash: passwordHash,
      full_name: `Fixture ${staff.login}`,
      role: staff.role,
      district_kato: staff.districtKato,
      kindergarten_id: staff.kindergartenId,
      created_at: now,
    })
    .onConflict((oc) => oc.column('login').doNothing())
    .execute();
}
