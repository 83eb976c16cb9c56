import type {
  ApplicationReceipt,
  ApplicationView,
  PlaceView,
  ReferralList,
  ReferralView,
} from '@kezek/contracts';
import { addDays, instantAt, localDate, timeOfDay, type LocalDate } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalDate } from '../../platform/national-time';
import { DEFAULT_RULES } from '../../platform/rules';
import { devChildIin } from '../../ports/individuals-port';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import {
  APPLICANT_IINS,
  callAs,
  openAuthTestApp,
  type AuthTestApp,
  type Persona,
} from '../../testing/auth-fixtures';
import { silentLog } from '../../testing/test-app';
import { publishPlaceWithWindow, unitStatuses } from '../referrals/referrals.fixtures';
import { endTemporaryStaysJob } from './end-temporary-stays.job';
import { vacateEarlyBookingsJob } from './vacate-early-bookings.job';

/** The dates of places that move referrals: early booking vacated (R-SYS-07) and the end of a temporary stay (R-KG-05). */

let t: AuthTestApp;
let serial = 0;
const BIRTH_YEAR = 2022;
const ctx = { log: silentLog, attempt: 1 };

const request = (persona: Persona, method: string, path: string, body?: unknown, key?: string) =>
  callAs(t, persona, method, path, body, key === undefined ? {} : { 'idempotency-key': key });
const slot = (date: LocalDate) => new Date(instantAt(date, timeOfDay('00:00')));
const today = () => nationalDate(t.clock.now());

/** A queued application, a place of one unit it may claim in an open window, and its referral. */
async function referredTo(kind: 'earlyBooking' | 'temporary', date: LocalDate) {
  const submitted = await request('applicantA', 'POST', '/api/applications', {
    child: {
      iin: devChildIin(
        APPLICANT_IINS.applicantA,
        addDays(localDate(`${BIRTH_YEAR}-03-01`), (serial += 1)),
        'male',
      ),
    },
    settlement: FIXTURE_TERRITORY.settlement1,
    smsNumbers: ['+7 701 234 56 78'],
    consent: true,
  });
  const app = (submitted.body as ApplicationReceipt).id;
  const { placeId } = await publishPlaceWithWindow(t.handle.db, {
    birthYear: BIRTH_YEAR,
    units: 1,
    now: t.clock.now(),
    access: [app],
    admission: kind === 'temporary' ? 'temporary' : 'general',
  });
  await t.handle.db
    .updateTable('places')
    .set(
      kind === 'earlyBooking'
        ? { admission: 'earlyBooking', free_from: date, vacated_at: null }
        : { until: date },
    )
    .where('id', '=', placeId)
    .execute();
  const claimed = await request(
    'applicantA',
    'POST',
    '/api/referrals',
    { placeId, applicationIds: [app] },
    `place-dates-${serial}`,
  );
  if (claimed.status !== 201) throw new Error(`claim: ${claimed.status} ${JSON.stringify(claimed.body)}`);
  const [referral] = (claimed.body as ReferralList).items;
  if (referral === undefined) throw new Error(`no referral: ${JSON.stringify(claimed.body)}`);
  return { app, placeId, referral };
}

const referralNow = async (id: string) =>
  (await request('applicantA', 'GET', `/api/referrals/${id}`)).body as ReferralView;
const templates = async (applicationId: string) =>
  (
    await t.handle.db
      .selectFrom('outbox')
      .select('template')
      .where('application_id', '=', applicationId)
      .orderBy('id')
      .execute()
  ).map((row) => row.template);

beforeAll(async () => {
  t = await openAuthTestApp();
  await ensureFixtureTerritory(t.handle.db, t.clock.now());
});
afterAll(() => t.close());

