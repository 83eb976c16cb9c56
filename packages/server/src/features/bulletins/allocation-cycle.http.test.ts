import type { BulletinPage, BulletinView, MyWindows, PlaceView } from '@kezek/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../platform/jobs/run-due-jobs';
import { silentLog } from '../../testing/test-app';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import { loginAs, openAuthTestApp, type AuthTestApp, type Persona } from '../../testing/auth-fixtures';
import {
  insertGroup,
  insertKindergarten,
  insertLiveReferral,
  insertQueuedApplication,
} from '../places/places.fixtures';
import { openWindowsJob } from '../windows/open-windows.job';
import { publishBulletinsJob } from './publish-bulletins.job';

let t: AuthTestApp;
let group: string;
const KG = FIXTURE_TERRITORY.kindergarten1;
const S1 = FIXTURE_TERRITORY.settlement1;
// National time is UTC+5: 18:00 is 13:00Z, 07:00 is 02:00Z.
const MON_1000 = new Date('2026-03-02T05:00:00Z');
const MON_1800 = new Date('2026-03-02T13:00:00Z');
const TUE_0700 = new Date('2026-03-03T02:00:00Z');
const FRI_0700 = new Date('2026-03-06T02:00:00Z');

async function send(persona: Persona, path: string, body?: unknown) {
  const signedIn = await loginAs(t, persona);
  return t.app.request(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...signedIn.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const report = async (body: Record<string, unknown>) =>
  (await (
    await send('kindergartenStaff', `/api/kindergartens/${KG}/places`, { groupId: group, ...body })
  ).json()) as PlaceView;

const jobs = () => [
  openWindowsJob({ db: t.handle.db, rules: t.rules }),
  publishBulletinsJob({ db: t.handle.db, rules: t.rules }),
];
const tick = (now: Date) => runDueJobs(t.handle.db, jobs(), now, 'test', { catchUpWindowMs: 3_600_000 });

const places: Record<string, PlaceView> = {};
const apps: Record<string, string> = {};

beforeAll(async () => {
  t = await openAuthTestApp();
  const db = t.handle.db;
  t.clock.set(MON_1000);
  await ensureFixtureTerritory(db, MON_1000);
  await insertKindergarten(db, FIXTURE_TERRITORY.settlement2, MON_1000);
  group = await insertGroup(db, { age: 3, language: 'kk' });
  await tick(new Date('2026-03-02T04:59:00Z'));
  places.general = await report({ count: 2, admission: 'general' });
  t.clock.set(new Date('2026-03-02T06:00:00Z'));
  places.later = await report({ count: 1, admission: 'general', startDate: '2026-04-01' });
  t.clock.set(new Date('2026-03-02T14:00:00Z'));
  places.evening = await report({ count: 1, admission: 'general' });
  const applicantA = await loginAs(t, 'applicantA');
  if (applicantA.session.actor.kind !== 'applicant') throw new Error('applicant A did not sign in');
  const mine = applicantA.session.actor.applicantId;
  const submitted = (day: number) => new Date(`2025-01-${String(day).padStart(2, '0')}T05:00:00Z`);
  const x = await insertQueuedApplication(db, { birthDate: '2023-02-01', submittedAt: submitted(1) });
  apps.x = x.applicationId;
  apps.a = (
    await insertQueuedApplication(db, {
      birthDate: '2023-03-01',
      submittedAt: submitted(2),
      applicantId: mine,
    })
  ).applicationId;
  apps.b = (
    await insertQueuedApplication(db, { birthDate: '2023-03-02', submittedAt: submitted(3) })
  ).applicationId;
  apps.c = (
    await insertQueuedApplication(db, { birthDate: '2023-03-03', submittedAt: submitted(4) })
  ).applicationId;
  apps.d = (
    await insertQueuedApplication(db, {
      birthDate: '2023-03-04',
      submittedAt: submitted(5),
      applicantId: mine,
    })
  ).applicationId;
  await tick(MON_1800);
  // Child x holds a live referral through its application in another queue (R-REF-11): it cannot claim.
  const other = await insertQueuedApplication(db, {
    birthDate: '2023-02-01',
    submittedAt: submitted(1),
    childId: x.childId,
    queue: 'sanatorium:tuberculosis',
    status: 'referred',
  });
  await insertLiveReferral(db, {
    placeId: places.later?.id ?? '',
    unit: 0,
    applicationId: other.applicationId,
    childId: x.childId,
    at: MON_1800,
  });
});
afterAll(() => t.close());

const bulletinOf = (settlement: string, date: string) =>
  t.handle.db
    .selectFrom('bulletins')
    .selectAll()
    .where('settlement_kato', '=', settlement)
    .where('bulletin_date', '=', date)
    .executeTakeFirst();

describe('the 18:00 bulletin job', () => {
  it('R-SYS-04, R-WIN-02: at 18:00 each settlement gets its bulletin of the units reported by then, in reporting order; empty ones too', async () => {
    const bulletin = await bulletinOf(S1, '2026-03-02');
    expect(bulletin).toMatchObject({ published_at: MON_1800, items_count: 3, revoked_count: 0 });
    const items = await t.handle.db
      .selectFrom('bulletin_items')
      .select(['place_id', 'unit', 'position'])
      .where('bulletin_id', '=', bulletin?.id ?? 0)
      .orderBy('position')
      .execute();
    expect(items).toEqual([
      { place_id: places.general?.id, unit: 0, position: 1 },
      { place_id: places.general?.id, unit: 1, position: 2 },
      { place_id: places.later?.id, unit: 0, position: 3 },
    ]);
    expect(await bulletinOf(FIXTURE_TERRITORY.settlement2, '2026-03-02')).toMatchObject({ items_count: 0 });
    const evening = await t.handle.db
      .selectFrom('place_units')
      .select('status')
      .where('place_id', '=', places.evening?.id ?? '')
      .execute();
    expect(evening).toEqual([{ status: 'reported' }]);
  });

  it('R-REF-03, R-KG-08: publication fixes the birth year; a general place starting later is published as early booking', async () => {
    const rows = await t.handle.db
      .selectFrom('places')
      .select(['id', 'birth_year', 'admission', 'free_from', 'vacated_at'])
      .where('id', 'in', [places.general?.id ?? '', places.later?.id ?? ''])
      .orderBy('reported_at')
      .execute();
    expect(rows).toEqual([
      {
        id: places.general?.id,
        birth_year: 2023,
        admission: 'general',
        free_from: null,
        vacated_at: MON_1000,
      },
      {
        id: places.later?.id,
        birth_year: 2023,
        admission: 'earlyBooking',
        free_from: '2026-04-01',
        vacated_at: null,
      },
    ]);
  });

  it('R-TIME-07: a slot run again publishes nothing twice', async () => {
    const again = await tick(MON_1800);
    expect(again.every((slot) => slot.outcome === 'alreadyDone')).toBe(true);
    await publishBulletinsJob({ db: t.handle.db, rules: t.rules }).handler(MON_1800, {
      log: silentLog,
      attempt: 2,
    });
    const count = await t.handle.db
      .selectFrom('bulletins')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('bulletin_date', '=', '2026-03-02')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('R-WIN-01: the public reads bulletins by settlement and a bulletin with filters, nothing personal', async () => {
    const page = (await (
      await send('public', `/api/public/bulletins?settlement=${S1}`)
    ).json()) as BulletinPage;
    expect(page.total).toBe(1);
    const id = page.items[0]?.id ?? 0;
    const all = (await (await send('public', `/api/public/bulletins/${id}?age=3`)).json()) as BulletinView;
    expect(all.items.total).toBe(3);
    expect(all.items.items[0]).toMatchObject({
      birthYear: 2023,
      age: 3,
      language: 'kk',
      mode: 'full',
      admission: 'general',
    });
    const early = (await (
      await send('public', `/api/public/bulletins/${id}?admission=earlyBooking`)
    ).json()) as BulletinView;
    expect(early.items.items).toEqual([
      expect.objectContaining({ placeId: places.later?.id, freeFrom: '2026-04-01' }),
    ]);
    const russian = (await (
      await send('public', `/api/public/bulletins/${id}?language=ru&pageSize=1`)
    ).json()) as BulletinView;
    expect(russian.items.total).toBe(0);
    const bad = await send('public', `/api/public/bulletins/${id}?age=9`);
    expect(bad.status).toBe(400);
    expect((await send('public', '/api/public/bulletins/999999')).status).toBe(404);
  });
});

describe('the bulletins register (R-SYS-08)', () => {
  it('a bulletin carries its entry in the bulletins register, with the proof once a signed head covers it', async () => {
    const page = (await (
      await send('public', `/api/public/bulletins?settlement=${S1}`)
    ).json()) as BulletinPage;
    const id = page.items[0]?.id ?? 0;
    expect((await send('regionalAdmin', '/api/ledger/heads', {})).status).toBe(200);
    const view = (await (await send('public', `/api/public/bulletins/${id}`)).json()) as BulletinView;
    expect(view.ledger?.leafHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(view.ledger?.leaf ?? '{}')).toMatchObject({ log: 'bulletins', entity: String(id) });
    expect(view.ledger?.proof).toBeDefined();
  });
});

describe('the 07:00 window job', () => {
  it('R-WIN-03, R-WIN-04, R-WIN-05: the window opens at 07:00 the next day with the first N_k who can claim, closing on the 3rd working day', async () => {
    await tick(new Date('2026-03-03T01:59:00Z'));
    const before = await t.handle.db.selectFrom('allocation_windows').selectAll().execute();
    expect(before).toEqual([
      expect.objectContaining({ queue_key: `${S1}/2023/general`, units: 3, opens_at: null }),
    ]);
    // Submitted at 07:05, first-priority: the slot runs at 07:15, but the set was frozen at 07:00 without it.
    const late = await insertQueuedApplication(t.handle.db, {
      birthDate: '2023-05-01',
      submittedAt: new Date('2026-03-03T02:05:00Z'),
    });
    await t.handle.db
      .updateTable('applications')
      .set({ categories: ['military'] })
      .where('id', '=', late.applicationId)
      .execute();
    await tick(new Date('2026-03-03T02:15:00Z'));
    const window = await t.handle.db.selectFrom('allocation_windows').selectAll().executeTakeFirstOrThrow();
    expect(window).toMatchObject({ opens_at: TUE_0700, closes_at: FRI_0700, all_state: true });
    const access = await t.handle.db
      .selectFrom('window_access')
      .select(['application_id', 'rank'])
      .orderBy('rank')
      .execute();
    // x is first in the queue but its child holds a live referral (R-REF-11): skipped; d is beyond N_k = 3.
    expect(access).toEqual([
      { application_id: apps.a, rank: 1 },
      { application_id: apps.b, rank: 2 },
      { application_id: apps.c, rank: 3 },
    ]);
    // R-NOTIF-04: each holder of the access is told until when it lasts; nobody else is.
    const told = await t.handle.db
      .selectFrom('outbox')
      .select(['application_id', 'payload'])
      .where('template', '=', 'windowOpened')
      .execute();
    expect(new Set(told.map((row) => row.application_id))).toEqual(new Set([apps.a, apps.b, apps.c]));
    expect(told[0]?.payload).toMatchObject({ windowEndsAt: FRI_0700.toISOString() });
  });

  it('R-WIN-06, R-WIN-07: in the window only the frozen set may claim; after it the first 1000 of the live queue', async () => {
    t.clock.set(new Date('2026-03-03T03:00:00Z'));
    const response = await send('applicantA', '/api/my/windows');
    const during = (await response.json()) as MyWindows;
    expect(response.status, JSON.stringify(during)).toBe(200);
    const byApp = (mine: MyWindows, id: string | undefined) =>
      mine.windows.find((w) => w.applicationId === id);
    expect(byApp(during, apps.a)).toMatchObject({
      phase: 'priority',
      priorityRank: 1,
      canClaimNow: true,
      // The settlement's terms in force, for the parent's page (the default policy here).
      terms: { priorityWindowWorkingDays: 3, leftoverFirstN: 1000, referralValidityWorkingDays: 5 },
    });
    expect(byApp(during, apps.d)).toMatchObject({
      phase: 'priority',
      priorityRank: null,
      canClaimNow: false,
    });
    t.clock.set(new Date(FRI_0700.getTime() + 60_000));
    const after = (await (await send('applicantA', '/api/my/windows')).json()) as MyWindows;
    expect(byApp(after, apps.d)).toMatchObject({ phase: 'leftover', canClaimNow: true });
    expect(after.windows).toHaveLength(2);
    expect((await send('public', '/api/my/windows')).status).toBe(401);
    expect((await send('clerkDistrict1', '/api/my/windows')).status).toBe(403);
  });
});
