import type { ErrorBody, Session, StaffAccountWithPassword, StaffPage } from '@kezek/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAccessMatrix, everyone } from '../../testing/access-matrix';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import { callAs, openAuthTestApp, type AuthTestApp, type Persona } from '../../testing/auth-fixtures';

let t: AuthTestApp;
beforeAll(async () => {
  t = await openAuthTestApp();
  await ensureFixtureTerritory(t.handle.db, t.clock.now());
});
afterAll(() => t.close());

const call = (persona: Persona, method: string, path: string, body?: unknown) =>
  callAs(t, persona, method, path, body);

/** Signs in with a password as the staff member themselves; the session's headers, or the status. */
async function signIn(login: string, password: string) {
  const response = await t.app.request('/api/auth/staff/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (response.status !== 200) return { status: response.status, headers: {} as Record<string, string> };
  const session = (await response.json()) as Session;
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: 200, session, headers: { cookie, 'x-csrf-token': session.csrfToken ?? '' } };
}

const newClerk = (login: string) => ({
  login,
  fullName: 'Жанар Сейітова',
  role: 'clerk',
  districtKato: FIXTURE_TERRITORY.district1,
});

describe('staff accounts', () => {
  it('opens an account with a one-time password that must be changed before anything else', async () => {
    const created = await call('regionalAdmin', 'POST', '/api/admin/staff', newClerk('clerk.new1'));
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { account, temporaryPassword } = created.body as StaffAccountWithPassword;
    expect(account).toMatchObject({
      login: 'clerk.new1',
      role: 'clerk',
      mustChangePassword: true,
      disabled: false,
    });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    const first = await signIn('clerk.new1', temporaryPassword);
    expect(first.session?.actor).toMatchObject({ kind: 'staff', mustChangePassword: true });
    const change = (newPassword: string, currentPassword = temporaryPassword) =>
      t.app.request('/api/auth/staff/password', {
        method: 'POST',
        headers: { ...first.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword, newPassword }),
      });
    const short = await change('short');
    expect(((await short.json()) as ErrorBody).error.field).toBe('newPassword');
    const wrong = await change('a much longer password 1', 'not-the-password');
    expect(((await wrong.json()) as ErrorBody).error.field).toBe('currentPassword');
    expect((await change('Алатау таулары 2026!')).status).toBe(200);
    expect((await signIn('clerk.new1', temporaryPassword)).status).toBe(401);
    const again = await signIn('clerk.new1', 'Алатау таулары 2026!');
    expect(again.session?.actor).toMatchObject({ mustChangePassword: false });
  });

  it('refuses a taken login, a clerk without a district and a district for another role, naming the field', async () => {
    await call('regionalAdmin', 'POST', '/api/admin/staff', newClerk('clerk.new2'));
    const cases: [unknown, number, string][] = [
      [newClerk('clerk.new2'), 409, 'login'],
      [{ ...newClerk('clerk.new3'), districtKato: null }, 400, 'districtKato'],
      [{ ...newClerk('auditor.new'), role: 'auditor' }, 400, 'districtKato'],
      [{ ...newClerk('clerk.new4'), districtKato: '123456789' }, 400, 'districtKato'],
      [{ ...newClerk('Bad Login!') }, 400, 'login'],
    ];
    for (const [body, status, field] of cases) {
      const answer = await call('regionalAdmin', 'POST', '/api/admin/staff', body);
      expect([answer.status, (answer.body as ErrorBody).error.field]).toEqual([status, field]);
    }
  });

  it('a disabled account is signed out at once and cannot sign in; a reset lifts a lockout and ends sessions', async () => {
    const { account, temporaryPassword } = (
      await call('regionalAdmin', 'POST', '/api/admin/staff', newClerk('clerk.new5'))
    ).body as StaffAccountWithPassword;
    const live = await signIn('clerk.new5', temporaryPassword);
    const disabled = await call('regionalAdmin', 'POST', `/api/admin/staff/${account.id}/disabled`, {
      disabled: true,
      reason: 'moved to another district',
    });
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
    const after = await t.app.request('/api/auth/session', { headers: live.headers });
    expect(((await after.json()) as Session).actor.kind).toBe('public');
    expect((await signIn('clerk.new5', temporaryPassword)).status).toBe(401);
    await call('regionalAdmin', 'POST', `/api/admin/staff/${account.id}/disabled`, {
      disabled: false,
      reason: 'back again',
    });
    const reset = (await call('regionalAdmin', 'POST', `/api/admin/staff/${account.id}/password-reset`))
      .body as StaffAccountWithPassword;
    expect(reset.temporaryPassword).not.toBe(temporaryPassword);
    expect((await signIn('clerk.new5', reset.temporaryPassword)).status).toBe(200);
    const page = (await call('auditor', 'GET', '/api/admin/staff?q=clerk.new&role=clerk')).body as StaffPage;
    expect(page.items.map((a) => a.login)).toEqual(['clerk.new1', 'clerk.new2', 'clerk.new5']);
    const actions = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', account.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['staff.created', 'staff.disabled', 'staff.enabled', 'staff.passwordReset']),
    );
  });

  it('an admin cannot disable their own account', async () => {
    const me = (await call('regionalAdmin', 'GET', '/api/auth/session')).body as Session;
    const id = me.actor.kind === 'staff' ? me.actor.userId : '';
    const answer = await call('regionalAdmin', 'POST', `/api/admin/staff/${id}/disabled`, {
      disabled: true,
      reason: 'by mistake',
    });
    expect((answer.body as ErrorBody).error.field).toBe('disabled');
  });
});

const MISSING = '00000000-0000-4000-8000-00000000abcd';
describeAccessMatrix<Record<string, never>>(
  'staff accounts — every endpoint × every role',
  [
    {
      name: 'list',
      method: 'GET',
      path: () => '/api/admin/staff',
      expect: { ...everyone(403), public: 401, regionalAdmin: 200, auditor: 200 },
    },
    {
      name: 'open',
      method: 'POST',
      path: () => '/api/admin/staff',
      body: () => newClerk('clerk.matrix'),
      expect: { ...everyone(403), public: 401, regionalAdmin: 201 },
    },
    {
      name: 'reset a password',
      method: 'POST',
      path: () => `/api/admin/staff/${MISSING}/password-reset`,
      expect: { ...everyone(403), public: 401, regionalAdmin: 404 },
    },
    {
      name: 'disable',
      method: 'POST',
      path: () => `/api/admin/staff/${MISSING}/disabled`,
      body: () => ({ disabled: true, reason: 'left the service' }),
      expect: { ...everyone(403), public: 401, regionalAdmin: 404 },
    },
    {
      name: 'change my password',
      method: 'POST',
      path: () => '/api/auth/staff/password',
      body: () => ({ currentPassword: 'wrong-password', newPassword: 'a long enough password' }),
      expect: {
        ...everyone(400),
        public: 401,
        applicantA: 403,
        applicantB: 403,
      },
    },
  ],
  () => ({ t, world: {} }),
);
