import type { ErrorBody, Fairness } from '@kezek/contracts';
import type { ReferralRowStatus } from '@kezek/db';
import { localDate, makeIin } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAccessMatrix, everyone } from '../../testing/access-matrix';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import { openTestApp, TEST_NOW, type TestApp } from '../../testing/test-app';

let t: TestApp;
const F = FIXTURE_TERRITORY;
const GROUP = 'a0000000-0000-4000-8000-000000000001';
const PLACE = 'a0000000-0000-4000-8000-000000000002';
const DAY = 86_400_000;
const day = (n: number) => new Date(TEST_NOW.getTime() - n * DAY);
const uuid = (kind: number, n: number) => `a000000${kind}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One referred application: its categories, when it was submitted and referred, and how the referral ended. */
async function referral(
  n: number,
  categories: string[],
  waited: number,
  status: ReferralRowStatus,
  unit: number,
) {
  const db = t.handle.db;
  const applicantIin = makeIin(localDate('1990-01-01'), 'female', 100 + n);
  await db
    .insertInto('applicants')
    .values({ id: uuid(1, n), iin: applicantIin, surname: 'А', given_name: 'Б', created_at: day(400) })
    .execute();
  await db
    .insertInto('children')
    .values({
      id: uuid(2, n),
      applicant_id: uuid(1, n),
      iin: makeIin(localDate('2022-02-02'), 'male', 100 + n),
      surname: 'А',
      given_name: 'В',
      birth_date: '2022-02-02',
      sex: 'male',
      created_at: day(400),
    })
    .execute();
  await db
    .insertInto('applications')
    .values({
      id: uuid(3, n),
      number: `FAIR-${n}`,
      child_id: uuid(2, n),
      applicant_id: uuid(1, n),
      settlement_kato: F.settlement1,
      birth_year: 2022,
      queue: 'general',
      categories,
      status: 'referred',
      channel: 'portal',
      language: 'kk',
      submitted_at: day(10 + waited),
      check_due_at: day(10 + waited),
      updated_at: day(10),
    })
    .execute();
  await db.insertInto('place_units').values({ place_id: PLACE, unit, status: 'reported' }).execute();
  await db
    .insertInto('referrals')
    .values({
      id: uuid(4, n),
      number: `R-${n}`,
      application_id: uuid(3, n),
      child_id: uuid(2, n),
      place_id: PLACE,
      unit,
      admission: 'general',
      status,
      phase: 'running',
      issued_at: day(10),
      cancel_deadline: day(9),
      idempotency_key: `fair-${n}`,
      updated_at: day(10),
    })
    .execute();
}

beforeAll(async () => {
  t = await openTestApp();
  const db = t.handle.db;
  await ensureFixtureTerritory(db, day(500));
  await db
    .insertInto('groups')
    .values({
      id: GROUP,
      kindergarten_id: F.kindergarten1,
      age_group: 'middle',
      age: 4,
      language: 'kk',
      group_type: 'general',
      mode: 'full',
      capacity: 20,
    })
    .execute();
  await db
    .insertInto('places')
    .values({
      id: PLACE,
      kindergarten_id: F.kindergarten1,
      group_id: GROUP,
      settlement_kato: F.settlement1,
      queue: 'general',
      age: 4,
      language: 'kk',
      mode: 'full',
      admission: 'general',
      units: 8,
      reported_at: day(20),
      updated_at: day(20),
    })
    .execute();
  await referral(1, ['military'], 30, 'admitted', 0); // O
  await referral(2, ['disabledParent'], 100, 'issued', 1); // P
  await referral(3, [], 200, 'admitted', 2); // G
  await referral(4, [], 300, 'expired', 3); // G
  await referral(5, [], 400, 'refused', 4); // G
  await db
    .insertInto('admissions')
    .values({
      id: uuid(5, 1),
      referral_id: uuid(4, 5),
      decision: 'refused',
      reason: 'expiredDocuments',
      decided_at: day(5),
    })
    .execute();
  await db
    .insertInto('place_revocations')
    .values({
      place_id: PLACE,
      settlement_kato: F.settlement1,
      units: [5, 6],
      published_units: [5, 6],
      reason: 'quarantine',
      revoked_at: day(3),
    })
    .execute();
});
afterAll(() => t.close());

const get = async (query: string) => {
  const response = await t.app.request(`/api/public/fairness${query}`);
  return { status: response.status, body: (await response.json()) as unknown };
};

describe('the public fairness dashboard', () => {
  it('R-ORDER-03, R-ORDER-04, R-SYS-09: referrals by group and category, the ratio achieved, waits, per kindergarten', async () => {
    const { status, body } = await get('');
    expect(status).toBe(200);
    const figures = body as Fairness;
    expect(figures.referrals).toMatchObject({
      total: 5,
      byGroup: { O: 1, P: 1, G: 3 },
      byStatus: { admitted: 2, live: 1, expired: 1, refused: 1 },
    });
    expect(figures.referrals.byCategory).toEqual([
      { category: 'disabledParent', count: 1 },
      { category: 'military', count: 1 },
    ]);
    expect(figures.interleave).toEqual({ priority: 1, general: 3, target: 3, achieved: 3 });
    expect(figures.waitDays).toEqual({ referrals: 5, median: 200, p90: 360 });
    expect(figures.kindergartens).toEqual([
      {
        id: F.kindergarten1,
        name: { kk: 'Fixture kindergarten 1', ru: 'Fixture kindergarten 1', en: 'Fixture kindergarten 1' },
        revokedUnits: 2,
        revokedByReason: { quarantine: 2 },
        refusals: 1,
        refusalsByReason: { expiredDocuments: 1 },
      },
    ]);
    const published = JSON.stringify(figures);
    for (const personal of ['FAIR-1', '"R-1"', makeIin(localDate('1990-01-01'), 'female', 101)])
      expect(published).not.toContain(personal); // no application or referral number, no IIN
  });

  it('keeps to the period and the district asked for, and refuses a reversed period naming the field', async () => {
    const before = (await get('?to=2025-12-31')).body as Fairness;
    expect(before.referrals.total).toBe(0);
    expect(before.interleave.achieved).toBeNull();
    expect(((await get(`?district=${F.district2}`)).body as Fairness).kindergartens).toEqual([]);
    expect(((await get(`?district=${F.district1}`)).body as Fairness).referrals.total).toBe(5);
    const reversed = await get('?from=2026-03-01&to=2026-01-01');
    expect(reversed.status).toBe(400);
    expect((reversed.body as ErrorBody).error.field).toBe('from');
  });
});

describeAccessMatrix<Record<string, never>>(
  'the fairness dashboard is public',
  [{ name: 'fairness', method: 'GET', path: () => '/api/public/fairness', expect: everyone(200) }],
  () => ({ t, world: {} }),
);
