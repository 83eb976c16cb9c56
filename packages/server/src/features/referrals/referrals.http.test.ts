import type {
  ApplicationReceipt,
  ApplicationView,
  LedgerReceipt,
  ReferralList,
  ReferralView,
} from '@kezek/contracts';
import { addDays, instantAt, localDate, timeOfDay } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devChildIin } from '../../ports/individuals-port';
import { describeAccessMatrix, everyone } from '../../testing/access-matrix';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import {
  APPLICANT_IINS,
  callAs,
  loginAs,
  openAuthTestApp,
  type AuthTestApp,
  type Persona,
} from '../../testing/auth-fixtures';
import { readPdf } from '../documents/pdf-text.testing';
import { parseReceipt } from '../ledger/receipt-qr';
import { verifyReceiptOffline } from '../ledger/verify-receipt';
import { insertKindergarten } from '../places/places.fixtures';
import { DEFAULT_RULES } from '../../platform/rules';
import { silentLog } from '../../testing/test-app';
import { expireReferralsJob } from './expire-referrals.job';
import { publishPlaceWithWindow, unitStatuses } from './referrals.fixtures';

let t: AuthTestApp;
let serial = 0;
let keySerial = 0;
const BIRTH_YEAR = 2022;

const request = (persona: Persona, method: string, path: string, body?: unknown, key?: string) =>
  callAs(t, persona, method, path, body, key === undefined ? {} : { 'idempotency-key': key });

/** A queued application of a new child of `parent`, born in `year`. */
async function queued(parent: Persona = 'applicantA', year = BIRTH_YEAR): Promise<string> {
  const iin = parent === 'applicantB' ? APPLICANT_IINS.applicantB : APPLICANT_IINS.applicantA;
  const response = await request(parent, 'POST', '/api/applications', {
    child: { iin: devChildIin(iin, addDays(localDate(`${year}-01-10`), (serial += 1)), 'female') },
    settlement: FIXTURE_TERRITORY.settlement1,
    smsNumbers: ['+7 701 234 56 78'],
    consent: true,
  });
  expect(response.status).toBe(201);
  return (response.body as ApplicationReceipt).id;
}

const key = () => `claim-key-${(keySerial += 1)}-${Date.now()}`;
const claim = (persona: Persona, placeId: string, applicationIds: string[], idempotencyKey = key()) =>
  request(persona, 'POST', '/api/referrals', { placeId, applicationIds }, idempotencyKey);
const place = (
  units: number,
  access: readonly string[],
  extra: { openedHoursAgo?: number; kindergartenId?: string } = {},
) =>
  publishPlaceWithWindow(t.handle.db, { birthYear: BIRTH_YEAR, units, now: t.clock.now(), access, ...extra });
/** R-NOTIF-04: the notices written for an application, oldest first. */
const notices = async (applicationId: string) =>
  (
    await t.handle.db
      .selectFrom('outbox')
      .select('template')
      .where('application_id', '=', applicationId)
      .orderBy('id')
      .execute()
  ).map((row) => row.template);
const error = (body: unknown) => (body as { error: { code: string; rule?: string; field?: string } }).error;

beforeAll(async () => {
  t = await openAuthTestApp();
  await ensureFixtureTerritory(t.handle.db, t.clock.now());
});
afterAll(() => t.close());

