import type { Session } from '@kezek/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureFixtureTerritory,
  ensureStaffUser,
  type StaffFixture,
} from '../../testing/auth-fixtures.repository';
import { FIXTURE_PASSWORD, loginAs, openAuthTestApp, type AuthTestApp } from '../../testing/auth-fixtures';
import { hashPassword } from '../../platform/password';
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from './log-in-staff';

let t: AuthTestApp;
beforeAll(async () => {
  t = await openAuthTestApp();
  await ensureFixtureTerritory(t.handle.db, t.clock.now());
});
afterAll(() => t.close());

let serial = 0;
/** A fresh account per test, so lockouts of one test do not leak into another. */
async function staffUser(passwordHash?: string): Promise<StaffFixture> {
  serial += 1;
  const staff: StaffFixture = {
    id: `e0000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    login: `login.test${serial}`,
    role: 'clerk',
    districtKato: '999100000',
    kindergartenId: null,
  };
  await ensureStaffUser(t.handle.db, staff, passwordHash ?? `test$${FIXTURE_PASSWORD}`, t.clock.now());
  return staff;
}

const login = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.request('/api/auth/staff/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

type ErrorJson = { error: { code: string; message: string; field?: string; requestId?: string } };
const errorOf = async (response: Response) => {
  const { error } = (await response.json()) as ErrorJson;
  // The request ID differs per request by design; everything else must not.
  return { status: response.status, ...error, requestId: undefined };
};

const auditActions = async (entityId: string) =>
  (
    await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_type', 'data'])
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute()
  ).map((row) => ({ action: row.action, actor: row.actor_type, data: row.data as Record<string, unknown> }));

describe('staff login', () => {
  it('signs in with the right password: a session cookie and a CSRF token', async () => {
    const staff = await staffUser();
    const response = await login({ login: staff.login, password: FIXTURE_PASSWORD });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Session;
    expect(body.actor).toEqual({
      kind: 'staff',
      userId: staff.id,
      login: staff.login,
      fullName: `Fixture ${staff.login}`,
      role: 'clerk',
      districtKato: '999100000',
      kindergartenId: null,
      mustChangePassword: false,
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const actions = await auditActions(staff.id);
    expect(actions.map(({ action, actor }) => ({ action, actor }))).toEqual([
      { action: 'auth.staffLogin.succeeded', actor: 'staff' },
    ]);
  });

  it('verifies real scrypt hashes and never logs the password', async () => {
    const staff = await staffUser(await hashPassword('correct horse battery staple'));
    expect((await login({ login: staff.login, password: 'correct horse battery staples' })).status).toBe(401);
    expect((await login({ login: staff.login, password: 'correct horse battery staple' })).status).toBe(200);
    const logged = JSON.stringify(await auditActions(staff.id));
    expect(logged).not.toContain('battery');
  });

  it('answers an unknown login exactly like a wrong password', async () => {
    const staff = await staffUser();
    const wrong = await errorOf(await login({ login: staff.login, password: 'nope' }));
    const unknown = await errorOf(await login({ login: 'nobody.here', password: 'nope' }));
    expect(wrong).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'The login or password is incorrect',
    });
    expect(unknown).toEqual(wrong);
  });

  it(`locks the account for 15 minutes after ${MAX_FAILED_LOGINS} failures in a row, then lets it in`, async () => {
    const staff = await staffUser();
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1)
      statuses.push((await login({ login: staff.login, password: `wrong-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const blocked = await login({ login: staff.login, password: FIXTURE_PASSWORD });
    expect(blocked.headers.get('retry-after')).toBe(String(LOCKOUT_MS / 1000));
    const locked = await errorOf(blocked);
    expect(locked).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    t.clock.advance(LOCKOUT_MS - 1000);
    const almost = await login({ login: staff.login, password: FIXTURE_PASSWORD });
    expect(almost.status).toBe(429);
    expect(almost.headers.get('retry-after')).toBe('1'); // the second left, so a client knows when to retry
    t.clock.advance(1000);
    expect((await login({ login: staff.login, password: FIXTURE_PASSWORD })).status).toBe(200);
    const actions = (await auditActions(staff.id)).map((a) => a.action);
    expect(actions.filter((a) => a === 'auth.staffLogin.locked')).toHaveLength(1);
    expect(actions.at(-1)).toBe('auth.staffLogin.succeeded');
  });

  it('a success resets the count of failures', async () => {
    const staff = await staffUser();
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i += 1) await login({ login: staff.login, password: 'wrong' });
    expect((await login({ login: staff.login, password: FIXTURE_PASSWORD })).status).toBe(200);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i += 1)
      expect((await login({ login: staff.login, password: 'wrong' })).status).toBe(401);
  });

  it('locks unknown logins the same way, so a lockout does not reveal that a login exists', async () => {
    const staff = await staffUser();
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i <= MAX_FAILED_LOGINS; i += 1) {
      known.push(await errorOf(await login({ login: staff.login, password: 'wrong' })));
      unknown.push(await errorOf(await login({ login: `ghost.${serial}`, password: 'wrong' })));
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatchObject({ status: 429 });
  });

  it('replaces a presented session (no session fixation) and records who signed in', async () => {
    const first = await loginAs(t, 'clerkDistrict1');
    const response = await login({ login: 'fixture.clerk1', password: FIXTURE_PASSWORD }, first.headers);
    expect(response.status).toBe(200);
    const old = await t.app.request('/api/auth/session', { headers: first.headers });
    expect(((await old.json()) as Session).actor.kind).toBe('public');
  });

  it.each([
    [{ login: '', password: 'x' }, 'login'],
    [{ login: 'a', password: '' }, 'password'],
    [{ login: 'a', password: 'x'.repeat(201) }, 'password'],
  ])('rejects %j naming the field', async (body, field) => {
    expect(await errorOf(await login(body))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', field });
  });
});

describe('OpenAPI', () => {
  it('documents the auth endpoints with the cookie and CSRF security schemes', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/session',
        '/api/auth/staff/login',
        '/api/auth/logout',
        '/api/auth/applicant/challenge',
        '/api/auth/applicant/login',
      ]),
    );
    expect(doc.components.securitySchemes).toEqual({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'kezek_session' },
      csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
    expect(doc.paths['/api/auth/logout']?.post?.security).toEqual([{ sessionCookie: [], csrfToken: [] }, {}]);
  });
});
