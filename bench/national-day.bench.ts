import { randomBytes } from 'node:crypto';
import { createDb, migrate } from '@kezek/db';
import pg from 'pg';
import { publishBulletinsJob } from '../packages/server/src/features/bulletins/publish-bulletins.job';
import { openWindowsJob } from '../packages/server/src/features/windows/open-windows.job';
import { createLogger } from '../packages/server/src/platform/logger';
import { DEFAULT_RULES } from '../packages/server/src/platform/rules';
import { round } from './support/stats';

export const description =
  'the 18:00 bulletin and 07:00 window jobs of one national day on PostgreSQL: 300,000 queued applications, 11,000 organisations, 20,000 places';

const TARGET_SECONDS = 10;

const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? '');
  return process.env[name] === undefined || process.env[name] === '' || !Number.isFinite(value)
    ? fallback
    : value;
};

const settings = () => ({
  applications: envNumber('BENCH_APPLICATIONS', 300_000),
  kindergartens: envNumber('BENCH_KINDERGARTENS', 11_000),
  places: envNumber('BENCH_PLACES', 20_000),
  /** 17 regions × 12 districts × 5 settlements. */
  regions: 17,
  districtsPerRegion: 12,
  settlementsPerDistrict: 5,
  keepDatabase: process.env.BENCH_KEEP_DATABASE === '1',
  baseUrl:
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test',
});

const log = (line: string) => process.stderr.write(`${line}\n`);

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A deterministic RFC 4122 version-4-shaped UUID from an SQL text expression. */
const uuidOf = (text: string) =>
  `(overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17))::uuid`;

/**
 * Territory, organisations (one group per organisation, ages 1–6, kk or ru), queued applications of children born
 * 2020–2025 spread over the settlements, and places reported on the bench day before 18:00 — all in SQL and
 * deterministic, so every run measures the same day.
 */
