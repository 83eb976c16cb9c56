import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApplicantChallenge, Session } from '@kezek/contracts';
import { localDate, makeIin } from '@kezek/domain';
import type { LookupName } from '../features/auth/log-in-applicant';
import { SESSION_COOKIE } from '../features/auth/session-cookie';
import { CSRF_HEADER } from '../http/auth-middleware';
import type { Env } from '../http/env';
import {
  ensureFixtureTerritory,
  ensureStaffUser,
  FIXTURE_TERRITORY,
  type StaffFixture,
} from './auth-fixtures.repository';
import { openTestApp, TEST_PASSWORDS, type TestApp } from './test-app';

export { FIXTURE_TERRITORY };

export const FIXTURE_PASSWORD = 'fixture-password-1';

/** Serial 9999: a valid IIN the individuals database does not know (the DevIndividualsRegistry convention). */
export const UNKNOWN_PERSON_IIN = makeIin(localDate('1988-08-08'), 'female', 9999);

export const fixtureLookupName: LookupName = (iin) =>
  Promise.resolve(
    iin === UNKNOWN_PERSON_IIN
      ? undefined
      : { surname: 'Тестова', givenName: `Өтініш ${iin.slice(-4)}`, patronymic: null },
  );

export type AuthTestApp = TestApp;

/** The composed app (testing/test-app.ts) with test-only routers, e.g. access probes. */
export const openAuthTestApp = (
  options: { routers?: ReadonlyArray<OpenAPIHono<Env>> } = {},
): Promise<AuthTestApp> => openTestApp(options);

/** Everyone an access test signs in as: each role, and a second applicant and clerk to be refused. */
export const PERSONAS = [
  'public',
  'applicantA',
  'applicantB',
  'clerkDistrict1',
  'clerkDistrict2',
  'kindergartenStaff',
  'regionalAdmin',
  'auditor',
  'operator',
] as const;
export type Persona = (typeof PERSONAS)[number];

const staffId = (n: number) => `f0000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;
const t = FIXTURE_TERRITORY;

export const STAFF_FIXTURES: Record<
  Exclude<Persona, 'public' | 'applicantA' | 'applicantB'>,
  StaffFixture
> = {
  clerkDistrict1: {
    id: staffId(1),
    login: 'fixture.clerk1',
    role: 'clerk',
    districtKato: t.district1,
    kindergartenId: null,
  },
  clerkDistrict2: {
    id: staffId(2),
    login: 'fixture.clerk2',
    role: 'clerk',
    districtKato: t.district2,
    kindergartenId: null,
  },
  kindergartenStaff: {
    id: staffId(3),
    login: 'fixture.kg1',
    role: 'kindergartenStaff',
    districtKato: null,
    kindergartenId: t.kindergarten1,
  },
  regionalAdmin: {
    id: staffId(4),
    login: 'fixture.admin',
    role: 'regionalAdmin',
    districtKato: null,
    kindergartenId: null,
  },
  auditor: {
    id: staffId(5),
    login: 'fixture.auditor',
    role: 'auditor',
    districtKato: null,
    kindergartenId: null,
  },
  operator: {
    id: staffId(6),
    login: 'fixture.operator',
    role: 'operator',
    districtKato: null,
    kindergartenId: null,
  },
};

export const APPLICANT_IINS = {
  applicantA: makeIin(localDate('1990-01-01'), 'female', 11),
  applicantB: makeIin(localDate('1991-02-02'), 'male', 12),
} as const;

/** What a signed-in test client sends: the cookie and, for writes, the CSRF token. */
export type SignedIn = { headers: Record<string, string>; session: Session };

const JSON_HEADERS = { 'content-type': 'application/json' };

function signedIn(response: Response, session: Session): SignedIn {
  const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (response.status !== 200 || cookie === undefined || session.csrfToken === null)
    throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(session)}`);
  return { headers: { cookie: `${SESSION_COOKIE}=${cookie}`, [CSRF_HEADER]: session.csrfToken }, session };
}

/** Signs an applicant in the way a browser does: challenge, signature with the dev authority, login. */
export async function logInApplicant(t: AuthTestApp, iin: string): Promise<SignedIn> {
  const issued = await t.app.request('/api/auth/applicant/challenge', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ iin }),
  });
  const challenge = (await issued.json()) as ApplicantChallenge;
  const response = await t.app.request('/api/auth/applicant/login', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({
      challengeId: challenge.challengeId,
      signature: t.signatures.sign(challenge.payload, iin),
    }),
  });
  return signedIn(response, (await response.json()) as Session);
}

export async function logInStaff(t: TestApp, login: string, password: string): Promise<SignedIn> {
  const response = await t.app.request('/api/auth/staff/login', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ login, password }),
  });
  return signedIn(response, (await response.json()) as Session);
}

/** Creates the persona's account if needed (and the fixture territory) and signs in: a fresh session each call. */
/** One JSON request as `persona`, signed in afresh: its status, headers and parsed body. */
export async function callAs(
  t: AuthTestApp,
  persona: Persona,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const signedIn = await loginAs(t, persona);
  const response = await t.app.request(path, {
    method,
    headers: {
      ...signedIn.headers,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

export async function loginAs(t: AuthTestApp, persona: Persona): Promise<SignedIn> {
  if (persona === 'public')
    return { headers: {}, session: { actor: { kind: 'public' }, csrfToken: null, signer: 'development' } };
  if (persona === 'applicantA' || persona === 'applicantB') return logInApplicant(t, APPLICANT_IINS[persona]);
  const now = t.clock.now();
  await ensureFixtureTerritory(t.handle.db, now);
  const staff = STAFF_FIXTURES[persona];
  await ensureStaffUser(t.handle.db, staff, await TEST_PASSWORDS.hash(FIXTURE_PASSWORD), now);
  return logInStaff(t, staff.login, FIXTURE_PASSWORD);
}
