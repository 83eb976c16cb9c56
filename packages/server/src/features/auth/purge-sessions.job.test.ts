import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureStaffUser } from '../../testing/auth-fixtures.repository';
import { FIXTURE_PASSWORD, openAuthTestApp, type AuthTestApp } from '../../testing/auth-fixtures';
import { silentLog } from '../../testing/test-app';
import { purgeSessionsJob } from './purge-sessions.job';

let t: AuthTestApp;
beforeAll(async () => {
  t = await openAuthTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;

async function signIn(n: number): Promise<string> {
  const staff = {
    id: `e1000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    login: `purge.test${n}`,
    role: 'operator' as const,
    districtKato: null,
    kindergartenId: null,
  };
  await ensureStaffUser(t.handle.db, staff, `test$${FIXTURE_PASSWORD}`, t.clock.now());
  const response = await t.app.request('/api/auth/staff/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: staff.login, password: FIXTURE_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return staff.id;
}

const sessionsOf = async (staffUserId: string) =>
  (await t.handle.db.selectFrom('sessions').select('id').where('staff_user_id', '=', staffUserId).execute())
    .length;

describe('purgeSessions job', () => {
  it('deletes sessions that can never be used again and keeps live ones; a second run deletes nothing', async () => {
    const idle = await signIn(1);
    t.clock.advance(20 * MINUTE);
    const live = await signIn(2);
    t.clock.advance(15 * MINUTE); // the first has been idle 35 minutes (limit 30), the second 15
    const job = purgeSessionsJob({ db: t.handle.db });
    const ctx = { log: silentLog, attempt: 1 };
    expect(await job.handler(t.clock.now(), ctx)).toEqual({ sessions: 1 });
    expect([await sessionsOf(idle), await sessionsOf(live)]).toEqual([0, 1]);
    expect(await job.handler(t.clock.now(), ctx)).toEqual({ sessions: 0 });
    t.clock.advance(13 * 60 * MINUTE); // past the 12-hour absolute expiry
    expect(await job.handler(t.clock.now(), ctx)).toEqual({ sessions: 1 });
  });
});
