import type { ApplicationReceipt, AuditTrailView, MyNotifications } from '@kezek/contracts';
import { localDate, makeIin } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAccessMatrix, everyone } from '../../testing/access-matrix';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import {
  APPLICANT_IINS,
  loginAs,
  openAuthTestApp,
  PERSONAS,
  type AuthTestApp,
  type Persona,
} from '../../testing/auth-fixtures';
import { composeApp } from '../../compose';
import { devChildIin } from '../../ports/individuals-port';
import { silentLog, TEST_PASSWORDS } from '../../testing/test-app';
import { csvCell } from './export-applications';

let t: AuthTestApp;
let world: { appOfA: string; numberOfA: string };
const MISSING = '00000000-0000-4000-8000-00000000beef';
let day = 0;
/** A child the development individuals database records as applicant A's (R-ELIG-11). */
const newChild = () =>
  devChildIin(APPLICANT_IINS.applicantA, localDate(`2022-05-${String((day += 1)).padStart(2, '0')}`), 'male');

const form = (overrides: Record<string, unknown> = {}) => ({
  child: { iin: newChild() },
  settlement: FIXTURE_TERRITORY.settlement1,
  smsNumbers: ['+7 701 234 56 78'],
  consent: true,
  ...overrides,
});

async function send(persona: Persona, path: string, body?: unknown) {
  const { headers } = await loginAs(t, persona);
  return t.app.request(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  t = await openAuthTestApp();
  await ensureFixtureTerritory(t.handle.db, t.clock.now());
  const receipt = (await (
    await send('applicantA', '/api/applications', form({ categories: ['teacher'] }))
  ).json()) as ApplicationReceipt;
  world = { appOfA: receipt.id, numberOfA: receipt.number };
});
afterAll(() => t.close());

describe('audit trail of an application', () => {
  it('lists each change with its actor — the applicant, then the clerk by name — oldest first', async () => {
    const submitted = (await (
      await send('applicantA', '/api/applications', form())
    ).json()) as ApplicationReceipt;
    const stop = await send('clerkDistrict1', `/api/applications/${submitted.id}/stop-list`, {
      on: true,
      reason: 'Documents under review',
    });
    expect(stop.status).toBe(200);
    const response = await send('clerkDistrict1', `/api/applications/${submitted.id}/audit`);
    expect(response.status).toBe(200);
    const trail = (await response.json()) as AuditTrailView;
    expect(trail.entries.map((entry) => entry.action)).toEqual([
      'application.submitted',
      'application.stopListed',
    ]);
    expect(trail.entries[0]?.actor).toEqual({ kind: 'applicant', name: null });
    expect(trail.entries[1]).toMatchObject({
      actor: { kind: 'staff', name: expect.any(String) as string },
      data: { reason: 'Documents under review' },
      at: '2026-03-02T10:00:00+05:00',
    });
    expect(trail.entries[1]?.actor.name).not.toBe('');
  });
});

