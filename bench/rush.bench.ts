import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createDb, migrate } from '@kezek/db';
import { sql } from 'kysely';
import pg from 'pg';
import { composeApp } from '../packages/server/src/compose';
import { authRepository } from '../packages/server/src/features/auth/auth.repository';
import { openSession } from '../packages/server/src/features/auth/open-session';
import { insertQueuedApplication } from '../packages/server/src/features/places/places.fixtures';
import { publishPlaceWithWindow } from '../packages/server/src/features/referrals/referrals.fixtures';
import { manualClock } from '../packages/server/src/platform/clock';
import { createLogger } from '../packages/server/src/platform/logger';
import { createPorts, parsePortsConfig } from '../packages/server/src/ports';
import {
  ensureFixtureTerritory,
  FIXTURE_TERRITORY,
} from '../packages/server/src/testing/auth-fixtures.repository';
import { median, quantile, round } from './support/stats';

export const description =
  'rush at 07:00 on PostgreSQL: 2,000 concurrent HTTP clients claim 500 places; claims/s, p50/p99, double bookings, vs pgbench of the same SQL';

const CLIENTS = 2000;
const PLACES = 500;
const BIRTH_YEAR = 2022;
// Monday 2 March 2026, 07:00:05 national time (UTC+5): five seconds into the window's opening.
const NOW = new Date('2026-03-02T02:00:05Z');
const PGBENCH_SECONDS = 10;

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `kezek_rush_${process.pid}`;
const databaseUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();

async function admin(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

/**
 * The statements one claim executes (claim-referral.ts, referrals.repository.ts), as one pgbench transaction. The
 * claim's UPDATE keeps the unit's status and the application's, so every transaction does the same work however
 * long the run: the raw rate of the same SQL without HTTP, Node or the domain.
 */
const PGBENCH_SCRIPT = `\\set n random(1, ${CLIENTS})
BEGIN;
SELECT id FROM applications WHERE id = (SELECT application_id FROM rush_map WHERE n = :n) FOR UPDATE;
SELECT a.*, s.district_kato, c.iin, c.birth_date, c.sen, c.pmpc_conclusion, p.iin FROM applications a JOIN children c ON c.id = a.child_id JOIN applicants p ON p.id = a.applicant_id JOIN settlements s ON s.kato = a.settlement_kato WHERE a.id = (SELECT application_id FROM rush_map WHERE n = :n);
SELECT r.id FROM referrals r WHERE r.idempotency_key = 'baseline:' || :n OR r.idempotency_key LIKE 'baseline:' || :n || '#%';
SELECT child_id FROM referrals WHERE child_id = (SELECT child_id FROM rush_map WHERE n = :n) AND status IN ('issued', 'extended');
SELECT p.*, k.ownership FROM places p JOIN kindergartens k ON k.id = p.kindergarten_id WHERE p.id = ':place';
SELECT * FROM place_units WHERE place_id = ':place' ORDER BY unit;
SELECT w.id, w.bulletin_ids, w.opens_at, w.closes_at, EXISTS (SELECT x.rank FROM window_access x WHERE x.window_id = w.id AND x.application_id = (SELECT application_id FROM rush_map WHERE n = :n)) FROM allocation_windows w WHERE w.queue_key = ':key';
UPDATE place_units SET version = version + 1 WHERE (place_id, unit) = (SELECT place_id, unit FROM place_units WHERE place_id = ':place' ORDER BY unit LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING unit;
SELECT a.number, a.version FROM applications a WHERE a.id = (SELECT application_id FROM rush_map WHERE n = :n);
SELECT count(*) FROM referrals WHERE application_id = (SELECT application_id FROM rush_map WHERE n = :n);
INSERT INTO rush_baseline_referrals (id, at) VALUES (gen_random_uuid(), now());
UPDATE applications SET version = version + 1 WHERE id = (SELECT application_id FROM rush_map WHERE n = :n);
SELECT g_since_p FROM queue_state WHERE queue_key = ':key';
INSERT INTO queue_state (queue_key, g_since_p) VALUES (':key', 0) ON CONFLICT (queue_key) DO UPDATE SET g_since_p = 0;
INSERT INTO queue_state (queue_key, version) VALUES (':key', 1) ON CONFLICT (queue_key) DO UPDATE SET version = queue_state.version + 1;
INSERT INTO queue_events (queue_key, at, kind, application_id, data) VALUES (':key', now(), 'baseline', (SELECT application_id FROM rush_map WHERE n = :n), '{}');
INSERT INTO audit_log (at, actor_type, actor_id, action, entity_type, entity_id, data) VALUES (now(), 'applicant', NULL, 'referral.baseline', 'referral', gen_random_uuid()::text, '{}');
SELECT r.* FROM referrals r JOIN applications a ON a.id = r.application_id LIMIT 1;
COMMIT;
`;

function pgbench(place: string, key: string, clients: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'kezek-rush-'));
  const script = join(dir, 'claim.sql');
  writeFileSync(script, PGBENCH_SCRIPT);
  const url = new URL(databaseUrl);
  const result = spawnSync(
    'pgbench',
    [
      '-n',
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      decodeURIComponent(url.username || 'postgres'),
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(PGBENCH_SECONDS),
      '-D',
      `place=${place}`,
      '-D',
      `key=${key}`,
      '-f',
      script,
      database,
    ],
    { encoding: 'utf8' },
  );
  rmSync(dir, { recursive: true, force: true });
  const tps = /tps = ([\d.]+)/.exec(result.stdout)?.[1];
  if (result.status !== 0 || tps === undefined)
    throw new Error(`pgbench failed (${result.status}): ${result.stderr}\n${result.stdout}`);
  return Number(tps);
}

