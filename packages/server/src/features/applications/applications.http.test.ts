import type {
  ApplicationPage,
  ApplicationReceipt,
  ApplicationView,
  ChildrenList,
  PublicQueuePage,
  PositionView,
  RefusalReceipt,
} from '@kezek/contracts';
import { addDays, localDate } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devChildIin } from '../../ports/individuals-port';
import { describeAccessMatrix, everyone, type AccessRow } from '../../testing/access-matrix';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import {
  APPLICANT_IINS,
  loginAs,
  openAuthTestApp,
  type AuthTestApp,
  type Persona,
} from '../../testing/auth-fixtures';

let t: AuthTestApp;
let world: { appOfA: string };
const MISSING = '00000000-0000-4000-8000-00000000dead';
let serial = 0;
/** A new child of `parent` in the development individuals database (R-ELIG-11). */
const newChild = (parent: string, born = '2022-03-03') =>
  devChildIin(parent, addDays(localDate(born), (serial += 1)), 'female');

const form = (overrides: Record<string, unknown> = {}, parent: string = APPLICANT_IINS.applicantA) => ({
  child: { iin: newChild(parent) },
  settlement: FIXTURE_TERRITORY.settlement1,
  smsNumbers: ['+7 701 234 56 78'],
  consent: true,
  ...overrides,
});

async function post(persona: Persona, path: string, body: unknown, extra: Record<string, string> = {}) {
  const { headers } = await loginAs(t, persona);
  return t.app.request(path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', ...extra },
    body: JSON.stringify(body),
  });
}

async function get<T>(persona: Persona, path: string): Promise<{ status: number; body: T }> {
  const { headers } = await loginAs(t, persona);
  const response = await t.app.request(path, { headers });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  t = await openAuthTestApp();
  await ensureFixtureTerritory(t.handle.db, t.clock.now());
  const response = await post('applicantA', '/api/applications', form());
  world = { appOfA: ((await response.json()) as ApplicationReceipt).id };
});
afterAll(() => t.close());

