import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, migrate } from '@kezek/db';
import { sql } from 'kysely';
import {
  doubleBookings,
  RUSH_BIRTH_YEAR,
  RUSH_NOW,
  rushClaim,
  scratchDatabase,
  seedRush,
} from '../packages/server/src/testing/rush-world';
import { FIXTURE_TERRITORY } from '../packages/server/src/testing/auth-fixtures.repository';
import { spawnKezek } from '../e2e/support/server';
import { median, quantile, round } from './support/stats';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export const description =
  'rush at 07:00 on PostgreSQL: 2,000 concurrent HTTP clients claim 500 places; claims/s, p50/p99, double bookings, vs pgbench of the same SQL in the same mix of winning and losing claims';

const CLIENTS = 2000;
const PLACES = 500;
const PGBENCH_SECONDS = 10;

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The statements one winning claim executes (claim-referral.ts, referrals.repository.ts, the audit's register
 * leaves of the referral and its application in append-register-leaf.ts), in its order: the fast lane's two
 * reads, then one transaction in which the queue's counter row is locked last, by the statement that reads it,
 * and held to the commit. (The session's lookup, done for every request, is the HTTP server's cost.) The claim's UPDATE keeps the unit's status and the application's, so every transaction does the same work
 * however long the run: the raw rate of the same SQL without HTTP, Node or the domain.
 */
const WINNER_SCRIPT = `\\set n random(1, ${CLIENTS})
SELECT id FROM referrals WHERE idempotency_key = 'baseline:' || :n;
SELECT NOT EXISTS (SELECT u.unit FROM place_units u WHERE u.place_id = p.id AND u.status = 'published') FROM places p WHERE p.id = ':place';
BEGIN;
SELECT a.*, s.district_kato, c.iin, c.birth_date, c.sen, c.pmpc_conclusion, p.iin FROM applications a JOIN children c ON c.id = a.child_id JOIN applicants p ON p.id = a.applicant_id JOIN settlements s ON s.kato = a.settlement_kato WHERE a.id = (SELECT application_id FROM rush_map WHERE n = :n) FOR UPDATE OF a;
SELECT id FROM referrals WHERE idempotency_key = 'baseline:' || :n;
SELECT child_id FROM referrals WHERE child_id = (SELECT child_id FROM rush_map WHERE n = :n) AND status IN ('issued', 'extended');
SELECT p.*, k.ownership FROM places p JOIN kindergartens k ON k.id = p.kindergarten_id WHERE p.id = ':place';
SELECT * FROM place_units WHERE place_id = ':place' ORDER BY unit;
SELECT w.id, w.bulletin_ids, w.opens_at, w.closes_at, EXISTS (SELECT x.rank FROM window_access x WHERE x.window_id = w.id AND x.application_id = (SELECT application_id FROM rush_map WHERE n = :n)) FROM allocation_windows w WHERE w.queue_key = ':key';
UPDATE place_units SET version = version + 1 WHERE (place_id, unit) = (SELECT place_id, unit FROM place_units WHERE place_id = ':place' ORDER BY unit LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING unit;
SELECT count(*) FROM referrals WHERE application_id = (SELECT application_id FROM rush_map WHERE n = :n);
INSERT INTO rush_baseline_referrals (id, at) VALUES (gen_random_uuid(), now());
UPDATE applications SET version = version + 1 WHERE id = (SELECT application_id FROM rush_map WHERE n = :n);
INSERT INTO audit_log (at, actor_type, actor_id, action, entity_type, entity_id, data) VALUES (now(), 'applicant', NULL, 'referral.baseline', 'referral', gen_random_uuid()::text, '{}');
SELECT r.*, p.kindergarten_id FROM referrals r JOIN places p ON p.id = r.place_id LIMIT 1;
INSERT INTO ledger_salts (log, entity_id, salt) VALUES ('referrals', 'baseline-r' || :n || '-' || gen_random_uuid(), md5(random()::text) || md5(random()::text)) ON CONFLICT (log, entity_id) DO NOTHING RETURNING salt;
INSERT INTO ledger_leaves (log, leaf_index, leaf_hash, leaf, entity_id, entity_version, created_at) VALUES ('referrals', NULL, md5(random()::text) || md5(random()::text), '{}', 'baseline-r' || :n, 1, now());
SELECT * FROM applications WHERE id = (SELECT application_id FROM rush_map WHERE n = :n);
INSERT INTO ledger_salts (log, entity_id, salt) VALUES ('applications', 'baseline-a' || :n, md5(random()::text) || md5(random()::text)) ON CONFLICT (log, entity_id) DO NOTHING RETURNING salt;
SELECT salt FROM ledger_salts WHERE log = 'applications' AND entity_id = 'baseline-a' || :n;
SELECT * FROM ledger_leaves WHERE log = 'applications' AND entity_id = 'baseline-a' || :n ORDER BY leaf_index IS NULL DESC, leaf_index DESC, seq DESC LIMIT 1;
INSERT INTO ledger_leaves (log, leaf_index, leaf_hash, leaf, entity_id, entity_version, created_at) VALUES ('applications', NULL, md5(random()::text) || md5(random()::text), '{}', 'baseline-a' || :n, 1, now());
SELECT r.* FROM referrals r JOIN applications a ON a.id = r.application_id LIMIT 1;
INSERT INTO outbox (created_at, channel, recipient, template, language, payload, next_attempt_at, application_id) VALUES (now(), 'sms', '+77012345678', 'referralIssued', 'kk', '{}', now(), (SELECT application_id FROM rush_map WHERE n = :n));
INSERT INTO queue_events (queue_key, at, kind, application_id, data) VALUES (':key', now(), 'baseline', (SELECT application_id FROM rush_map WHERE n = :n), '{}');
INSERT INTO queue_state (queue_key, version) VALUES (':key', 1) ON CONFLICT (queue_key) DO UPDATE SET version = queue_state.version + 1 RETURNING g_since_p;
COMMIT;
`;

