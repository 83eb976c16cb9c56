import type { Db, DbHandle } from '@kezek/db';
import { openTestDb } from '@kezek/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor';
import { runDueJobs } from '../../platform/jobs/run-due-jobs';
import { DEFAULT_RULES } from '../../platform/rules';
import { formatNational } from '../../platform/national-time';
import { transactor } from '../../platform/transactor';
import { STAFF_FIXTURES } from '../../testing/auth-fixtures';
import {
  ensureFixtureTerritory,
  ensureStaffUser,
  FIXTURE_TERRITORY,
} from '../../testing/auth-fixtures.repository';
import { outboxNotify } from '../applications/application-notice';
import { applicationsRepository } from '../applications/applications.repository';
import { auditRepository } from '../audit/audit.repository';
import { publishBulletinsJob } from '../bulletins/publish-bulletins.job';
import { insertGroup, insertQueuedApplication } from '../places/places.fixtures';
import { placesRepository } from '../places/places.repository';
import { reportPlaces } from '../places/report-places';
import { revokePlaces } from '../places/revoke-places';
import { openWindowsJob } from './open-windows.job';

/**
 * R-TIME-07: the scheduler stopped for three days and restarted ends in the same state as one that never stopped —
 * the bulletins are those of their days (units reported by each 18:00, revocations by then), and the windows open
 * at their days' 07:00 with the same access sets.
 */

const STAFF = STAFF_FIXTURES.kindergartenStaff;
const ACTOR: Actor = {
  kind: 'staff',
  userId: STAFF.id,
  role: 'kindergartenStaff',
  districtKato: null,
  kindergartenId: FIXTURE_TERRITORY.kindergarten1,
};
// National time is UTC+5.
const at = (local: string) => new Date(`${local}:00+05:00`);

type Event = { at: Date; run: (db: Db, group: string) => Promise<void> };

const deps = (db: Db) => ({
  transaction: transactor(db, (trx) => ({
    places: placesRepository(trx),
    applications: applicationsRepository(trx),
    audit: auditRepository(trx),
    notify: outboxNotify(trx),
  })),
  format: formatNational,
});

const reportAt = (when: string, body: { count: number; startDate?: string }): Event => ({
  at: at(when),
  run: async (db, group) => {
    await reportPlaces(
      deps(db),
      ACTOR,
      FIXTURE_TERRITORY.kindergarten1,
      { groupId: group, admission: 'general', ...body },
      at(when),
    );
  },
});

const EVENTS: Event[] = [
  reportAt('2026-03-02T09:00', { count: 2 }),
  {
    at: at('2026-03-03T10:00'),
    run: async (db) => {
      const first = await db
        .selectFrom('places')
        .select('id')
        .orderBy('reported_at')
        .executeTakeFirstOrThrow();
      await revokePlaces(
        deps(db),
        ACTOR,
        first.id,
        { count: 1, reason: 'quarantine' },
        at('2026-03-03T10:00'),
      );
    },
  },
  reportAt('2026-03-03T12:00', { count: 1 }),
  reportAt('2026-03-04T12:00', { count: 3, startDate: '2026-05-01' }),
  reportAt('2026-03-05T09:30', { count: 1 }),
];

const START = at('2026-03-02T08:00');
const END = at('2026-03-05T19:00');
const HOUR = 3_600_000;

async function world(): Promise<{ handle: DbHandle; group: string }> {
  const handle = await openTestDb();
  await ensureFixtureTerritory(handle.db, START);
  await ensureStaffUser(handle.db, STAFF, 'unused', START);
  const group = await insertGroup(handle.db, { age: 3 });
  for (const [day, birthDate] of ['2023-01-10', '2023-02-10', '2023-03-10', '2023-04-10'].entries())
    await insertQueuedApplication(handle.db, {
      birthDate,
      submittedAt: new Date(Date.UTC(2025, 0, day + 1, 5)),
    });
  return { handle, group };
}

// The first tick starts the job history (older slots are not caught up); later ones catch up a week (the default).
const tick = (db: Db, now: Date) =>
  runDueJobs(
    db,
    [openWindowsJob({ db, rules: DEFAULT_RULES }), publishBulletinsJob({ db, rules: DEFAULT_RULES })],
    now,
    'test',
    now.getTime() === START.getTime() ? { catchUpWindowMs: HOUR } : {},
  );

