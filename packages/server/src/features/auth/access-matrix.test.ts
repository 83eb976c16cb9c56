import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll } from 'vitest';
import { actorOf } from '../../http/auth-middleware';
import { createRouter } from '../../http/openapi-app';
import { describeAccessMatrix, everyone, type AccessRow } from '../../testing/access-matrix';
import {
  APPLICANT_IINS,
  FIXTURE_TERRITORY,
  loginAs,
  openAuthTestApp,
  type AuthTestApp,
} from '../../testing/auth-fixtures';
import { authorizeRecord, requireSignedIn, requireStaff, type RecordOwner } from './authorize';

/**
 * Who may call what. Each row is an endpoint; each column a persona, including the ones that must be refused
 * (another applicant, the clerk of another district). Add a row for every new endpoint.
 */

type World = { recordOfA: string; nobody: string };

// Test-only endpoints that use the authorization helpers as features do, so the "hidden" answer is checked
// through HTTP before features with personal records are composed into this app.
const records = new Map<string, RecordOwner>();
const rule = { owner: (record: RecordOwner) => record, missing: 'No such record' };
const params = z.object({ id: z.string() });
const probe = (method: 'get' | 'post', path: string) =>
  createRoute({ method, path, request: { params }, responses: { 200: { description: 'allowed' } } });
const probes = createRouter()
  .openapi(probe('get', '/api/test-probe/records/{id}'), (c) => {
    authorizeRecord(requireSignedIn(actorOf(c)), 'read', records.get(c.req.valid('param').id), rule);
    return c.json({ ok: true }, 200);
  })
  .openapi(probe('post', '/api/test-probe/records/{id}/notes'), (c) => {
    authorizeRecord(requireSignedIn(actorOf(c)), 'write', records.get(c.req.valid('param').id), rule);
    return c.json({ ok: true }, 200);
  })
  .openapi(probe('post', '/api/test-probe/clerk-desk/{id}'), (c) => {
    requireStaff(actorOf(c), ['clerk']);
    return c.json({ ok: true }, 200);
  });

let t: AuthTestApp;
let world: World;
beforeAll(async () => {
  t = await openAuthTestApp({ routers: [probes] });
  const a = await loginAs(t, 'applicantA');
  if (a.session.actor.kind !== 'applicant') throw new Error('applicant A did not sign in');
  records.set('record-of-a', {
    applicantId: a.session.actor.applicantId,
    districtKato: FIXTURE_TERRITORY.district1,
    kindergartenId: FIXTURE_TERRITORY.kindergarten1,
  });
  world = { recordOfA: 'record-of-a', nobody: 'no-such-record' };
});
afterAll(() => t.close());

const personalRead = {
  public: 401,
  applicantA: 200,
  applicantB: 'hidden',
  clerkDistrict1: 200,
  clerkDistrict2: 'hidden',
  kindergartenStaff: 200,
  regionalAdmin: 200,
  auditor: 200,
  operator: 'hidden',
} as const;

const ROWS: AccessRow<World>[] = [
  { name: 'public overview', method: 'GET', path: () => '/api/public/overview', expect: everyone(200) },
  {
    name: 'public kindergartens',
    method: 'GET',
    path: () => '/api/public/kindergartens',
    expect: everyone(200),
  },
  { name: 'session', method: 'GET', path: () => '/api/auth/session', expect: everyone(200) },
  {
    name: 'staff login, wrong password',
    method: 'POST',
    path: () => '/api/auth/staff/login',
    body: (_w, persona) => ({ login: `matrix.${persona}`, password: 'wrong' }),
    expect: everyone(401),
  },
  {
    name: 'applicant challenge',
    method: 'POST',
    path: () => '/api/auth/applicant/challenge',
    body: () => ({ iin: APPLICANT_IINS.applicantB }),
    expect: everyone(200),
  },
  {
    name: 'applicant login, unknown challenge',
    method: 'POST',
    path: () => '/api/auth/applicant/login',
    body: () => ({ challengeId: 'A'.repeat(43), signature: 'x' }),
    expect: everyone(401),
  },
  { name: 'logout', method: 'POST', path: () => '/api/auth/logout', expect: everyone(204) },
  {
    name: 'DEVELOPMENT ONLY signing helper (mounted with the dev signature adapter)',
    method: 'POST',
    path: () => '/api/dev/signature',
    body: () => ({ iin: APPLICANT_IINS.applicantB, payload: 'kezek-login:matrix' }),
    expect: everyone(200),
  },
  {
    name: "probe: read applicant A's record",
    method: 'GET',
    path: (w) => `/api/test-probe/records/${w.recordOfA}`,
    missingPath: (w) => `/api/test-probe/records/${w.nobody}`,
    expect: personalRead,
  },
  {
    name: "probe: write applicant A's record",
    method: 'POST',
    path: (w) => `/api/test-probe/records/${w.recordOfA}/notes`,
    missingPath: (w) => `/api/test-probe/records/${w.nobody}/notes`,
    expect: { ...personalRead, auditor: 403 },
  },
  {
    name: 'probe: clerks only',
    method: 'POST',
    path: (w) => `/api/test-probe/clerk-desk/${w.recordOfA}`,
    expect: { ...everyone(403), public: 401, clerkDistrict1: 200, clerkDistrict2: 200 },
  },
  // The registers' transparency API (issue 7): public reads; signing on demand by the operator and the
  // regional administrator. The signing row comes first, so the head rows below find a signed head.
  {
    name: 'ledger: sign heads now',
    method: 'POST',
    path: () => '/api/ledger/heads',
    expect: { ...everyone(403), public: 401, operator: 200, regionalAdmin: 200 },
  },
  { name: 'ledger: public key', method: 'GET', path: () => '/api/ledger/key', expect: everyone(200) },
  {
    name: 'ledger: latest head',
    method: 'GET',
    path: () => '/api/ledger/applications/head',
    expect: everyone(200),
  },
  {
    name: 'ledger: leaves',
    method: 'GET',
    path: () => '/api/ledger/applications/leaves?start=0&limit=10',
    expect: everyone(200),
  },
  {
    name: 'ledger: consistency proof',
    method: 'GET',
    path: () => '/api/ledger/applications/proof/consistency?from=0&to=0',
    expect: everyone(200),
  },
  {
    name: 'ledger: inclusion proof of a leaf not in the log',
    method: 'GET',
    path: () => `/api/ledger/applications/proof/inclusion?leafHash=${'0'.repeat(64)}`,
    expect: everyone(404),
  },
  {
    name: 'ledger: receipt of a leaf not in the log',
    method: 'GET',
    path: () => `/api/ledger/applications/receipts/${'0'.repeat(64)}`,
    expect: everyone(404),
  },
  {
    name: 'ledger: QR code of a receipt of a leaf not in the log',
    method: 'GET',
    path: () => `/api/ledger/applications/receipts/${'0'.repeat(64)}/qr`,
    expect: everyone(404),
  },
];

describeAccessMatrix('access matrix: every endpoint × every persona', ROWS, () => ({ t, world }));