describe('applications over HTTP', () => {
  it('R-ELIG-10, R-SCOPE-04: the portal registers at once and answers with the receipt (201)', async () => {
    const response = await post('applicantA', '/api/applications', form());
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      status: 'queued',
      submittedAt: '2026-03-02T10:00:00+05:00',
    });
  });

  it('R-ELIG-09: a clerk registers at the office for an applicant of their district', async () => {
    const response = await post(
      'clerkDistrict1',
      '/api/applications',
      form({ channel: 'office', applicantIin: APPLICANT_IINS.applicantB }, APPLICANT_IINS.applicantB),
    );
    expect(response.status).toBe(201);
    const other = await post(
      'clerkDistrict2',
      '/api/applications',
      form({ channel: 'office', applicantIin: APPLICANT_IINS.applicantB }, APPLICANT_IINS.applicantB),
    );
    expect(other.status).toBe(403);
  });

  it('a retry with the same Idempotency-Key returns the first receipt with 200, never a duplicate', async () => {
    const body = form();
    const first = await post('applicantA', '/api/applications', body, {
      'idempotency-key': 'http-retry-0001',
    });
    const again = await post('applicantA', '/api/applications', body, {
      'idempotency-key': 'http-retry-0001',
    });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(await again.json()).toEqual(await first.json());
  });

  it.each([
    ['R-ELIG-18: no consent', form({ consent: false }), 400, 'consent'],
    ['an unknown settlement', form({ settlement: '123456789' }), 400, 'settlement'],
    ['a malformed IIN', form({ child: { iin: '12345' } }), 400, 'child.iin'],
    [
      'R-NOTIF-01: three SMS numbers',
      form({ smsNumbers: ['+77011111111', '+77022222222', '+77033333333'] }),
      400,
      'smsNumbers',
    ],
    [
      'R-ELIG-03: a child too old',
      form({ child: { iin: newChild(APPLICANT_IINS.applicantA, '2019-01-05') } }),
      422,
      'child.iin',
    ],
  ])('%s → %i naming the field', async (_name, body, status, field) => {
    const response = await post('applicantA', '/api/applications', body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
  });

  it("R-ELIG-11: the portal refuses a child the individuals database does not record as the applicant's", async () => {
    const response = await post('applicantB', '/api/applications', form());
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { field: 'child.iin', rule: 'R-ELIG-11' } });
  });

  it('R-ELIG-11: the apply form offers the children the individuals database records for the applicant', async () => {
    const { status, body } = await get<ChildrenList>('applicantB', '/api/me/children');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(2);
    const [first] = body.items;
    if (first === undefined) throw new Error('expected a child');
    const response = await post(
      'applicantB',
      '/api/applications',
      form({ child: { iin: first.iin } }, APPLICANT_IINS.applicantB),
    );
    expect(response.status).toBe(201);
    expect((await get('clerkDistrict1', '/api/me/children')).status).toBe(403);
    expect((await get('public', '/api/me/children')).status).toBe(401);
  });

  it('R-SYS-09: the public sees each queue in order, anonymised, and can find an application by its number', async () => {
    const queue = `settlement=${FIXTURE_TERRITORY.settlement1}&birthYear=2022&queue=general`;
    const { status, body } = await get<PublicQueuePage>('public', `/api/public/queue?${queue}&pageSize=2`);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.items.map((item) => item.position)).toEqual([1, 2]);
    expect(Object.keys(body.items[0] ?? {}).sort()).toEqual(['group', 'number', 'position', 'submittedAt']);
    expect(JSON.stringify(body)).not.toContain(APPLICANT_IINS.applicantA);
    const mine = await get<ApplicationView>('applicantA', `/api/applications/${world.appOfA}`);
    const found = await get<PublicQueuePage>(
      'public',
      `/api/public/queue?${queue}&pageSize=1&number=${mine.body.number}`,
    );
    expect(found.body.items).toEqual([
      expect.objectContaining({ number: mine.body.number, position: mine.body.position }),
    ]);
    expect(found.body.page).toBe(mine.body.position);
    expect((await get('public', `/api/public/queue?${queue}&number=NOPE-1`)).status).toBe(404);
    expect((await get('public', '/api/public/queue?settlement=999999999&birthYear=2022')).status).toBe(404);
    expect(
      (await get('public', `/api/public/queue?settlement=${FIXTURE_TERRITORY.settlement1}&birthYear=soon`))
        .status,
    ).toBe(400);
  });

  it('R-APPL-11: the applicant sees the position and who is ahead', async () => {
    const { status, body } = await get<PositionView>(
      'applicantA',
      `/api/applications/${world.appOfA}/position`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'queued',
      queueKey: `${FIXTURE_TERRITORY.settlement1}/2022/general`,
    });
    expect(body.position).toBeGreaterThanOrEqual(1);
  });

  it('R-REFUSE-02: a rejection gives the Annex 3 receipt with the legal ground and the missing documents', async () => {
    const submitted = (await (
      await post('applicantA', '/api/applications', form({ categories: ['teacher'] }))
    ).json()) as ApplicationReceipt;
    const rejected = await post('clerkDistrict1', `/api/applications/${submitted.id}/verification`, {
      result: 'rejected',
      version: 1,
      reason: 'incompleteDocuments',
      missingDocuments: ['Certificate from the place of work (teacher)'],
    });
    expect(rejected.status).toBe(200);
    const receipt = await get<RefusalReceipt>(
      'applicantA',
      `/api/applications/${submitted.id}/refusal-receipt`,
    );
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({
      applicationNumber: submitted.number,
      reason: 'incompleteDocuments',
      rule: 'R-REFUSE-01',
      missingDocuments: ['Certificate from the place of work (teacher)'],
      issuerUnit: { en: 'Fixture district 1' },
      copies: 2,
    });
    const notRejected = await get<{ error: { code: string } }>(
      'applicantA',
      `/api/applications/${world.appOfA}/refusal-receipt`,
    );
    expect(notRejected.status).toBe(409);
  });

  it('R-TIME-05: the clerk work list flags pending applications past their 30-minute check', async () => {
    await post('applicantA', '/api/applications', form({ categories: ['teacher'] }));
    t.clock.advance(31 * 60_000);
    const { body } = await get<ApplicationPage>('clerkDistrict1', '/api/applications?slaBreached=true');
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.items.every((item) => item.status === 'pending')).toBe(true);
    const other = await get<ApplicationPage>('clerkDistrict2', '/api/applications?slaBreached=true');
    expect(other.body.total).toBe(0);
  });
});

