import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, migrate, type DbHandle } from '@kezek/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnKezek } from '../e2e/support/server';
import {
  doubleBookings,
  RUSH_NOW,
  rushClaim,
  scratchDatabase,
  seedRush,
  type RushClient,
} from '../packages/server/src/testing/rush-world';

/**
 * Issue 6, R-WIN-10: the server is killed (SIGKILL, nothing flushed) in the middle of the 07:00 rush and started
 * again on the same database — on PGlite's data directory, or on PostgreSQL when TEST_DATABASE_URL is set. Every
 * claim that was acknowledged is there, none twice; no unit is referred twice; a claim retried with its
 * Idempotency-Key after the restart gets its first answer back.
 */

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const CLIENTS = 240;
const UNITS = 80;

type Database = { env: Record<string, string>; open: () => Promise<DbHandle>; drop: () => Promise<void> };

async function scratch(): Promise<Database> {
  const url = process.env['TEST_DATABASE_URL'];
  if (url) {
    const database = await scratchDatabase(url, `kezek_crash_${process.pid}`);
    return {
      env: { DATABASE_URL: database.url },
      open: () => createDb({ engine: 'postgres', url: database.url, poolSize: 2 }),
      drop: database.drop,
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'kezek-crash-'));
  return {
    env: { DATA_DIR: dataDir },
    open: () => createDb({ engine: 'pglite', dataDir }),
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The referral a claim's answer names, when the server acknowledged it (201 issued, 200 a retry's first answer). */
async function acknowledgedReferral(response: Response): Promise<string | undefined> {
  if (response.status !== 201 && response.status !== 200) return undefined;
  const body = (await response.json()) as { items: Array<{ id: string }> };
  return body.items[0]?.id;
}

let database: Database;
let placeId: string;
let clients: RushClient[];
let logFile: string;

beforeAll(async () => {
  database = await scratch();
  const handle = await database.open();
  try {
    await migrate(handle.db);
    ({ placeId, clients } = await seedRush(handle.db, { clients: CLIENTS, units: UNITS }));
  } finally {
    await handle.close();
  }
  logFile = join(tmpdir(), `kezek-crash-${process.pid}.log`);
}, 120_000);
afterAll(() => database.drop());

describe('kill -9 in the middle of the rush', () => {
  it('keeps every acknowledged claim, once; never refers a unit twice; answers retries with the first result', async () => {
    const env = {
      ...database.env,
      KEZEK_NOW: RUSH_NOW.toISOString(),
      KEZEK_DEMO: 'false',
      LOG_LEVEL: 'warn',
      KEZEK_DEV_LATENCY_MS: '0-0',
    };
    const first = await spawnKezek(repoRoot, env, logFile);
    const acknowledged = new Map<number, string>();
    let unanswered = 0;
    const rush = clients.map(async (client) => {
      try {
        const referral = await acknowledgedReferral(await rushClaim(first.baseUrl, placeId, client));
        if (referral !== undefined) acknowledged.set(client.n, referral);
      } catch {
        unanswered += 1; // the connection died with the server: not acknowledged
      }
    });
    const deadline = Date.now() + 60_000;
    while (acknowledged.size < UNITS / 4 && Date.now() < deadline) await sleep(5);
    await first.kill();
    await Promise.all(rush);
    expect(acknowledged.size, 'claims acknowledged before the crash').toBeGreaterThan(0);
    expect(unanswered, 'claims cut off by the crash').toBeGreaterThan(0);

    const second = await spawnKezek(repoRoot, env, logFile);
    try {
      for (const client of clients) {
        const response = await rushClaim(second.baseUrl, placeId, client);
        const before = acknowledged.get(client.n);
        if (before !== undefined) {
          expect(response.status, `client ${client.n}: a retry after the restart`).toBe(200);
          expect(await acknowledgedReferral(response)).toBe(before);
        } else expect([200, 201, 409]).toContain(response.status);
      }
    } finally {
      await second.stop();
    }

    const handle = await database.open();
    try {
      const { count, live } = await doubleBookings(handle.db, placeId);
      expect(count, 'units referred twice').toBe(0);
      for (const referral of acknowledged.values())
        expect(live.has(referral), `referral ${referral}`).toBe(true);
      expect(live.size, 'every unit taken once the retries are through').toBe(UNITS);
      const perChild = await handle.db
        .selectFrom('referrals')
        .select((eb) => ['child_id', eb.fn.countAll<number>().as('live')])
        .where('status', 'in', ['issued', 'extended'])
        .groupBy('child_id')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      expect(perChild, 'children with two live referrals').toEqual([]);
    } finally {
      await handle.close();
    }
  }, 240_000);
});