describe('claims and referrals', () => {
  it('R-WIN-06, R-REF-06, R-ORDER-09: an applicant in the access set claims a unit; the referral runs at once and the application leaves the queue', async () => {
    const app = await queued();
    const { placeId } = await place(1, [app]);
    const response = await claim('applicantA', placeId, [app]);
    expect(response.status).toBe(201);
    const [referral] = (response.body as ReferralList).items;
    expect(referral).toMatchObject({
      applicationId: app,
      placeId,
      unit: 0,
      status: 'issued',
      phase: 'running',
      validFrom: '2026-03-02T10:00:00+05:00',
      // Ann.4 i.8: 5 working days, the day of issue not counted (Mon 2 Mar → Mon 9 Mar; 8 Mar is a holiday).
      cancelDeadline: '2026-03-03T10:00:00+05:00',
      // The group as the place was reported in it: the parent sees where the child goes.
      group: { age: 4, language: 'kk', mode: 'full', queue: 'general' },
    });
    expect(referral?.validUntil).toMatch(/^2026-03-(09|10)$/);
    expect(await unitStatuses(t.handle.db, placeId)).toEqual([
      { unit: 0, status: 'reserved', referral: referral?.id },
    ]);
    const application = await request('applicantA', 'GET', `/api/applications/${app}`);
    expect((application.body as ApplicationView).status).toBe('referred');
  });

  it('R-WIN-10: a retried claim with the same Idempotency-Key returns the first referral (200), never a second', async () => {
    const app = await queued();
    const { placeId } = await place(2, [app]);
    const idempotencyKey = key();
    const first = await claim('applicantA', placeId, [app], idempotencyKey);
    const again = await claim('applicantA', placeId, [app], idempotencyKey);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect((again.body as ReferralList).items).toEqual((first.body as ReferralList).items);
    expect((await unitStatuses(t.handle.db, placeId)).filter((u) => u.status === 'reserved')).toHaveLength(1);
  });

  it('R-WIN-10: N parallel claims of one unit give exactly one referral; the others lose with NO_FREE_UNIT', async () => {
    const apps = await Promise.all(Array.from({ length: 6 }, () => queued()));
    const { placeId } = await place(1, apps);
    const answers = await Promise.all(apps.map((app) => claim('applicantA', placeId, [app])));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const losers = answers.filter((a) => a.status !== 201);
    expect(losers.map((a) => a.status)).toEqual(Array.from({ length: 5 }, () => 409));
    expect(losers.map((a) => error(a.body).rule)).toEqual(Array.from({ length: 5 }, () => 'R-WIN-10'));
    const units = await unitStatuses(t.handle.db, placeId);
    expect(units.filter((u) => u.status === 'reserved')).toHaveLength(1);
  });

  it('R-WIN-10: a place with no unit left is refused before anything is locked; its claimant keeps their place and can claim elsewhere', async () => {
    const [winner, loser] = [await queued(), await queued()];
    const { placeId } = await place(1, [winner, loser]);
    expect((await claim('applicantA', placeId, [winner])).status).toBe(201);
    const late = await claim('applicantA', placeId, [loser]);
    expect(late.status).toBe(409);
    expect(error(late.body)).toMatchObject({ code: 'CONFLICT', rule: 'R-WIN-10', field: 'placeId' });
    const other = await place(1, [loser]);
    expect((await claim('applicantA', other.placeId, [loser])).status).toBe(201);
    const missing = await claim('applicantA', '00000000-0000-4000-8000-00000000beef', [await queued()]);
    expect(missing.status).toBe(404);
  });

  it('R-REF-11: a child never holds two live referrals — a second claim is refused', async () => {
    const app = await queued();
    const first = await place(1, [app]);
    const second = await place(1, [app]);
    expect((await claim('applicantA', first.placeId, [app])).status).toBe(201);
    const again = await claim('applicantA', second.placeId, [app]);
    expect(again.status).toBe(409);
    expect(error(again.body)).toMatchObject({ rule: 'R-REF-11', field: 'applicationIds' });
  });

  it('R-WIN-06: in the priority phase only the frozen access set may claim', async () => {
    const inSet = await queued();
    const outside = await queued();
    const { placeId } = await place(1, [inSet]);
    const refused = await claim('applicantA', placeId, [outside]);
    expect(refused.status).toBe(422);
    expect(error(refused.body)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R-WIN-06' });
  });

  it('R-WIN-07: after the priority phase the leftover is open to the first of the live queue', async () => {
    const app = await queued();
    const { placeId } = await place(1, [], { openedHoursAgo: 24 * 10 });
    expect((await claim('applicantA', placeId, [app])).status).toBe(201);
  });

  it('R-REF-03: a place for another birth year is refused, naming the place', async () => {
    const older = await queued('applicantA', 2021);
    const { placeId } = await place(1, [older]);
    const refused = await claim('applicantA', placeId, [older]);
    expect(refused.status).toBe(422);
    expect(error(refused.body)).toMatchObject({ rule: 'R-REF-03', field: 'placeId' });
  });

  it('R-REF-04: siblings claim together — each gets a unit of the kindergarten in one sibling group, or none does', async () => {
    const elder = await queued();
    const younger = await queued();
    // A kindergarten of their own: the others' free places would seat a sibling too (§29).
    const kindergartenId = await insertKindergarten(
      t.handle.db,
      FIXTURE_TERRITORY.settlement1,
      t.clock.now(),
    );
    const pair = await place(2, [elder], { kindergartenId });
    const response = await claim('applicantA', pair.placeId, [elder, younger]);
    expect(response.status).toBe(201);
    const items = (response.body as ReferralList).items;
    expect(items.map((r) => r.applicationId)).toEqual([elder, younger]);
    expect(new Set(items.map((r) => r.siblingGroup)).size).toBe(1);
    expect(items[0]?.siblingGroup).not.toBeNull();

    const third = await queued();
    const fourth = await queued();
    const single = await place(1, [third], {
      kindergartenId: await insertKindergarten(t.handle.db, FIXTURE_TERRITORY.settlement1, t.clock.now()),
    });
    const none = await claim('applicantA', single.placeId, [third, fourth]);
    expect(none.status).toBe(409);
    expect(error(none.body).rule).toBe('R-REF-04');
    expect(await unitStatuses(t.handle.db, single.placeId)).toEqual([
      { unit: 0, status: 'published', referral: null },
    ]);
  });

  it('R-APPL-04: another applicant’s application cannot claim (hidden as missing)', async () => {
    const app = await queued();
    const { placeId } = await place(1, [app]);
    const refused = await claim('applicantB', placeId, [app]);
    expect(refused.status).toBe(404);
  });

  it('R-REF-09: the applicant cancels within a day; the unit awaits the next bulletin and the application is queued again', async () => {
    const app = await queued();
    const { placeId } = await place(1, [app]);
    const [referral] = ((await claim('applicantA', placeId, [app])).body as ReferralList).items;
    const cancelled = await request('applicantA', 'POST', `/api/referrals/${referral?.id}/cancellation`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusReason: 'byApplicant' });
    expect(await unitStatuses(t.handle.db, placeId)).toEqual([
      { unit: 0, status: 'reported', referral: null },
    ]);
    const application = await request('applicantA', 'GET', `/api/applications/${app}`);
    expect((application.body as ApplicationView).status).toBe('queued');
    // R-NOTIF-04: told of the referral with its deadlines, then of the cancellation.
    expect(await notices(app)).toEqual(['queued', 'referralIssued', 'referralChanged']);
  });

  it('R-REF-09: after 24 hours the referral can no longer be cancelled', async () => {
    const app = await queued();
    const { placeId } = await place(1, [app]);
    const [referral] = ((await claim('applicantA', placeId, [app])).body as ReferralList).items;
    t.clock.advance(24 * 3_600_000 + 1000);
    const late = await request('applicantA', 'POST', `/api/referrals/${referral?.id}/cancellation`);
    t.clock.advance(-(24 * 3_600_000 + 1000));
    expect(late.status).toBe(409);
    expect(error(late.body)).toMatchObject({ rule: 'R-REF-09' });
    expect(error(late.body).code).toBe('CONFLICT');
  });

  it('the referral as a PDF (жолдама) in Kazakh and Russian, with its number and a QR code', async () => {
    const app = await queued();
    const { placeId } = await place(1, [app]);
    const [referral] = ((await claim('applicantA', placeId, [app])).body as ReferralList).items;
    const { headers } = await loginAs(t, 'applicantA');
    const kk = await t.app.request(`/api/referrals/${referral?.id}/document.pdf`, { headers });
    expect(kk.headers.get('content-type')).toBe('application/pdf');
    const contents = await readPdf(new Uint8Array(await kk.arrayBuffer()));
    expect(contents.text).toContain('Мектепке дейінгі ұйымға жолдама');
    expect(contents.text).toContain(referral?.number ?? 'none');
    expect(contents.images).toHaveLength(1);
    const ru = await t.app.request(`/api/referrals/${referral?.id}/document.pdf?lang=ru`, { headers });
    expect((await readPdf(new Uint8Array(await ru.arrayBuffer()))).text).toContain(
      'Направление в дошкольную организацию',
    );
    const mine = await request('applicantA', 'GET', '/api/me/referrals');
    expect((mine.body as ReferralList).items.map((r: ReferralView) => r.id)).toContain(referral?.id);
  });

  it('R-REF-14, R-SYS-08: the referral is electronic — its referrals-register entry is on the PDF and verifies against a signed head', async () => {
    const app = await queued();
    const { placeId } = await place(1, [app]);
    const [referral] = ((await claim('applicantA', placeId, [app])).body as ReferralList).items;
    expect((await request('regionalAdmin', 'POST', '/api/ledger/heads', {})).status).toBe(200);
    const { headers } = await loginAs(t, 'applicantA');
    const pdf = await t.app.request(`/api/referrals/${referral?.id}/document.pdf?lang=en`, { headers });
    const { text } = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('Entry in the referrals register (SHA-256)');
    // The hash follows its label, in groups that a line may break between: the spaces do not count.
    const afterLabel = text.slice(text.indexOf('(SHA-256)') + '(SHA-256)'.length).replace(/\s+/g, '');
    const leafHash = /^[0-9a-f]{64}/.exec(afterLabel)?.[0] ?? 'none';
    // Printed for reading out: eight groups of eight digits.
    expect(text).toMatch(/([0-9a-f]{8}\s+){7}[0-9a-f]{8}/);
    const receipt = await request('public', 'GET', `/api/ledger/referrals/receipts/${leafHash}`);
    expect(receipt.status).toBe(200);
    const claimed = parseReceipt((receipt.body as LedgerReceipt).qr);
    if (claimed === undefined) throw new Error('the receipt QR did not parse');
    expect(verifyReceiptOffline(claimed)).toMatchObject({ ok: true });
    expect(JSON.parse((receipt.body as LedgerReceipt).leaf)).toMatchObject({
      log: 'referrals',
      entity: referral?.id,
      state: { number: referral?.number, status: 'issued' },
    });
  });

  it('the referral PDF: same access as the referral (another applicant or district: hidden; the public: 401)', async () => {
    const app = await queued();
    const { placeId } = await place(1, [app]);
    const [referral] = ((await claim('applicantA', placeId, [app])).body as ReferralList).items;
    const path = `/api/referrals/${referral?.id}/document.pdf`;
    for (const persona of ['applicantB', 'clerkDistrict2', 'operator'] as const) {
      const { headers } = await loginAs(t, persona);
      expect((await t.app.request(path, { headers })).status).toBe(404);
    }
    expect((await t.app.request(path)).status).toBe(401);
    const { headers } = await loginAs(t, 'clerkDistrict1');
    expect((await t.app.request(path, { headers })).status).toBe(200);
  });

  it('R-REF-12: the 00:00 job expires a referral not used by its last valid day — unit back for the next bulletin, application queued; once', async () => {
    const app = await queued();
    const { placeId } = await place(1, [app]);
    const [referral] = ((await claim('applicantA', placeId, [app])).body as ReferralList).items;
    const validUntil = referral?.validUntil ?? 'none';
    const job = expireReferralsJob({ db: t.handle.db, rules: DEFAULT_RULES, log: silentLog });
    const ctx = { log: silentLog, attempt: 1 };
    const slot = (date: string) => new Date(instantAt(localDate(date), timeOfDay('00:00')));
    await job.handler(slot(validUntil), ctx);
    expect((await request('applicantA', 'GET', `/api/referrals/${referral?.id}`)).body).toMatchObject({
      status: 'issued',
    });
    const dayAfter = addDays(localDate(validUntil), 1);
    // Every referral of this file issued today expires in this slot; this one among them.
    const first = (await job.handler(slot(dayAfter), ctx)) as { expired: number; failed: string[] };
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(first.failed).toEqual([]);
    expect((await request('applicantA', 'GET', `/api/referrals/${referral?.id}`)).body).toMatchObject({
      status: 'expired',
      statusReason: 'notAdmitted',
    });
    expect(await unitStatuses(t.handle.db, placeId)).toEqual([
      { unit: 0, status: 'reported', referral: null },
    ]);
    const application = await request('applicantA', 'GET', `/api/applications/${app}`);
    expect((application.body as ApplicationView).status).toBe('queued');
    expect(await job.handler(slot(dayAfter), ctx)).toMatchObject({ expired: 0, failed: [] });
    expect((await notices(app)).filter((template) => template === 'referralExpired')).toHaveLength(1);
  });

  describe('R-REF-07, R-REF-08: the originals after a referral (a teacher’s employer certificate)', () => {
    /** A referral of a queued application whose confirmed category needs its originals shown after the referral. */
    async function awaitingOriginals() {
      const app = await queued();
      await t.handle.db
        .updateTable('applications')
        .set({ categories: ['teacher'] })
        .where('id', '=', app)
        .execute();
      const { placeId } = await place(1, [app]);
      const [referral] = ((await claim('applicantA', placeId, [app])).body as ReferralList).items;
      expect(referral).toMatchObject({ status: 'issued', phase: 'pendingConfirmation', validUntil: null });
      expect(await notices(app)).toContain('referralToConfirm');
      return { app, placeId, id: referral?.id ?? 'none' };
    }
    const confirm = (persona: Persona, id: string, result: string) =>
      request(persona, 'POST', `/api/referrals/${id}/confirmation`, { result });

    it('the district’s clerk finds it in their list of referrals awaiting originals, nearest deadline first', async () => {
      const { id } = await awaitingOriginals();
      const list = await request('clerkDistrict1', 'GET', '/api/clerk/referrals');
      expect(list.status).toBe(200);
      const items = (list.body as ReferralList).items;
      expect(items.map((r) => r.id)).toContain(id);
      expect(items.every((r) => r.phase === 'pendingConfirmation' && r.status === 'issued')).toBe(true);
      const deadlines = items.map((r) => r.confirmBy ?? '');
      expect(deadlines).toEqual([...deadlines].sort());
      // Another district's clerk does not see it.
      const other = await request('clerkDistrict2', 'GET', '/api/clerk/referrals');
      expect((other.body as ReferralList).items.map((r) => r.id)).not.toContain(id);
      // Confirmed, it leaves the list.
      await confirm('clerkDistrict1', id, 'confirmed');
      const after = await request('clerkDistrict1', 'GET', '/api/clerk/referrals');
      expect((after.body as ReferralList).items.map((r) => r.id)).not.toContain(id);
    });

    it('confirmed by the district’s clerk: the referral runs from now and the kindergarten sees it (R-KG-07)', async () => {
      const { app, id } = await awaitingOriginals();
      expect((await request('kindergartenStaff', 'GET', `/api/referrals/${id}`)).status).toBe(404);
      const confirmed = await confirm('clerkDistrict1', id, 'confirmed');
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ status: 'issued', phase: 'running' });
      expect((confirmed.body as ReferralView).validUntil).not.toBeNull();
      expect(await notices(app)).toContain('referralRunning');
      expect((await request('kindergartenStaff', 'GET', `/api/referrals/${id}`)).status).toBe(200);
      const twice = await confirm('clerkDistrict1', id, 'confirmed');
      expect(twice.status).toBe(409);
      expect(error(twice.body)).toMatchObject({ rule: 'R-REF-07' });
    });

    it('a privilege not confirmed cancels it: the unit goes back, the application is queued without the privilege', async () => {
      const { app, placeId, id } = await awaitingOriginals();
      const cancelled = await confirm('clerkDistrict1', id, 'privilegeNotConfirmed');
      expect(cancelled.body).toMatchObject({ status: 'cancelled', statusReason: 'privilegeNotConfirmed' });
      expect(await unitStatuses(t.handle.db, placeId)).toEqual([
        { unit: 0, status: 'reported', referral: null },
      ]);
      const application = (await request('applicantA', 'GET', `/api/applications/${app}`))
        .body as ApplicationView;
      expect(application).toMatchObject({ status: 'queued', categories: [] });
      expect((await notices(app)).at(-1)).toBe('referralChanged');
    });

    it('an identity not confirmed lets it expire (notConfirmed), the application queued again', async () => {
      const { app, id } = await awaitingOriginals();
      const expired = await confirm('clerkDistrict1', id, 'identityNotConfirmed');
      expect(expired.body).toMatchObject({ status: 'expired', statusReason: 'notConfirmed' });
      expect(
        ((await request('applicantA', 'GET', `/api/applications/${app}`)).body as ApplicationView).status,
      ).toBe('queued');
      expect((await notices(app)).at(-1)).toBe('referralExpired');
    });

    it('only a clerk of the application’s district checks the originals; a wrong result names the field', async () => {
      const { id } = await awaitingOriginals();
      expect((await confirm('applicantA', id, 'confirmed')).status).toBe(403);
      expect((await confirm('kindergartenStaff', id, 'confirmed')).status).toBe(403);
      expect((await confirm('clerkDistrict2', id, 'confirmed')).status).toBe(404);
      const bad = await confirm('clerkDistrict1', id, 'maybe');
      expect(bad.status).toBe(400);
      expect(error(bad.body)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'result' });
    });
  });

  it('R-ORDER-05: claims of one queue at the same moment each move the interleave counter (no lost update)', async () => {
    const apps = [await queued(), await queued(), await queued()];
    const { placeId } = await place(apps.length, apps);
    const queueKey = `${FIXTURE_TERRITORY.settlement1}/${BIRTH_YEAR}/general`;
    await t.handle.db
      .updateTable('queue_state')
      .set({ g_since_p: 0 })
      .where('queue_key', '=', queueKey)
      .execute();
    const claims = await Promise.all(apps.map((app) => claim('applicantA', placeId, [app])));
    expect(claims.map((response) => response.status)).toEqual([201, 201, 201]);
    const state = await t.handle.db
      .selectFrom('queue_state')
      .select('g_since_p')
      .where('queue_key', '=', queueKey)
      .executeTakeFirstOrThrow();
    // Three general-queue referrals since the last priority one: 0 → 1 → 2 → 3, whatever their interleaving.
    expect(state.g_since_p).toBe(3);
  });

  it('bad input names the field: no Idempotency-Key, a malformed place ID', async () => {
    const app = await queued();
    const noKey = await request('applicantA', 'POST', '/api/referrals', {
      placeId: app,
      applicationIds: [app],
    });
    expect(noKey.status).toBe(400);
    expect(error(noKey.body).field).toBe('idempotency-key');
    const badPlace = await claim('applicantA', 'not-a-uuid', [app]);
    expect(badPlace.status).toBe(400);
    expect(error(badPlace.body).field).toBe('placeId');
  });
});