describe('early booking (R-KG-04, R-SYS-07)', () => {
  it('R-KG-04: a referral to an early-booked place waits for it, its holder told the vacating date', async () => {
    const { app, referral } = await referredTo('earlyBooking', addDays(today(), 10));
    expect(referral).toMatchObject({ status: 'issued', phase: 'waitingForPlace', validUntil: null });
    expect(await templates(app)).toContain('referralWaiting');
  });

  it('R-SYS-07: vacated before its set date, the place stops waiting and the referral runs from now', async () => {
    const { app, placeId, referral } = await referredTo('earlyBooking', addDays(today(), 10));
    const vacated = await request('kindergartenStaff', 'POST', `/api/places/${placeId}/vacated`);
    expect(vacated.status).toBe(200);
    expect((vacated.body as PlaceView).vacatedAt).not.toBeNull();
    const running = await referralNow(referral.id);
    expect(running).toMatchObject({ status: 'issued', phase: 'running' });
    expect(running.validUntil).not.toBeNull();
    expect(await templates(app)).toContain('referralRunning');
    const again = await request('kindergartenStaff', 'POST', `/api/places/${placeId}/vacated`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { rule: 'R-SYS-07' } });
  });

  it('R-SYS-07: on its set date the 00:00 job vacates the place; a run again changes nothing', async () => {
    const setDate = addDays(today(), 3);
    const { referral } = await referredTo('earlyBooking', setDate);
    const job = vacateEarlyBookingsJob({ db: t.handle.db, rules: DEFAULT_RULES, log: silentLog });
    await job.handler(slot(addDays(setDate, -1)), ctx);
    expect(await referralNow(referral.id)).toMatchObject({ phase: 'waitingForPlace' });
    const first = (await job.handler(slot(setDate), ctx)) as { vacated: number; failed: string[] };
    expect(first.vacated).toBeGreaterThanOrEqual(1);
    expect(first.failed).toEqual([]);
    expect(await referralNow(referral.id)).toMatchObject({ status: 'issued', phase: 'running' });
    expect(await job.handler(slot(setDate), ctx)).toMatchObject({ vacated: 0, failed: [] });
  });
});

describe('temporary stay (R-KG-05, R-REF-13)', () => {
  it('R-REF-13: a referral to a temporary place keeps the application in the queue', async () => {
    const { app } = await referredTo('temporary', addDays(today(), 20));
    expect(
      ((await request('applicantA', 'GET', `/api/applications/${app}`)).body as ApplicationView).status,
    ).toBe('queued');
  });

  it('R-KG-05: after the last day of the stay the place closes, an unused referral lapses and its holder is told; once', async () => {
    const until = addDays(today(), 2);
    const { app, placeId, referral } = await referredTo('temporary', until);
    const job = endTemporaryStaysJob({ db: t.handle.db, log: silentLog });
    await job.handler(slot(until), ctx);
    expect(await referralNow(referral.id)).toMatchObject({ status: 'issued' });
    const after = addDays(until, 1);
    const first = (await job.handler(slot(after), ctx)) as { ended: number; failed: string[] };
    expect(first.ended).toBeGreaterThanOrEqual(1);
    expect(first.failed).toEqual([]);
    expect(await referralNow(referral.id)).toMatchObject({ status: 'expired', statusReason: 'stayEnded' });
    expect(await unitStatuses(t.handle.db, placeId)).toEqual([
      { unit: 0, status: 'reported', referral: null },
    ]);
    const place = await t.handle.db
      .selectFrom('places')
      .select('ended_at')
      .where('id', '=', placeId)
      .executeTakeFirstOrThrow();
    expect(place.ended_at).toEqual(slot(after));
    expect(
      ((await request('applicantA', 'GET', `/api/applications/${app}`)).body as ApplicationView).status,
    ).toBe('queued');
    expect((await templates(app)).filter((template) => template === 'referralChanged')).toHaveLength(1);
    await job.handler(slot(after), ctx);
    expect((await templates(app)).filter((template) => template === 'referralChanged')).toHaveLength(1);
  });
});