const application = (suffix: string) => (w: { appOfA: string }) => `/api/applications/${w.appOfA}${suffix}`;
const missing = (suffix: string) => () => `/api/applications/${MISSING}${suffix}`;
const ownerAndStaff: AccessRow<{ appOfA: string }>['expect'] = {
  public: 401,
  applicantA: 200,
  applicantB: 'hidden',
  clerkDistrict1: 200,
  clerkDistrict2: 'hidden',
  kindergartenStaff: 'hidden',
  regionalAdmin: 200,
  auditor: 200,
  operator: 'hidden',
};

describeAccessMatrix<{ appOfA: string }>(
  "R-APPL-10: applications — every endpoint × every role; another's record is hidden",
  [
    {
      name: 'the public queue',
      method: 'GET',
      path: () => `/api/public/queue?settlement=${FIXTURE_TERRITORY.settlement1}&birthYear=2022`,
      expect: everyone(200),
    },
    {
      name: 'my children in the individuals database',
      method: 'GET',
      path: () => '/api/me/children',
      expect: { ...everyone(403), public: 401, applicantA: 200, applicantB: 200 },
    },
    {
      name: 'application',
      method: 'GET',
      path: application(''),
      missingPath: missing(''),
      expect: ownerAndStaff,
    },
    {
      name: 'position',
      method: 'GET',
      path: application('/position'),
      missingPath: missing('/position'),
      expect: ownerAndStaff,
    },
    {
      name: 'position history',
      method: 'GET',
      path: application('/position/history'),
      missingPath: missing('/position/history'),
      expect: ownerAndStaff,
    },
    {
      name: 'list',
      method: 'GET',
      path: () => '/api/applications',
      expect: { ...everyone(200), public: 401, kindergartenStaff: 403, operator: 403 },
    },
    {
      name: 'interest confirmation',
      method: 'POST',
      path: application('/interest-confirmation'),
      missingPath: missing('/interest-confirmation'),
      body: () => ({}),
      expect: { ...ownerAndStaff, auditor: 403 },
    },
    {
      name: 'verification (the application is already queued)',
      method: 'POST',
      path: application('/verification'),
      missingPath: missing('/verification'),
      body: () => ({ result: 'confirmed', version: 1 }),
      expect: {
        ...everyone(403),
        public: 401,
        clerkDistrict1: 409,
        clerkDistrict2: 'hidden',
        regionalAdmin: 409,
      },
    },
    {
      name: 'stop list lift (the application is not stopped)',
      method: 'POST',
      path: application('/stop-list'),
      missingPath: missing('/stop-list'),
      body: () => ({ on: false }),
      expect: {
        ...everyone(403),
        public: 401,
        clerkDistrict1: 409,
        clerkDistrict2: 'hidden',
        regionalAdmin: 409,
      },
    },
    {
      name: 'modify with a stale version',
      method: 'PATCH',
      path: application(''),
      missingPath: missing(''),
      body: () => ({ version: 999, language: 'ru' }),
      expect: { ...ownerAndStaff, applicantA: 412, clerkDistrict1: 412, regionalAdmin: 412, auditor: 403 },
    },
    {
      name: 'submit for a new child',
      method: 'POST',
      path: () => '/api/applications',
      body: (_w, persona) =>
        persona === 'clerkDistrict1' || persona === 'clerkDistrict2'
          ? form({ channel: 'office', applicantIin: APPLICANT_IINS.applicantA })
          : form({}, persona === 'applicantB' ? APPLICANT_IINS.applicantB : APPLICANT_IINS.applicantA),
      expect: { ...everyone(403), public: 401, applicantA: 201, applicantB: 201, clerkDistrict1: 201 },
    },
  ],
  () => ({ t, world }),
);