async function seed(url: string, s: ReturnType<typeof settings>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const settlements = s.regions * s.districtsPerRegion * s.settlementsPerDistrict;
  const step = async (label: string, text: string) => {
    const started = performance.now();
    await client.query(text);
    log(`  ${label}: ${round((performance.now() - started) / 1000, 1)} s`);
  };
  try {
    await step(
      'territory',
      `INSERT INTO regions SELECT lpad((r * 10000000)::text, 9, '0'), 'R' || r, 'R' || r, 'Region ' || r FROM generate_series(1, ${s.regions}) r;
       INSERT INTO districts SELECT lpad((r * 10000000 + d * 100000)::text, 9, '0'), lpad((r * 10000000)::text, 9, '0'), 'D', 'D', 'District ' || d
         FROM generate_series(1, ${s.regions}) r, generate_series(1, ${s.districtsPerRegion}) d;
       INSERT INTO settlements SELECT lpad((r * 10000000 + d * 100000 + x * 100)::text, 9, '0'), lpad((r * 10000000 + d * 100000)::text, 9, '0'), 'S', 'S', 'Settlement ' || x
         FROM generate_series(1, ${s.regions}) r, generate_series(1, ${s.districtsPerRegion}) d, generate_series(1, ${s.settlementsPerDistrict}) x;
       CREATE TEMP TABLE bench_settlements AS SELECT row_number() OVER (ORDER BY kato) - 1 AS n, kato FROM settlements;`,
    );
    await step(
      'kindergartens and groups',
      `INSERT INTO kindergartens (id, bin, name_kk, name_ru, name_en, settlement_kato, ownership, state_order, address, created_at)
         SELECT ${uuidOf(`'kg' || k`)}, lpad(k::text, 12, '0'), 'Балабақша ' || k, 'Детский сад ' || k, 'Kindergarten ' || k,
           (SELECT kato FROM bench_settlements WHERE n = k % ${settlements}), CASE WHEN k % 4 = 0 THEN 'private' ELSE 'state' END,
           k % 4 <> 0 OR k % 8 = 0, 'Street ' || k, '2026-01-01T00:00:00Z'
         FROM generate_series(1, ${s.kindergartens}) k;
       INSERT INTO groups (id, kindergarten_id, age_group, age, language, group_type, mode, capacity)
         SELECT ${uuidOf(`'g' || k`)}, ${uuidOf(`'kg' || k`)}, 'group', 1 + k % 6, CASE WHEN k % 3 = 0 THEN 'ru' ELSE 'kk' END, 'general', 'full', 25
         FROM generate_series(1, ${s.kindergartens}) k;`,
    );
    await step(
      'applicants, children, applications',
      `INSERT INTO applicants (id, iin, surname, given_name, created_at)
         SELECT ${uuidOf(`'ap' || a`)}, lpad(a::text, 12, '0'), 'Surname', 'Parent ' || a, '2024-01-01T00:00:00Z' FROM generate_series(1, ${s.applications}) a;
       INSERT INTO children (id, applicant_id, iin, surname, given_name, birth_date, sex, created_at)
         SELECT ${uuidOf(`'ch' || a`)}, ${uuidOf(`'ap' || a`)}, lpad((a + 500000000000)::text, 12, '0'), 'Surname', 'Child ' || a,
           make_date(2020 + a % 6, 1 + a % 12, 1 + a % 28), CASE WHEN a % 2 = 0 THEN 'male' ELSE 'female' END, '2024-01-01T00:00:00Z'
         FROM generate_series(1, ${s.applications}) a;
       INSERT INTO applications (id, number, child_id, applicant_id, settlement_kato, birth_year, queue, categories, status, channel, language,
           submitted_at, registration_seq, check_due_at, updated_at)
         SELECT ${uuidOf(`'app' || a`)}, 'B-' || a, ${uuidOf(`'ch' || a`)}, ${uuidOf(`'ap' || a`)},
           (ARRAY(SELECT kato FROM bench_settlements ORDER BY n))[1 + ((a / 6) * 7919) % ${settlements}], 2020 + a % 6, 'general',
           CASE WHEN a % 7 = 0 THEN ARRAY['largeFamily'] ELSE '{}'::text[] END, 'queued', 'portal', 'kk',
           '2024-01-01T00:00:00Z'::timestamptz + make_interval(mins => a), a, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'
         FROM generate_series(1, ${s.applications}) a;
       SELECT setval('application_seq', ${s.applications});`,
    );
    await step(
      'places reported during the day',
      `INSERT INTO places (id, kindergarten_id, group_id, settlement_kato, queue, age, language, mode, admission, units, reported_at, vacated_at, updated_at)
         SELECT ${uuidOf(`'pl' || p`)}, g.kindergarten_id, g.id, k.settlement_kato, 'general', g.age, g.language, g.mode, 'general', 1,
           '2026-03-02T04:00:00Z'::timestamptz + make_interval(secs => p), '2026-03-02T04:00:00Z'::timestamptz + make_interval(secs => p), now()
         FROM generate_series(1, ${s.places}) p
         JOIN groups g ON g.id = ${uuidOf(`'g' || (1 + (p * 7907) % ${s.kindergartens})`)}
         JOIN kindergartens k ON k.id = g.kindergarten_id;
       INSERT INTO place_units (place_id, unit, status) SELECT id, 0, 'reported' FROM places;
       ANALYZE;`,
    );
  } finally {
    await client.end();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const s = settings();
  const database = `kezek_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(s.baseUrl, database);
  await admin(s.baseUrl, `CREATE DATABASE ${database}`);
  log(`database ${database} created`);
  try {
    const handle = await createDb({ engine: 'postgres', url: databaseUrl });
    try {
      await migrate(handle.db);
      log(`seeding ${s.applications} applications, ${s.kindergartens} organisations, ${s.places} places`);
      await seed(databaseUrl, s);
      const deps = { db: handle.db, rules: DEFAULT_RULES };
      const ctx = { log: createLogger('silent'), attempt: 1 };
      // Monday 2 March 2026: the bulletin at 18:00 national time, the windows at 07:00 the next morning.
      const started = performance.now();
      const bulletins = (await publishBulletinsJob(deps).handler(new Date('2026-03-02T13:00:00Z'), ctx)) as {
        bulletins: number;
        items: number;
      };
      const bulletinSeconds = (performance.now() - started) / 1000;
      log(
        `bulletins: ${bulletins.bulletins} with ${bulletins.items} units in ${round(bulletinSeconds, 2)} s`,
      );
      const windowsStarted = performance.now();
      const windows = (await openWindowsJob(deps).handler(new Date('2026-03-03T02:00:00Z'), ctx)) as {
        opened: number;
        granted: number;
      };
      const windowSeconds = (performance.now() - windowsStarted) / 1000;
      log(
        `windows: ${windows.opened} opened, ${windows.granted} access grants in ${round(windowSeconds, 2)} s`,
      );
      const seconds = bulletinSeconds + windowSeconds;
      if (bulletins.items !== s.places)
        throw new Error(`expected ${s.places} published units, got ${bulletins.items}`);
      return {
        seconds: round(seconds, 2),
        bulletinSeconds: round(bulletinSeconds, 2),
        windowSeconds: round(windowSeconds, 2),
        bulletins: bulletins.bulletins,
        units: bulletins.items,
        windows: windows.opened,
        grants: windows.granted,
        targetSeconds: TARGET_SECONDS,
        ok: seconds < TARGET_SECONDS,
      };
    } finally {
      await handle.close();
    }
  } finally {
    if (s.keepDatabase) log(`database kept (BENCH_KEEP_DATABASE): ${databaseUrl}`);
    else {
      await admin(s.baseUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      log(`database ${database} dropped`);
    }
  }
}