describe('CSV export of the work list', () => {
  it('R-APPL-10: a clerk exports their district with the list filters; another district gets nothing of it', async () => {
    const response = await send('clerkDistrict1', '/api/exports/applications?status=pending');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="applications-2026-03-02.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the byte order mark.
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('number,status,statusReason,channel,queueKey,')).toBe(true);
    const rows = text.trimEnd().split('\r\n');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.slice(1).every((row) => row.split(',')[1] === 'pending')).toBe(true);
    expect(text).toContain(world.numberOfA);

    const other = await (await send('clerkDistrict2', '/api/exports/applications')).text();
    expect(other).not.toContain(world.numberOfA);
    expect(other.trimEnd().split('\r\n')).toHaveLength(1);
  });

  it('finds one application by its number, as the list search does', async () => {
    const text = await (
      await send('regionalAdmin', `/api/exports/applications?q=${encodeURIComponent(world.numberOfA)}`)
    ).text();
    expect(text.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('a malformed filter is a 400 naming the field', async () => {
    const response = await send('clerkDistrict1', '/api/exports/applications?status=lost');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('status');
  });

  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+7 701', "'+7 701"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['line\nbreak', '"line\nbreak"'],
  ])('a cell %j is written as %j (RFC 4180, no formula injection)', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('notifications of the signed-in applicant', () => {
  it('R-APPL-07: lists what was sent about their applications, as the text sent; another applicant sees none of it', async () => {
    const response = await send('applicantA', '/api/me/notifications');
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as MyNotifications;
    const mine = items.filter((item) => item.applicationNumber === world.numberOfA);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine[0]).toMatchObject({
      channel: 'sms',
      recipient: '+77012345678',
      status: 'pending',
      createdAt: '2026-03-02T10:00:00+05:00',
    });
    expect(mine.every((item) => item.text.includes(world.numberOfA))).toBe(true);
    const times = items.map((item) => item.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const other = (await (await send('applicantB', '/api/me/notifications')).json()) as MyNotifications;
    expect(other.items.some((item) => item.applicationNumber === world.numberOfA)).toBe(false);
  });
});

describe('development signing helper', () => {
  it('does not exist beside a real signature verifier', async () => {
    const app = composeApp({
      db: t.handle.db,
      engine: t.handle.engine,
      clock: t.clock,
      log: silentLog,
      ports: {
        ...t.ports,
        signature: { verify: () => Promise.resolve({ ok: false, reason: 'stub', retryable: false }) },
      },
      bodyLimitBytes: 100_000,
      passwords: TEST_PASSWORDS,
    });
    const response = await app.request('/api/dev/signature', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ iin: APPLICANT_IINS.applicantA, payload: 'x' }),
    });
    expect(response.status).toBe(404);
  });

  it('signs a login challenge that the applicant login accepts, only for a valid IIN', async () => {
    const iin = makeIin(localDate('1993-03-03'), 'female', 44);
    const challenge = (await (
      await t.app.request('/api/auth/applicant/challenge', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ iin }),
      })
    ).json()) as { challengeId: string; payload: string };
    const signed = await t.app.request('/api/dev/signature', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ iin, payload: challenge.payload }),
    });
    expect(signed.status).toBe(200);
    const { signature } = (await signed.json()) as { signature: string };
    const login = await t.app.request('/api/auth/applicant/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ challengeId: challenge.challengeId, signature }),
    });
    expect(login.status).toBe(200);

    const invalid = await t.app.request('/api/dev/signature', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ iin: '123456789012', payload: 'x' }),
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { field: string } }).error.field).toBe('iin');
  });
});

const staffReaders = {
  ...everyone(403),
  public: 401,
  clerkDistrict1: 200,
  clerkDistrict2: 'hidden',
  regionalAdmin: 200,
  auditor: 200,
} as const;

describeAccessMatrix<{ appOfA: string; numberOfA: string }>(
  'R-APPL-10: audit trail and notifications — every role; another district’s record is hidden',
  [
    {
      name: 'my notifications',
      method: 'GET',
      path: () => '/api/me/notifications',
      expect: { ...everyone(403), public: 401, applicantA: 200, applicantB: 200 },
    },
    {
      name: 'audit trail',
      method: 'GET',
      path: (w) => `/api/applications/${w.appOfA}/audit`,
      missingPath: () => `/api/applications/${MISSING}/audit`,
      expect: staffReaders,
    },
  ],
  () => ({ t, world }),
);

// The access harness reads JSON answers; the export answers CSV, so its row is checked here for every persona.
const EXPORTERS: readonly Persona[] = ['clerkDistrict1', 'clerkDistrict2', 'regionalAdmin', 'auditor'];
const exportAccess = (persona: Persona): number =>
  persona === 'public' ? 401 : EXPORTERS.includes(persona) ? 200 : 403;
describe('R-APPL-10: CSV export — every role', () => {
  it.each(PERSONAS.map((persona) => [persona, exportAccess(persona)] as const))(
    'GET /api/exports/applications as %s → %i',
    async (persona, status) => {
      const response = await send(persona, '/api/exports/applications');
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(
        status === 200 ? /^text\/csv/ : /^application\/json/,
      );
    },
  );
});