const MISSING = '00000000-0000-4000-8000-00000000dead';
let world: { referral: string; place: string; app: string };
describeAccessMatrix<typeof world>(
  'referrals — every endpoint × every role; another’s referral is hidden',
  [
    {
      name: 'claim (a place that does not exist)',
      method: 'POST',
      path: () => '/api/referrals',
      body: (w) => ({ placeId: MISSING, applicationIds: [w.app] }),
      // Only applicants claim; without an Idempotency-Key an applicant's claim is refused naming it (400).
      expect: {
        public: 401,
        applicantA: 400,
        applicantB: 400,
        clerkDistrict1: 403,
        clerkDistrict2: 403,
        kindergartenStaff: 403,
        regionalAdmin: 403,
        auditor: 403,
        operator: 403,
      },
    },
    {
      name: 'referral PDF',
      method: 'GET',
      path: (w) => `/api/referrals/${w.referral}/document.pdf?lang=xx`,
      missingPath: () => `/api/referrals/${MISSING}/document.pdf?lang=xx`,
      // The harness reads JSON, so the row asks for an unknown language: refused (400) before anything is read.
      // Who may read the PDF itself is the test 'the referral PDF: same access as the referral' above.
      expect: everyone(400),
    },
    {
      name: "referrals awaiting originals (the clerk's district)",
      method: 'GET',
      path: () => '/api/clerk/referrals',
      expect: {
        public: 401,
        applicantA: 403,
        applicantB: 403,
        clerkDistrict1: 200,
        clerkDistrict2: 200,
        kindergartenStaff: 403,
        regionalAdmin: 403,
        auditor: 403,
        operator: 403,
      },
    },
    {
      name: 'my referrals',
      method: 'GET',
      path: () => '/api/me/referrals',
      expect: {
        public: 401,
        applicantA: 200,
        applicantB: 200,
        clerkDistrict1: 403,
        clerkDistrict2: 403,
        kindergartenStaff: 403,
        regionalAdmin: 403,
        auditor: 403,
        operator: 403,
      },
    },
    {
      name: 'referral',
      method: 'GET',
      path: (w) => `/api/referrals/${w.referral}`,
      missingPath: () => `/api/referrals/${MISSING}`,
      expect: {
        public: 401,
        applicantA: 200,
        applicantB: 'hidden',
        clerkDistrict1: 200,
        clerkDistrict2: 'hidden',
        kindergartenStaff: 200,
        regionalAdmin: 200,
        auditor: 200,
        operator: 'hidden',
      },
    },
    {
      name: 'cancellation (of a referral already cancelled)',
      method: 'POST',
      path: (w) => `/api/referrals/${w.referral}/cancellation`,
      missingPath: () => `/api/referrals/${MISSING}/cancellation`,
      expect: {
        public: 401,
        applicantA: 409,
        applicantB: 'hidden',
        clerkDistrict1: 403,
        clerkDistrict2: 403,
        kindergartenStaff: 403,
        regionalAdmin: 403,
        auditor: 403,
        operator: 403,
      },
    },
  ],
  () => ({ t, world }),
);

beforeAll(async () => {
  const app = await queued();
  const { placeId } = await place(1, [app]);
  const [referral] = ((await claim('applicantA', placeId, [app])).body as ReferralList).items;
  if (referral === undefined) throw new Error('no referral for the access matrix');
  const cancelled = await request('applicantA', 'POST', `/api/referrals/${referral.id}/cancellation`);
  expect(cancelled.status).toBe(200);
  world = { referral: referral.id, place: placeId, app: await queued() };
});