/**
 * A losing claim — the place has no unit left — reads its Idempotency-Key's earlier answer and the place's free
 * units, outside any transaction (the claim's fast lane), and stops.
 */
const LOSER_SCRIPT = `\\set n random(1, ${CLIENTS})
SELECT id FROM referrals WHERE idempotency_key = 'baseline:' || :n;
SELECT NOT EXISTS (SELECT u.unit FROM place_units u WHERE u.place_id = p.id AND u.status = 'published') FROM places p WHERE p.id = ':place';
`;

function pgbench(databaseUrl: string, place: string, key: string, clients: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'kezek-rush-'));
  // The rush's mix: PLACES claims win a unit, the other CLIENTS − PLACES find the place gone.
  const winner = join(dir, 'winner.sql');
  const loser = join(dir, 'loser.sql');
  writeFileSync(winner, WINNER_SCRIPT);
  writeFileSync(loser, LOSER_SCRIPT);
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
      `${winner}@${PLACES}`,
      '-f',
      `${loser}@${CLIENTS - PLACES}`,
      url.pathname.slice(1),
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
  const scratch = await scratchDatabase(serverUrl, `kezek_rush_${process.pid}`);
  const handle = await createDb({ engine: 'postgres', url: scratch.url, poolSize: 20 });
  const closers: Array<() => Promise<void>> = [() => handle.close(), () => scratch.drop()];
  try {
    const { db } = handle;
    await migrate(db);
    process.stderr.write(`seeding ${CLIENTS} queued applications and sessions…\n`);
    const { placeId, clients } = await seedRush(db, { clients: CLIENTS, units: PLACES });
    await db.schema
      .createTable('rush_map')
      .addColumn('n', 'integer', (c) => c.primaryKey())
      .addColumn('application_id', 'uuid')
      .addColumn('child_id', 'uuid')
      .execute();
    for (const client of clients)
      await sql`INSERT INTO rush_map (n, application_id, child_id)
                VALUES (${client.n}, ${client.application}, ${client.child})`.execute(db);
    await db.schema
      .createTable('rush_baseline_referrals')
      .addColumn('id', 'uuid')
      .addColumn('at', 'timestamptz')
      .execute();
    const key = `${FIXTURE_TERRITORY.settlement1}/${RUSH_BIRTH_YEAR}/general`;

    // The server in its own process, as in production: the 2,000 clients of this process do not share its thread.
    const server = await spawnKezek(
      repoRoot,
      {
        DATABASE_URL: scratch.url,
        KEZEK_NOW: RUSH_NOW.toISOString(),
        KEZEK_JOBS: 'false',
        KEZEK_DEMO: 'false',
        LOG_LEVEL: 'error',
        KEZEK_DEV_LATENCY_MS: '0-0',
        KEZEK_DEV_FAILURE_RATE: '0',
      },
      join(tmpdir(), `kezek-rush-${process.pid}.log`),
    );
    closers.unshift(server.stop);
    const baseUrl = server.baseUrl;

    process.stderr.write(`rush: ${CLIENTS} clients claim ${PLACES} places at once…\n`);
    const latencies: number[] = [];
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    const rushStarted = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        const started = performance.now();
        const response = await rushClaim(baseUrl, placeId, client);
        const body = (await response.json()) as { items?: Array<{ id: string }> };
        latencies.push(performance.now() - started);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 201) acknowledged.push(...(body.items ?? []).map((item) => item.id));
      }),
    );
    const rushSeconds = (performance.now() - rushStarted) / 1000;
    process.stderr.write(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}\n`);

    const { count: doubleBooked, live: stored } = await doubleBookings(db, placeId);
    const lostClaims = acknowledged.filter((id) => !stored.has(id)).length;

    process.stderr.write(`pgbench: the same statements for ${PGBENCH_SECONDS} s…\n`);
    const baselinePerSec = pgbench(scratch.url, placeId, key, 20);
    const claimsPerSec = CLIENTS / rushSeconds;
    return {
      clients: CLIENTS,
      places: PLACES,
      referrals: stored.size,
      claimsPerSec: round(claimsPerSec, 1),
      baselinePerSec: round(baselinePerSec, 1),
      ratio: round(claimsPerSec / baselinePerSec, 3),
      p50Ms: round(median(latencies), 1),
      p99Ms: round(quantile(latencies, 0.99), 1),
      doubleBookings: doubleBooked,
      lostClaims,
      targets: { ratio: 0.5, p99Ms: 250 },
    };
  } finally {
    for (const close of closers) await close().catch(() => undefined);
  }
}
