import {
  admissionDecisionPayload,
  type AdmissionCase,
  type ApplicationReceipt,
  type ApplicationView,
  type ReferralList,
  type ReferralView,
} from '@kezek/contracts';
import {
  addDays,
  addOfficeMinutes,
  instantFromEpochMs,
  KZ_WORKING_DAY_CALENDAR,
  localDate,
  makeIin,
} from '@kezek/domain';
import { formatNational, nationalDate } from '../../platform/national-time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devChildIin } from '../../ports/individuals-port';
import { describeAccessMatrix } from '../../testing/access-matrix';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import {
  APPLICANT_IINS,
  callAs,
  openAuthTestApp,
  type AuthTestApp,
  type Persona,
} from '../../testing/auth-fixtures';
import { insertQueuedApplication } from '../places/places.fixtures';
import { publishPlaceWithWindow, unitStatuses } from '../referrals/referrals.fixtures';

let t: AuthTestApp;
let serial = 0;

const request = (persona: Persona, method: string, path: string, body?: unknown, key?: string) =>
  callAs(t, persona, method, path, body, key === undefined ? {} : { 'idempotency-key': key });

const error = (body: unknown) => (body as { error: { code: string; rule?: string; field?: string } }).error;

/** A running referral of a new child of applicant A to a place of the fixture kindergarten. */
const submit = (childIin: string) =>
  request('applicantA', 'POST', '/api/applications', {
    child: { iin: childIin },
    settlement: FIXTURE_TERRITORY.settlement1,
    smsNumbers: ['+7 701 234 56 78'],
    consent: true,
  });

async function referred(): Promise<ReferralView & { placeIdOf: string; childIin: string }> {
  const childIin = devChildIin(
    APPLICANT_IINS.applicantA,
    addDays(localDate('2022-02-01'), (serial += 1)),
    'male',
  );
  const submitted = await submit(childIin);
  const app = (submitted.body as ApplicationReceipt).id;
  const { placeId } = await publishPlaceWithWindow(t.handle.db, {
    birthYear: 2022,
    units: 1,
    now: t.clock.now(),
    access: [app],
  });
  const claimed = await request(
    'applicantA',
    'POST',
    '/api/referrals',
    { placeId, applicationIds: [app] },
    `admission-${serial}`,
  );
  const [referral] = (claimed.body as ReferralList).items;
  if (referral === undefined) throw new Error(`no referral: ${JSON.stringify(claimed.body)}`);
  return { ...referral, placeIdOf: placeId, childIin };
}