export async function run(): Promise<Record<string, unknown>> {
  await admin(`DROP DATABASE IF EXISTS ${database}`);
  await admin(`CREATE DATABASE ${database}`);
  const handle = await createDb({ engine: 'postgres', url: databaseUrl, poolSize: 20 });
  const closers: Array<() => Promise<void>> = [
    () => admin(`DROP DATABASE IF EXISTS ${database}`),
    () => handle.close(),
  ];
  try {
    const { db } = handle;
    await migrate(db);
    await ensureFixtureTerritory(db, NOW);
    process.stderr.write(`seeding ${CLIENTS} queued applications and sessions…\n`);
    const auth = authRepository(db);
    const clients: Array<{ application: string; cookie: string; csrf: string }> = [];
    await db.schema
      .createTable('rush_map')
      .addColumn('n', 'integer', (c) => c.primaryKey())
      .addColumn('application_id', 'uuid')
      .addColumn('child_id', 'uuid')
      .execute();
    await db.schema
      .createTable('rush_baseline_referrals')
      .addColumn('id', 'uuid')
      .addColumn('at', 'timestamptz')
      .execute();
    for (let n = 1; n <= CLIENTS; n += 1) {
      const { applicationId, childId } = await insertQueuedApplication(db, {
        birthDate: `${BIRTH_YEAR}-05-05`,
        submittedAt: new Date(NOW.getTime() - 86_400_000 * 30 - n * 1000),
      });
      const row = await db
        .selectFrom('applications')
        .select('applicant_id')
        .where('id', '=', applicationId)
        .executeTakeFirstOrThrow();
      const session = await openSession(
        auth,
        { kind: 'applicant', applicantId: row.applicant_id },
        { now: NOW, ip: null, userAgent: 'rush', presentedSessionId: undefined, requestId: randomUUID() },
      );
      await sql`INSERT INTO rush_map (n, application_id, child_id) VALUES (${n}, ${applicationId}, ${childId})`.execute(
        db,
      );
      clients.push({
        application: applicationId,
        cookie: `kezek_session=${session.token}`,
        csrf: session.csrfToken,
      });
    }
    const { placeId } = await publishPlaceWithWindow(db, {
      birthYear: BIRTH_YEAR,
      units: PLACES,
      now: NOW,
      access: clients.map((client) => client.application),
      openedHoursAgo: 5 / 3600,
    });
    const key = `${FIXTURE_TERRITORY.settlement1}/${BIRTH_YEAR}/general`;

    const parsed = parsePortsConfig({
      KEZEK_DEV_LATENCY_MS: '0-0',
      KEZEK_DEV_FAILURE_RATE: '0',
      KEZEK_DEV_SEED: 'rush',
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const clock = manualClock(NOW);
    const log = createLogger('silent');
    const app = composeApp({
      db,
      engine: 'postgres',
      clock,
      log,
      ports: createPorts(parsed.config, { clock, log }),
      bodyLimitBytes: 100_000,
      trustedOrigins: [],
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
    });
    closers.unshift(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;

    process.stderr.write(`rush: ${CLIENTS} clients claim ${PLACES} places at once…\n`);
    const latencies: number[] = [];
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    const rushStarted = performance.now();
    await Promise.all(
      clients.map(async (client, i) => {
        const started = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}/api/referrals`, {
          method: 'POST',
          headers: {
            cookie: client.cookie,
            'x-csrf-token': client.csrf,
            'content-type': 'application/json',
            'idempotency-key': `rush-claim-${i}`,
          },
          body: JSON.stringify({ placeId, applicationIds: [client.application] }),
        });
        const body = (await response.json()) as { items?: Array<{ id: string }> };
        latencies.push(performance.now() - started);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 201) acknowledged.push(...(body.items ?? []).map((item) => item.id));
      }),
    );
    const rushSeconds = (performance.now() - rushStarted) / 1000;
    process.stderr.write(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}\n`);

    const reserved = await db
      .selectFrom('place_units')
      .select(['unit', 'referral_id'])
      .where('place_id', '=', placeId)
      .where('status', '=', 'reserved')
      .execute();
    const referrals = await db
      .selectFrom('referrals')
      .select(['id', 'unit'])
      .where('place_id', '=', placeId)
      .where('status', 'in', ['issued', 'extended'])
      .execute();
    const perUnit = new Map<number, number>();
    for (const referral of referrals) perUnit.set(referral.unit, (perUnit.get(referral.unit) ?? 0) + 1);
    const stored = new Set(referrals.map((referral) => referral.id));
    const doubleBookings =
      [...perUnit.values()].filter((count) => count > 1).length +
      reserved.filter((unit) => !stored.has(unit.referral_id ?? '')).length;
    const lostClaims = acknowledged.filter((id) => !stored.has(id)).length;

    process.stderr.write(`pgbench: the same statements for ${PGBENCH_SECONDS} s…\n`);
    const baselinePerSec = pgbench(placeId, key, 20);
    const claimsPerSec = CLIENTS / rushSeconds;
    return {
      clients: CLIENTS,
      places: PLACES,
      referrals: referrals.length,
      claimsPerSec: round(claimsPerSec, 1),
      baselinePerSec: round(baselinePerSec, 1),
      ratio: round(claimsPerSec / baselinePerSec, 3),
      p50Ms: round(median(latencies), 1),
      p99Ms: round(quantile(latencies, 0.99), 1),
      doubleBookings,
      lostClaims,
      targets: { ratio: 0.5, p99Ms: 250 },
    };
  } finally {
    for (const close of closers) await close().catch(() => undefined);
  }
}
