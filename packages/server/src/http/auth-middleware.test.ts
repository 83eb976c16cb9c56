import type { Session } from '@kezek/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, openAuthTestApp, type AuthTestApp, type SignedIn } from '../testing/auth-fixtures';
import { sha256Hex } from '../features/auth/auth-secrets';
import { SESSION_POLICY } from '../features/auth/session-policy';

let t: AuthTestApp;
beforeAll(async () => {
  t = await openAuthTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;
const cookieOf = (signedIn: SignedIn) => ({ cookie: signedIn.headers.cookie ?? '' });

const sessionOf = async (headers: Record<string, string>) => {
  const response = await t.app.request('/api/auth/session', { headers });
  return { response, body: (await response.json()) as Session };
};

const logout = (headers: Record<string, string>, url = 'http://localhost/api/auth/logout') =>
  t.app.request(url, { method: 'POST', headers });

const errorOf = async (response: Response) => ({
  status: response.status,
  ...((await response.json()) as { error: { code: string; field?: string } }).error,
});

const tokenHash = (signedIn: SignedIn) => sha256Hex((signedIn.headers.cookie ?? '').split('=')[1] ?? '');

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, host-only, and not Secure over plain HTTP', async () => {
    const response = await t.app.request('/api/auth/staff/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'nobody', password: 'x' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    await loginAs(t, 'auditor');
    const signed = await t.app.request('/api/auth/staff/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'fixture.auditor', password: 'fixture-password-1' }),
    });
    const cookie = signed.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kezek_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(cookie).not.toMatch(/Domain|Max-Age|Expires|Secure/i);
  });

  it.each([
    ['https://localhost/api/auth/staff/login', {}],
    ['http://localhost/api/auth/staff/login', { 'x-forwarded-proto': 'https' }],
  ])('is Secure when the request came over HTTPS (%s %j)', async (url, headers) => {
    const response = await t.app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ login: 'fixture.auditor', password: 'fixture-password-1' }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('stores only hashes: neither the session token nor the CSRF token is in the database', async () => {
    const signedIn = await loginAs(t, 'clerkDistrict1');
    const token = (signedIn.headers.cookie ?? '').split('=')[1] ?? '';
    const row = await t.handle.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', sha256Hex(token))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(signedIn.session.csrfToken);
    expect(row.csrf_token_hash).toBe(sha256Hex(signedIn.session.csrfToken ?? ''));
  });
});

describe('session lifetime', () => {
  it('GET /api/auth/session gives the actor and the same CSRF token; anonymous gets none', async () => {
    const signedIn = await loginAs(t, 'clerkDistrict1');
    const { body } = await sessionOf(cookieOf(signedIn));
    expect(body).toEqual(signedIn.session);
    // Anonymous: no token; the signer tells the sign-in page whether NCALayer is needed (here the dev stand-in).
    expect((await sessionOf({})).body).toEqual({
      actor: { kind: 'public' },
      csrfToken: null,
      signer: 'development',
    });
  });

  it('ends after 30 idle minutes and clears the cookie', async () => {
    const signedIn = await loginAs(t, 'applicantA');
    t.clock.advance(SESSION_POLICY.applicant.idleMs - MINUTE);
    expect((await sessionOf(cookieOf(signedIn))).body.actor.kind).toBe('applicant');
    t.clock.advance(SESSION_POLICY.applicant.idleMs);
    const { response, body } = await sessionOf(cookieOf(signedIn));
    expect(body.actor.kind).toBe('public');
    expect(response.headers.get('set-cookie')).toMatch(
      /^kezek_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/,
    );
  });

  it('slides with activity but ends 12 hours after sign-in whatever the activity', async () => {
    const signedIn = await loginAs(t, 'regionalAdmin');
    const steps = SESSION_POLICY.staff.absoluteMs / (20 * MINUTE);
    for (let step = 1; step < steps; step += 1) {
      t.clock.advance(20 * MINUTE);
      expect((await sessionOf(cookieOf(signedIn))).body.actor.kind).toBe('staff');
    }
    t.clock.advance(20 * MINUTE);
    expect((await sessionOf(cookieOf(signedIn))).body.actor.kind).toBe('public');
  });

  it('records activity at most once a minute', async () => {
    const signedIn = await loginAs(t, 'auditor');
    const lastSeen = async () =>
      (
        await t.handle.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('id', '=', tokenHash(signedIn))
          .executeTakeFirstOrThrow()
      ).last_seen_at.getTime();
    const signedInAt = await lastSeen();
    t.clock.advance(30_000);
    await sessionOf(cookieOf(signedIn));
    expect(await lastSeen()).toBe(signedInAt);
    t.clock.advance(30_000);
    await sessionOf(cookieOf(signedIn));
    expect(await lastSeen()).toBe(t.clock.now().getTime());
  });

  it('logout revokes the session, clears the cookie and is audited', async () => {
    const signedIn = await loginAs(t, 'kindergartenStaff');
    const response = await logout(signedIn.headers);
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^kezek_session=; Max-Age=0/);
    expect((await sessionOf(cookieOf(signedIn))).body.actor.kind).toBe('public');
    const row = await t.handle.db
      .selectFrom('audit_log')
      .select(['actor_type', 'actor_id'])
      .where('action', '=', 'auth.logout')
      .where('entity_id', '=', tokenHash(signedIn))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      actor_type: 'staff',
      actor_id: signedIn.session.actor.kind === 'staff' ? signedIn.session.actor.userId : '',
    });
    expect((await logout({})).status).toBe(204);
  });
});

describe('CSRF and cross-site writes', () => {
  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-csrf-token': 'A'.repeat(43) }],
  ])('a session write with %s is 403 naming x-csrf-token, and changes nothing', async (_name, csrf) => {
    const signedIn = await loginAs(t, 'clerkDistrict2');
    const response = await logout({ ...cookieOf(signedIn), ...csrf });
    expect(await errorOf(response)).toMatchObject({ status: 403, code: 'FORBIDDEN', field: 'x-csrf-token' });
    expect((await sessionOf(cookieOf(signedIn))).body.actor.kind).toBe('staff');
  });

  it("another session's token does not pass", async () => {
    const mine = await loginAs(t, 'applicantA');
    const theirs = await loginAs(t, 'applicantB');
    const response = await logout({
      ...cookieOf(mine),
      'x-csrf-token': theirs.headers['X-CSRF-Token'] ?? '',
    });
    expect(response.status).toBe(403);
  });

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }, 'origin'],
    ['Origin null', { origin: 'null' }, 'origin'],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }, 'sec-fetch-site'],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }, 'sec-fetch-site'],
  ])('refuses a write with %s, even with a valid token', async (_name, headers, field) => {
    const signedIn = await loginAs(t, 'clerkDistrict1');
    const response = await logout({ ...signedIn.headers, ...headers });
    expect(await errorOf(response)).toMatchObject({ status: 403, code: 'FORBIDDEN', field });
  });

  it('refuses a cross-site login form (login CSRF), though there is no session yet', async () => {
    const response = await t.app.request('/api/auth/staff/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ login: 'fixture.clerk1', password: 'fixture-password-1' }),
    });
    expect(response.status).toBe(403);
  });

  it('accepts a same-origin write and leaves reads alone', async () => {
    const signedIn = await loginAs(t, 'clerkDistrict1');
    const response = await logout({
      ...signedIn.headers,
      origin: 'http://localhost',
      'sec-fetch-site': 'same-origin',
    });
    expect(response.status).toBe(204);
    const read = await t.app.request('/api/public/overview', {
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(read.status).toBe(200);
  });
});
