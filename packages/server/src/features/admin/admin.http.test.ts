import type { CalendarYearView, ErrorBody, PolicyOverview, Territory } from '@kezek/contracts';
import { localDate } from '@kezek/domain';
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

// TEST_NOW is Monday 2026-03-02 10:00 national time.
const at = (text: string) => new Date(text);

const call = (persona: Persona, method: string, path: string, body?: unknown) =>
  callAs(t, persona, method, path, body);

const change = (overrides: Record<string, unknown> = {}) => ({
  region: FIXTURE_TERRITORY.region,
  effectiveFrom: '2026-03-10',
  set: { windowOpens: '08:00', leftoverFirstN: 500 },
  reason: 'Akimat decree No. 12 of 2026-02-27',
  ...overrides,
});

describe('policy per region with effective dates (G-12)', () => {
  it('G-12, R-SYS-05: a change is in force from 00:00 of its date, in its region, and listed with its reason', async () => {
    const created = await call('regionalAdmin', 'POST', '/api/admin/policy-changes', change());
    expect(created).toMatchObject({ status: 201, body: { effectiveFrom: '2026-03-10T00:00:00+05:00' } });
    const { settlement1 } = FIXTURE_TERRITORY;
    expect(t.rules.policyFor(settlement1, at('2026-03-09T18:59:59Z')).windowOpens).toBe('07:00');
    expect(t.rules.policyFor(settlement1, at('2026-03-09T19:00:00Z'))).toMatchObject({
      windowOpens: '08:00',
      leftoverFirstN: 500,
      referralValidityWorkingDays: 5,
    });
    expect(t.rules.policyFor('111111111', at('2026-03-11T00:00:00Z')).windowOpens).toBe('07:00');
    const overview = await call('auditor', 'GET', `/api/admin/policy?region=${FIXTURE_TERRITORY.region}`);
    const body = overview.body as PolicyOverview;
    expect(body.inForce.windowOpens).toBe('07:00'); // not yet: the change starts on the 10th
    expect(body.changes[0]).toMatchObject({ region: FIXTURE_TERRITORY.region, reason: change().reason });
    expect(body.defaults.leftoverFirstN).toBe(1000);
  });

  it.each([
    ['today', change({ effectiveFrom: '2026-03-02' }), 422, 'effectiveFrom'],
    ['an unknown policy field', change({ set: { openingHour: 7 } }), 400, 'set.openingHour'],
    ['a value of the wrong kind', change({ set: { leftoverFirstN: 0 } }), 400, 'set.leftoverFirstN'],
    ['nothing to change', change({ set: {} }), 400, 'set'],
    ['an unknown region', change({ region: '123456789' }), 400, 'region'],
    [
      'R-ORDER-03: the queue order',
      change({ set: { generalPerPriority: 2 } }),
      422,
      'set.generalPerPriority',
    ],
    ['no reason', change({ reason: '' }), 400, 'reason'],
  ])('G-12: refuses %s, naming the field', async (_case, body, status, field) => {
    const answer = await call('regionalAdmin', 'POST', '/api/admin/policy-changes', body);
    expect(answer.status).toBe(status);
    expect((answer.body as ErrorBody).error.field).toBe(field);
  });
});