/** Runs the events in order, the scheduler ticking every hour except while `stopped` holds. */
async function run(stopped: (now: Date) => boolean): Promise<DbHandle> {
  const { handle, group } = await world();
  const events = [...EVENTS];
  for (let now = START; now <= END; now = new Date(now.getTime() + HOUR)) {
    for (let event = events[0]; event !== undefined && event.at <= now; event = events[0]) {
      events.shift();
      await event.run(handle.db, group);
    }
    if (!stopped(now)) await tick(handle.db, now);
  }
  return handle;
}

/** The allocation state with generated IDs replaced by what identifies a row across two databases. */
async function stateOf(db: Db) {
  const places = await db.selectFrom('places').select(['id', 'reported_at']).orderBy('reported_at').execute();
  const placeNo = new Map(places.map((place, index) => [place.id, index + 1]));
  const bulletins = await db
    .selectFrom('bulletins')
    .selectAll()
    .orderBy('bulletin_date')
    .orderBy('settlement_kato')
    .execute();
  const bulletinDay = new Map(
    bulletins.map((b) => [String(b.id), `${b.settlement_kato}/${b.bulletin_date}`]),
  );
  const day = (id: number | string | null) => (id === null ? null : bulletinDay.get(String(id)));
  const applications = await db.selectFrom('applications').select(['id', 'submitted_at']).execute();
  const submitted = new Map(applications.map((a) => [a.id, a.submitted_at.toISOString()]));
  const windows = await db.selectFrom('allocation_windows').selectAll().orderBy('published_at').execute();
  const windowNo = new Map(windows.map((w, index) => [String(w.id), index + 1]));
  return {
    bulletins: bulletins.map(({ id: _id, ...b }) => b),
    items: (await db.selectFrom('bulletin_items').selectAll().execute())
      .map((i) => ({
        bulletin: day(i.bulletin_id),
        place: placeNo.get(i.place_id),
        unit: i.unit,
        position: i.position,
        birthYear: i.birth_year,
        admission: i.admission,
        freeFrom: i.free_from,
      }))
      .sort((a, b) => `${a.bulletin}/${a.position}`.localeCompare(`${b.bulletin}/${b.position}`)),
    units: (await db.selectFrom('place_units').selectAll().execute())
      .map((u) => ({
        place: placeNo.get(u.place_id),
        unit: u.unit,
        status: u.status,
        bulletin: day(u.bulletin_id),
      }))
      .sort((a, b) => (a.place ?? 0) - (b.place ?? 0) || a.unit - b.unit),
    places: await db
      .selectFrom('places')
      .select(['reported_at', 'birth_year', 'admission', 'free_from', 'vacated_at'])
      .orderBy('reported_at')
      .execute(),
    revocations: (await db.selectFrom('place_revocations').selectAll().orderBy('revoked_at').execute()).map(
      (r) => ({
        place: placeNo.get(r.place_id),
        units: r.units,
        reason: r.reason,
        bulletin: day(r.bulletin_id),
      }),
    ),
    windows: windows.map(({ id: _id, bulletin_ids, ...w }) => ({ ...w, bulletins: bulletin_ids.map(day) })),
    access: (await db.selectFrom('window_access').selectAll().execute())
      .map((a) => ({
        window: windowNo.get(String(a.window_id)),
        rank: a.rank,
        application: submitted.get(a.application_id),
      }))
      .sort((a, b) => (a.window ?? 0) - (b.window ?? 0) || a.rank - b.rank),
  };
}

const handles: DbHandle[] = [];
afterAll(async () => {
  for (const handle of handles) await handle.close();
});

describe('allocation jobs after downtime', () => {
  it('R-TIME-07, R-SYS-04, R-SYS-05: stopped for 3 days and restarted, the scheduler reaches the state of an uninterrupted run', async () => {
    const steady = await run(() => false);
    handles.push(steady);
    const downFrom = at('2026-03-02T19:00');
    const downUntil = new Date(downFrom.getTime() + 3 * 24 * HOUR);
    const restarted = await run((now) => now >= downFrom && now < downUntil);
    handles.push(restarted);
    const expected = await stateOf(steady.db);
    // The cycle really ran: four days of bulletins for the kindergarten's settlement, windows opened on three mornings.
    expect(
      expected.bulletins.filter((b) => b.settlement_kato === FIXTURE_TERRITORY.settlement1),
    ).toHaveLength(4);
    expect(expected.windows.filter((w) => w.opens_at !== null)).toHaveLength(3);
    expect(expected.revocations).toEqual([
      { place: 1, units: [0], reason: 'quarantine', bulletin: `${FIXTURE_TERRITORY.settlement1}/2026-03-03` },
    ]);
    expect(await stateOf(restarted.db)).toEqual(expected);
  }, 180_000);
});
