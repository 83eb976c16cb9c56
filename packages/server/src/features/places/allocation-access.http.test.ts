import type { PlaceView } from '@kezek/contracts';
import { afterAll, beforeAll } from 'vitest';
import { describeAccessMatrix, everyone, type AccessRow } from '../../testing/access-matrix';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import { loginAs, openAuthTestApp, type AuthTestApp } from '../../testing/auth-fixtures';
import { insertGroup } from './places.fixtures';

/** Who may call the allocation cycle's supply-side endpoints: places, bulletins, the applicant's windows. */

type World = { kindergarten: string; group: string; place: string };

let t: AuthTestApp;
let world: World;
const MISSING = '00000000-0000-4000-8000-00000000beef';

beforeAll(async () => {
  t = await openAuthTestApp();
  await ensureFixtureTerritory(t.handle.db, t.clock.now());
  const group = await insertGroup(t.handle.db);
  const kindergarten = FIXTURE_TERRITORY.kindergarten1;
  const { headers } = await loginAs(t, 'kindergartenStaff');
  const response = await t.app.request(`/api/kindergartens/${kindergarten}/places`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ groupId: group, count: 50, admission: 'general' }),
  });
  world = { kindergarten, group, place: ((await response.json()) as PlaceView).id };
});
afterAll(() => t.close());

const staffOnly = (status: number) => ({ ...everyone(403), public: 401, kindergartenStaff: status });

const ROWS: AccessRow<World>[] = [
  {
    name: "a kindergarten's groups and places",
    method: 'GET',
    path: (w) => `/api/kindergartens/${w.kindergarten}/places`,
    missingPath: () => `/api/kindergartens/${MISSING}/places`,
    expect: {
      public: 401,
      applicantA: 403,
      applicantB: 403,
      clerkDistrict1: 200,
      clerkDistrict2: 'hidden',
      kindergartenStaff: 200,
      regionalAdmin: 200,
      auditor: 200,
      operator: 403,
    },
  },
  {
    name: 'report places',
    method: 'POST',
    path: (w) => `/api/kindergartens/${w.kindergarten}/places`,
    body: (w) => ({ groupId: w.group, count: 1, admission: 'general' }),
    expect: staffOnly(201),
  },
  {
    name: 'revoke places',
    method: 'POST',
    path: (w) => `/api/places/${w.place}/revoke`,
    body: () => ({ count: 1 }),
    expect: staffOnly(200),
  },
  {
    // A general-mode place is never waiting: its staff get the rule's 409, everyone else no further.
    name: 'report an early-booked place vacated',
    method: 'POST',
    path: (w) => `/api/places/${w.place}/vacated`,
    expect: staffOnly(409),
  },
  { name: 'public bulletins', method: 'GET', path: () => '/api/public/bulletins', expect: everyone(200) },
  {
    name: 'a public bulletin that does not exist',
    method: 'GET',
    path: () => '/api/public/bulletins/999999',
    expect: everyone(404),
  },
  {
    name: "the applicant's windows",
    method: 'GET',
    path: () => '/api/my/windows',
    expect: { ...everyone(403), public: 401, applicantA: 200, applicantB: 200 },
  },
];

describeAccessMatrix('access matrix: places, bulletins, windows', ROWS, () => ({ t, world }));
