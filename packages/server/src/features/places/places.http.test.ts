import type { BulletinView, KindergartenPlaces, PlaceView, RevocationResult } from '@kezek/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import { loginAs, openAuthTestApp, type AuthTestApp, type Persona } from '../../testing/auth-fixtures';
import { publishSettlementBulletins } from '../bulletins/publish-bulletins.job';
import { insertGroup, insertLiveReferral, insertQueuedApplication } from './places.fixtures';

let t: AuthTestApp;
let group: string;
const KG = FIXTURE_TERRITORY.kindergarten1;

async function send(persona: Persona, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const signedIn = await loginAs(t, persona);
  return t.app.request(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...signedIn.headers,
      ...headers,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const report = async (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  send('kindergartenStaff', `/api/kindergartens/${KG}/places`, { groupId: group, ...body }, headers);

beforeAll(async () => {
  t = await openAuthTestApp();
  await ensureFixtureTerritory(t.handle.db, t.clock.now());
  group = await insertGroup(t.handle.db);
});
afterAll(() => t.close());

describe('places registry', () => {
  it('R-KG-01, R-SYS-03: kindergarten staff report places in their group; they wait for the bulletin', async () => {
    const response = await report({ count: 2, admission: 'general' });
    expect(response.status).toBe(201);
    const place = (await response.json()) as PlaceView;
    expect(place).toMatchObject({
      kindergartenId: KG,
      groupId: group,
      settlement: FIXTURE_TERRITORY.settlement1,
      queue: 'general',
      age: 3,
      birthYear: null,
      status: 'reported',
      units: { reported: 2, published: 0 },
    });
    const list = (await (
      await send('clerkDistrict1', `/api/kindergartens/${KG}/places`)
    ).json()) as KindergartenPlaces;
    expect(list.groups.map((g) => g.id)).toContain(group);
    expect(list.places.map((p) => p.id)).toContain(place.id);
  });

  it('R-KG-01: an idempotency key returns the first report instead of a second one', async () => {
    const key = { 'idempotency-key': 'report-once-0001' };
    const first = await report({ count: 1, admission: 'general' }, key);
    const again = await report({ count: 1, admission: 'general' }, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(((await again.json()) as PlaceView).id).toBe(((await first.json()) as PlaceView).id);
  });

  it('R-KG-04: early booking needs its vacating date after today; R-KG-05: a temporary place its end date', async () => {
    const early = await report({ count: 1, admission: 'earlyBooking' });
    expect(early.status).toBe(400);
    expect(await early.json()).toMatchObject({ error: { field: 'freeFrom', rule: 'R-KG-04' } });
    const temporary = await report({ count: 1, admission: 'temporary' });
    expect(temporary.status).toBe(400);
    expect(await temporary.json()).toMatchObject({ error: { field: 'until', rule: 'R-KG-05' } });
    const misplaced = await report({ count: 1, admission: 'general', until: '2026-06-01' });
    expect(await misplaced.json()).toMatchObject({ error: { field: 'until', rule: 'R-KG-05' } });
    const badDate = await report({ count: 1, admission: 'temporary', until: '2026-02-31' });
    expect(badDate.status).toBe(400);
    expect(await badDate.json()).toMatchObject({ error: { field: 'until' } });
    const ok = await report({ count: 1, admission: 'earlyBooking', freeFrom: '2026-04-01' });
    expect(ok.status).toBe(201);
    expect((await ok.json()) as PlaceView).toMatchObject({
      status: 'reported',
      vacatedAt: null,
      freeFrom: '2026-04-01',
    });
  });

  it('a group of another kindergarten is refused naming the field', async () => {
    const response = await send('kindergartenStaff', `/api/kindergartens/${KG}/places`, {
      groupId: '00000000-0000-4000-8000-000000000000',
      count: 1,
      admission: 'general',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { field: 'groupId' } });
  });

  it('R-KG-08: unpublished units are withdrawn freely, without a reason', async () => {
    const place = (await (await report({ count: 3, admission: 'general' })).json()) as PlaceView;
    const response = await send('kindergartenStaff', `/api/places/${place.id}/revoke`, { count: 2 });
    expect(response.status).toBe(200);
    const result = (await response.json()) as RevocationResult;
    expect(result.revokedUnits).toEqual([0, 1]);
    expect(result.place.units).toMatchObject({ reported: 1, revoked: 2 });
  });

  it('R-KG-02: a published unit is taken back only with a reason of the closed list, never beyond what is left', async () => {
    const place = (await (await report({ count: 1, admission: 'general' })).json()) as PlaceView;
    await publishSettlementBulletins(
      t.handle.db,
      [FIXTURE_TERRITORY.settlement1],
      new Date('2026-03-02T13:00:00Z'),
    );
    const noReason = await send('kindergartenStaff', `/api/places/${place.id}/revoke`, { count: 1 });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ error: { field: 'reason', rule: 'R-KG-02' } });
    const unknown = await send('kindergartenStaff', `/api/places/${place.id}/revoke`, {
      count: 1,
      reason: 'whim',
    });
    expect(unknown.status).toBe(400);
    const tooMany = await send('kindergartenStaff', `/api/places/${place.id}/revoke`, {
      count: 2,
      reason: 'quarantine',
    });
    expect(tooMany.status).toBe(409);
    expect(await tooMany.json()).toMatchObject({ error: { field: 'count', rule: 'R-KG-02' } });
  });

  it('R-KG-03, R-WIN-01: revoking a reserved unit revokes its referral, returns the application to the queue, tells the applicant, and the next bulletin lists it', async () => {
    const db = t.handle.db;
    const place = (await (await report({ count: 1, admission: 'general' })).json()) as PlaceView;
    await publishSettlementBulletins(db, [FIXTURE_TERRITORY.settlement1], new Date('2026-03-03T13:00:00Z'));
    const { applicationId, childId } = await insertQueuedApplication(db, {
      birthDate: '2023-04-01',
      submittedAt: new Date('2025-01-01T05:00:00Z'),
      status: 'referred',
    });
    const referral = await insertLiveReferral(db, {
      placeId: place.id,
      unit: 0,
      applicationId,
      childId,
      at: t.clock.now(),
    });
    const response = await send('kindergartenStaff', `/api/places/${place.id}/revoke`, {
      count: 1,
      reason: 'capitalRepair',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as RevocationResult).cancelledReferrals).toEqual([referral]);
    const after = await db
      .selectFrom('referrals')
      .select(['status', 'status_reason'])
      .where('id', '=', referral)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'revoked', status_reason: 'capitalRepair' });
    const application = await db
      .selectFrom('applications')
      .select(['status', 'submitted_at'])
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    expect(application).toEqual({ status: 'queued', submitted_at: new Date('2025-01-01T05:00:00Z') });
    const sms = await db
      .selectFrom('outbox')
      .select(['template', 'payload'])
      .where('application_id', '=', applicationId)
      .execute();
    expect(sms.map((row) => row.template)).toContain('referralRevoked');
    expect(JSON.stringify(sms)).toContain('капитальный ремонт');

    const next = await publishSettlementBulletins(
      db,
      [FIXTURE_TERRITORY.settlement1],
      new Date('2026-03-04T13:00:00Z'),
    );
    expect(next.revoked).toBe(1);
    const latest = await db
      .selectFrom('bulletins')
      .select('id')
      .where('bulletin_date', '=', '2026-03-04')
      .executeTakeFirstOrThrow();
    const view = (await (await send('public', `/api/public/bulletins/${latest.id}`)).json()) as BulletinView;
    expect(view.revocations).toEqual([
      expect.objectContaining({
        placeId: place.id,
        units: 1,
        reason: 'capitalRepair',
        cancelledReferrals: 1,
      }),
    ]);
    expect(JSON.stringify(view)).not.toContain(referral);
  });

  it('roles: another district clerk and the applicant cannot see; only the own staff write', async () => {
    expect((await send('clerkDistrict2', `/api/kindergartens/${KG}/places`)).status).toBe(404);
    expect((await send('applicantA', `/api/kindergartens/${KG}/places`)).status).toBe(403);
    expect(
      (
        await send('regionalAdmin', `/api/kindergartens/${KG}/places`, {
          groupId: group,
          count: 1,
          admission: 'general',
        })
      ).status,
    ).toBe(403);
  });
});