/** R-NOTIF-04: the latest notice written for an application. */
const lastNotice = (applicationId: string) =>
  t.handle.db
    .selectFrom('outbox')
    .select(['template', 'payload'])
    .where('application_id', '=', applicationId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();

const addOfficeMinutesTo = (at: Date, minutes: number) =>
  new Date(addOfficeMinutes(instantFromEpochMs(at.getTime()), minutes, KZ_WORKING_DAY_CALENDAR));

const contract = {
  contractNumber: 'D-2026/17',
  contractDate: '2026-03-03',
  healthCertificateIssuedOn: '2026-03-01',
};

beforeAll(async () => {
  t = await openAuthTestApp();
  await ensureFixtureTerritory(t.handle.db, t.clock.now());
});
afterAll(() => t.close());

describe('admission (service 2)', () => {
  it('R-KG-07: the kindergarten sees the children referred to it', async () => {
    const referral = await referred();
    const list = await request('kindergartenStaff', 'GET', '/api/kindergarten/referrals');
    expect(list.status).toBe(200);
    const seen = (list.body as ReferralList).items.find((r) => r.id === referral.id);
    // Whom to expect: the child's name and birth date, as the application has them.
    const application = await request('applicantA', 'GET', `/api/applications/${referral.applicationId}`);
    const { child } = application.body as ApplicationView;
    expect(seen?.child).toEqual({ fullName: child.fullName, birthDate: child.birthDate });
  });

  it('R-ADM-09: admission on a contract — referral admitted, unit occupied, application enrolled', async () => {
    const referral = await referred();
    const admitted = await request(
      'kindergartenStaff',
      'POST',
      `/api/referrals/${referral.id}/admission`,
      contract,
    );
    expect(admitted.status).toBe(200);
    expect(admitted.body).toMatchObject({ status: 'admitted' });
    expect(await unitStatuses(t.handle.db, referral.placeIdOf)).toEqual([
      { unit: 0, status: 'occupied', referral: referral.id },
    ]);
    const application = await request('applicantA', 'GET', `/api/applications/${referral.applicationId}`);
    expect((application.body as ApplicationView).status).toBe('enrolled');
    const list = await request('kindergartenStaff', 'GET', '/api/kindergarten/referrals');
    expect((list.body as ReferralList).items.map((r) => r.id)).not.toContain(referral.id);
    expect(await lastNotice(referral.applicationId)).toMatchObject({ template: 'admitted' });
  });

  it('R-ADM-09: admitted, the child’s other waiting application (a special queue) goes to the archive, its applicant told', async () => {
    const referral = await referred();
    const child = await t.handle.db
      .selectFrom('referrals')
      .select('child_id')
      .where('id', '=', referral.id)
      .executeTakeFirstOrThrow();
    const { applicationId: other } = await insertQueuedApplication(t.handle.db, {
      birthDate: '2022-02-01',
      submittedAt: new Date('2025-06-01T05:00:00Z'),
      childId: child.child_id,
      queue: 'special:speech',
    });
    const admitted = await request(
      'kindergartenStaff',
      'POST',
      `/api/referrals/${referral.id}/admission`,
      contract,
    );
    expect(admitted.status).toBe(200);
    const archived = await t.handle.db
      .selectFrom('applications')
      .select(['status', 'status_reason'])
      .where('id', '=', other)
      .executeTakeFirstOrThrow();
    expect(archived).toEqual({ status: 'archived', status_reason: 'enrolledElsewhere' });
    expect(await lastNotice(other)).toMatchObject({ template: 'archived' });
  });

  it('R-ADM-05: a health certificate more than 3 days older than the contract is refused, naming the field', async () => {
    const referral = await referred();
    const stale = await request('kindergartenStaff', 'POST', `/api/referrals/${referral.id}/admission`, {
      ...contract,
      healthCertificateIssuedOn: '2026-02-20',
    });
    expect(stale.status).toBe(422);
    expect(error(stale.body)).toMatchObject({ rule: 'R-ADM-05', field: 'healthCertificateIssuedOn' });
  });

  it('R-ADM-04, R-ADM-10: a refusal for a medical contraindication releases the unit and re-queues the application', async () => {
    const referral = await referred();
    const refused = await request(
      'kindergartenStaff',
      'POST',
      `/api/referrals/${referral.id}/admission-refusal`,
      {
        reason: 'medicalContraindication',
      },
    );
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', statusReason: 'medicalContraindication' });
    expect(await unitStatuses(t.handle.db, referral.placeIdOf)).toEqual([
      { unit: 0, status: 'reported', referral: null },
    ]);
    const application = await request('applicantA', 'GET', `/api/applications/${referral.applicationId}`);
    expect((application.body as ApplicationView).status).toBe('queued');
    const notice = await lastNotice(referral.applicationId);
    expect(notice).toMatchObject({ template: 'referralRefused' });
    expect(JSON.stringify(notice.payload)).toContain('медициналық қарсы көрсетілімдер');
    const unknown = await request(
      'kindergartenStaff',
      'POST',
      `/api/referrals/${referral.id}/admission-refusal`,
      {
        reason: 'noPlaces',
      },
    );
    expect(unknown.status).toBe(400);
    expect(error(unknown.body).field).toBe('reason');
  });

  it('R-ADM-09: no admission after the referral’s last valid day', async () => {
    const referral = await referred();
    t.clock.advance(14 * 86_400_000);
    const late = await request('kindergartenStaff', 'POST', `/api/referrals/${referral.id}/admission`, {
      ...contract,
      contractDate: '2026-03-16',
      healthCertificateIssuedOn: '2026-03-15',
    });
    t.clock.advance(-14 * 86_400_000);
    expect(late.status).toBe(409);
    expect(error(late.body)).toMatchObject({ rule: 'R-ADM-09' });
  });

  it('R-REF-10: the applicant extends a running referral once, by at most 30 days', async () => {
    const referral = await referred();
    const tooLong = await request('applicantA', 'POST', `/api/referrals/${referral.id}/extension`, {
      days: 31,
      reason: 'illness',
    });
    expect(tooLong.status).toBe(422);
    expect(error(tooLong.body)).toMatchObject({ rule: 'R-REF-10' });
    const extended = await request('applicantA', 'POST', `/api/referrals/${referral.id}/extension`, {
      days: 14,
      reason: 'illness',
    });
    expect(extended.status).toBe(200);
    const after = extended.body as ReferralView;
    expect(after).toMatchObject({ status: 'extended', extended: true });
    expect(after.validUntil! > referral.validUntil!).toBe(true);
    const again = await request('applicantA', 'POST', `/api/referrals/${referral.id}/extension`, {
      days: 1,
      reason: 'leave',
    });
    expect(again.status).toBe(409);
    expect(error(again.body)).toMatchObject({ rule: 'R-REF-10' });
  });
});

const MISSING = '00000000-0000-4000-8000-00000000dead';
let world: { referral: string };
const kindergartenOnly = {
  public: 401,
  applicantA: 403,
  applicantB: 403,
  clerkDistrict1: 403,
  clerkDistrict2: 403,
  kindergartenStaff: 409,
  regionalAdmin: 403,
  auditor: 403,
  operator: 403,
} as const;
describeAccessMatrix<typeof world>(
  'admission — every endpoint × every role',
  [
    {
      name: 'referred children of my kindergarten',
      method: 'GET',
      path: () => '/api/kindergarten/referrals',
      expect: { ...kindergartenOnly, kindergartenStaff: 200 },
    },
    {
      name: 'admission (of a referral already refused)',
      method: 'POST',
      path: (w) => `/api/referrals/${w.referral}/admission`,
      missingPath: () => `/api/referrals/${MISSING}/admission`,
      body: () => contract,
      expect: kindergartenOnly,
    },
    {
      name: 'admission refusal (of a referral already refused)',
      method: 'POST',
      path: (w) => `/api/referrals/${w.referral}/admission-refusal`,
      missingPath: () => `/api/referrals/${MISSING}/admission-refusal`,
      body: () => ({ reason: 'missingDocuments' }),
      expect: kindergartenOnly,
    },
    {
      name: 'extension (of a referral already refused)',
      method: 'POST',
      path: (w) => `/api/referrals/${w.referral}/extension`,
      missingPath: () => `/api/referrals/${MISSING}/extension`,
      body: () => ({ days: 3, reason: 'leave' }),
      expect: { ...kindergartenOnly, applicantA: 409, applicantB: 'hidden', kindergartenStaff: 403 },
    },
  ],
  () => ({ t, world }),
);

beforeAll(async () => {
  const referral = await referred();
  const refused = await request(
    'kindergartenStaff',
    'POST',
    `/api/referrals/${referral.id}/admission-refusal`,
    {
      reason: 'missingDocuments',
    },
  );
  expect(refused.status).toBe(200);
  world = { referral: referral.id };
});

describe('§16: the general queue after a privileged referral to a state kindergarten', () => {
  it('R-QUEUE-09: the child is taken back a month after admission, not before, and is ordered in group G', async () => {
    const referral = await referred();
    await t.handle.db
      .updateTable('referrals')
      .set({ privileged: true })
      .where('id', '=', referral.id)
      .execute();
    const admitted = await request(
      'kindergartenStaff',
      'POST',
      `/api/referrals/${referral.id}/admission`,
      contract,
    );
    expect(admitted.status).toBe(200);
    const early = await submit(referral.childIin);
    expect(early.status).toBe(422);
    expect(error(early.body)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R-QUEUE-09' });
    const before = t.clock.now();
    t.clock.set(new Date(before.getTime() + 32 * 86_400_000));
    try {
      const later = await submit(referral.childIin);
      expect(later.status).toBe(201);
      const row = await t.handle.db
        .selectFrom('applications')
        .select('privilege_used')
        .where('id', '=', (later.body as ApplicationReceipt).id)
        .executeTakeFirstOrThrow();
      expect(row.privilege_used).toBe(true);
    } finally {
      t.clock.set(before);
    }
  });
});

describe('service 2 on the portal (§32 ¶6–8)', () => {
  const documents = [
    { kind: 'vaccinationCard065', reference: 'e-065-2026-1' },
    { kind: 'healthCertificate027', reference: 'e-027-2026-1', issuedOn: '2026-03-01' },
  ];
  /** The head of the kindergarten, who signs its decisions. */
  const HEAD_IIN: string = makeIin(localDate('1980-01-01'), 'female', 15);
  const signedAdmission = (number: string) =>
    admissionDecisionPayload({
      referralNumber: number,
      decision: 'admitted',
      contractNumber: contract.contractNumber,
      contractDate: contract.contractDate,
    });

  it('R-ADM-01, R-ADM-03: the parent sends the e-copies; registered today, completeness due 30 working minutes later', async () => {
    const referral = await referred();
    const sent = await request('applicantA', 'POST', `/api/referrals/${referral.id}/admission-request`, {
      documents: documents.slice(0, 1),
    });
    expect(sent.status).toBe(201);
    const request_ = (sent.body as AdmissionCase).request;
    expect(request_?.missing).toEqual(['healthCertificate027']);
    const now = t.clock.now();
    expect(request_?.registeredOn).toBe(nationalDate(addOfficeMinutesTo(now, 0)));
    expect(request_?.checkDueAt).toBe(formatNational(addOfficeMinutesTo(now, 30)));
    const twice = await request('applicantA', 'POST', `/api/referrals/${referral.id}/admission-request`, {
      documents,
    });
    expect(twice.status).toBe(409);
    expect(error(twice.body)).toMatchObject({ rule: 'R-ADM-03' });
    const seen = await request('kindergartenStaff', 'GET', `/api/referrals/${referral.id}/admission`);
    expect((seen.body as AdmissionCase).request?.documents).toHaveLength(1);
    // What the forms need: the e-copies this child's request must carry, and who signs the decision here.
    expect(seen.body).toMatchObject({
      required: ['vaccinationCard065', 'healthCertificate027'],
      signer: 'development',
    });
  });

  it('R-ADM-03: the decision on a portal request is signed with the EDS, verified, and shown in the parent’s account', async () => {
    const referral = await referred();
    await request('applicantA', 'POST', `/api/referrals/${referral.id}/admission-request`, { documents });
    const unsigned = await request(
      'kindergartenStaff',
      'POST',
      `/api/referrals/${referral.id}/admission`,
      contract,
    );
    expect(unsigned.status).toBe(422);
    expect(error(unsigned.body)).toMatchObject({ rule: 'R-ADM-03', field: 'signature' });
    const forged = await request('kindergartenStaff', 'POST', `/api/referrals/${referral.id}/admission`, {
      ...contract,
      signature: t.signatures.sign(signedAdmission('another-number'), HEAD_IIN),
    });
    expect(forged.status).toBe(422);
    expect(error(forged.body)).toMatchObject({ rule: 'R-ADM-03', field: 'signature' });
    const admitted = await request('kindergartenStaff', 'POST', `/api/referrals/${referral.id}/admission`, {
      ...contract,
      signature: t.signatures.sign(signedAdmission(referral.number), HEAD_IIN),
    });
    expect(admitted.status).toBe(200);
    const mine = await request('applicantA', 'GET', `/api/referrals/${referral.id}/admission`);
    expect((mine.body as AdmissionCase).decision).toMatchObject({
      decision: 'admitted',
      contractNumber: contract.contractNumber,
      signed: true,
      signerIin: HEAD_IIN,
    });
  });

  it('R-ADM-03: only the referral’s applicant asks, and only on a running referral; others do not see the case', async () => {
    const referral = await referred();
    const path = `/api/referrals/${referral.id}/admission-request`;
    expect((await request('applicantB', 'POST', path, { documents })).status).toBe(404);
    expect((await request('kindergartenStaff', 'POST', path, { documents })).status).toBe(403);
    expect((await request('applicantB', 'GET', `/api/referrals/${referral.id}/admission`)).status).toBe(404);
    const bad = await request('applicantA', 'POST', path, {
      documents: [{ kind: 'passport', reference: 'x' }],
    });
    expect(bad.status).toBe(400);
    expect(error(bad.body).field).toMatch(/^documents/);
    await request('applicantA', 'POST', `/api/referrals/${referral.id}/cancellation`);
    const late = await request('applicantA', 'POST', path, { documents });
    expect(late.status).toBe(409);
    expect(error(late.body)).toMatchObject({ rule: 'R-ADM-03' });
  });
});