describe('the working-day calendar (R-TIME-02)', () => {
  it('R-TIME-02: shows the built-in year, takes a new day off after today, refuses to change a past day', async () => {
    const before = await call('regionalAdmin', 'GET', '/api/admin/calendar/2026');
    const builtIn = before.body as CalendarYearView;
    expect(builtIn).toMatchObject({ year: 2026, source: 'built-in', updatedAt: null });
    expect(builtIn.holidays).toContain('2026-01-01');
    expect(t.rules.calendar.isWorkingDay(localDate('2026-06-01'))).toBe(true);
    const set = await call('regionalAdmin', 'PUT', '/api/admin/calendar/2026', {
      holidays: [...builtIn.holidays, '2026-06-01'],
      workdays: builtIn.workdays,
      source: 'Government decree No. 100 of 2026-02-20',
    });
    expect(set).toMatchObject({ status: 200, body: { source: 'Government decree No. 100 of 2026-02-20' } });
    expect(t.rules.calendar.isWorkingDay(localDate('2026-06-01'))).toBe(false);
    const past = await call('regionalAdmin', 'PUT', '/api/admin/calendar/2026', {
      holidays: [...builtIn.holidays, '2026-06-01', '2026-02-27'],
      workdays: builtIn.workdays,
      source: 'Government decree No. 101',
    });
    expect(past.status).toBe(422);
    expect((past.body as ErrorBody).error).toMatchObject({ field: 'holidays', rule: 'R-TIME-02' });
    const weekday = await call('regionalAdmin', 'PUT', '/api/admin/calendar/2026', {
      holidays: builtIn.holidays,
      workdays: ['2026-06-02'],
      source: 'Government decree No. 102',
    });
    expect(weekday.status).toBe(400);
    expect((weekday.body as ErrorBody).error.field).toBe('workdays');
  });
});

describe('territory', () => {
  it('lists regions, districts and settlements, and adds a settlement under its district', async () => {
    const added = await call('regionalAdmin', 'POST', '/api/admin/settlements', {
      kato: '999130000',
      district: FIXTURE_TERRITORY.district1,
      name: { kk: 'Жаңа ауыл', ru: 'Новое село', en: 'New village' },
    });
    expect(added.status).toBe(201);
    const territory = (await call('auditor', 'GET', '/api/admin/territory')).body as Territory;
    const district = territory.regions
      .find((r) => r.kato === FIXTURE_TERRITORY.region)
      ?.districts.find((d) => d.kato === FIXTURE_TERRITORY.district1);
    expect(district?.settlements.map((s) => s.kato)).toContain('999130000');
    // The new settlement belongs to its region's policy at once.
    expect(t.rules.policyFor('999130000', at('2026-03-11T00:00:00Z')).windowOpens).toBe('08:00');
    const again = await call('regionalAdmin', 'POST', '/api/admin/settlements', {
      kato: '999130000',
      district: FIXTURE_TERRITORY.district1,
      name: { kk: 'Ауыл', ru: 'Село', en: 'Village' },
    });
    expect(again.status).toBe(409);
    const elsewhere = await call('regionalAdmin', 'POST', '/api/admin/settlements', {
      kato: '999230000',
      district: FIXTURE_TERRITORY.district1,
      name: { kk: 'Ауыл', ru: 'Село', en: 'Village' },
    });
    expect((elsewhere.body as ErrorBody).error.field).toBe('kato');
  });
});

const readers = { ...everyone(403), public: 401, regionalAdmin: 200, auditor: 200 };
describeAccessMatrix<Record<string, never>>(
  'admin — every endpoint × every role (the auditor reads, only the regional admin changes)',
  [
    { name: 'policy', method: 'GET', path: () => '/api/admin/policy', expect: readers },
    {
      name: 'add a policy change',
      method: 'POST',
      path: () => '/api/admin/policy-changes',
      body: () => change({ effectiveFrom: '2026-04-01', set: { interestGraceDays: 31 } }),
      expect: { ...everyone(403), public: 401, regionalAdmin: 201 },
    },
    { name: 'calendar year', method: 'GET', path: () => '/api/admin/calendar/2027', expect: readers },
    {
      name: 'set a calendar year',
      method: 'PUT',
      path: () => '/api/admin/calendar/2028',
      body: () => ({ holidays: ['2028-01-03'], workdays: [], source: 'Government decree No. 5' }),
      expect: { ...everyone(403), public: 401, regionalAdmin: 200 },
    },
    { name: 'territory', method: 'GET', path: () => '/api/admin/territory', expect: readers },
    {
      name: 'add a settlement',
      method: 'POST',
      path: () => '/api/admin/settlements',
      body: () => ({
        kato: '999240000',
        district: FIXTURE_TERRITORY.district2,
        name: { kk: 'Ауыл', ru: 'Село', en: 'Village' },
      }),
      expect: { ...everyone(403), public: 401, regionalAdmin: 201 },
    },
  ],
  () => ({ t, world: {} }),
);
