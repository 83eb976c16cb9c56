import type { DevClock } from '@kezek/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, travellingClock } from '../../platform/clock';
import { formatNational } from '../../platform/national-time';
import { openTestApp, TEST_NOW, type TestApp } from '../../testing/test-app';
import { devClockRoutes } from './dev-clock.routes';

/** The real time under the demo clock, moved by hand so the test does not depend on how long it runs. */
const real = manualClock(new Date('2030-01-01T00:00:00Z'));
const demo = travellingClock(TEST_NOW, real);
let t: TestApp;
let plain: TestApp;

beforeAll(async () => {
  t = await openTestApp({ routers: [devClockRoutes({ clock: demo, format: formatNational })] });
  plain = await openTestApp();
});
afterAll(async () => {
  await t.close();
  await plain.close();
});

const travel = (app: TestApp, to: unknown) =>
  app.app.request('/api/dev/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to }),
  });

describe('the demo clock (DEVELOPMENT ONLY)', () => {
  it('starts on the chosen day and runs with real time', () => {
    expect(demo.now()).toEqual(TEST_NOW);
    real.advance(60_000);
    expect(demo.now().getTime()).toBe(TEST_NOW.getTime() + 60_000);
  });

  it('POST /api/dev/clock moves it forward, never back, and names a bad instant', async () => {
    const moved = await travel(t, '2026-03-02T18:00:00+05:00');
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as DevClock).now).toBe('2026-03-02T18:00:00+05:00');
    expect(demo.now()).toEqual(new Date('2026-03-02T13:00:00Z'));
    real.advance(1_000);
    expect(demo.now()).toEqual(new Date('2026-03-02T13:00:01Z'));
    const back = await travel(t, '2026-03-02T10:00:00+05:00');
    expect(back.status).toBe(409);
    const bad = await travel(t, 'tomorrow');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field?: string } }).error.field).toBe('to');
  });

  it('is not there without a demo clock on development adapters', async () => {
    expect((await travel(plain, '2026-03-03T07:00:00+05:00')).status).toBe(404);
  });
});
