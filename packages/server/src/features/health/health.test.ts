import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { checkReadiness } from './check-readiness';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('health and readiness', () => {
  it('GET /healthz answers 200', async () => {
    const response = await t.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is ready when the database answers and migrations are current', async () => {
    const response = await t.app.request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ready',
      database: { engine: t.handle.engine, reachable: true },
      migrations: { pending: [] },
    });
  });

  it('is not ready with a pending migration or an unreachable database', async () => {
    const pending = await checkReadiness(
      {
        ping: () => Promise.resolve(true),
        migrations: () =>
          Promise.resolve({
            applied: ['0001_a.sql'],
            expected: ['0001_a.sql', '0002_b.sql'],
            pending: ['0002_b.sql'],
          }),
      },
      'postgres',
    );
    expect(pending).toMatchObject({
      status: 'not-ready',
      migrations: { applied: 1, expected: 2, pending: ['0002_b.sql'] },
    });
    const down = await checkReadiness(
      { ping: () => Promise.resolve(false), migrations: () => Promise.reject(new Error('unreachable')) },
      'postgres',
    );
    expect(down).toMatchObject({ status: 'not-ready', database: { reachable: false } });
  });
});
