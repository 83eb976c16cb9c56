import type pg from 'pg';

/**
 * Almaty (a city of republican significance): each district is one provider area and one settlement, as in the
 * demo data. KATO codes after the national classifier; `weight` is the district's share of the applications.
 */
export const DISTRICTS = [
  { kato: '751210000', kk: 'Алатау ауданы', ru: 'Алатауский район', en: 'Alatau district', weight: 0.15 },
  { kato: '751110000', kk: 'Алмалы ауданы', ru: 'Алмалинский район', en: 'Almaly district', weight: 0.11 },
  { kato: '751310000', kk: 'Әуезов ауданы', ru: 'Ауэзовский район', en: 'Auezov district', weight: 0.15 },
  {
    kato: '751410000',
    kk: 'Бостандық ауданы',
    ru: 'Бостандыкский район',
    en: 'Bostandyk district',
    weight: 0.17,
  },
  { kato: '751510000', kk: 'Жетісу ауданы', ru: 'Жетысуский район', en: 'Zhetysu district', weight: 0.08 },
  { kato: '751710000', kk: 'Медеу ауданы', ru: 'Медеуский район', en: 'Medeu district', weight: 0.11 },
  {
    kato: '751810000',
    kk: 'Наурызбай ауданы',
    ru: 'Наурызбайский район',
    en: 'Nauryzbay district',
    weight: 0.09,
  },
  { kato: '751910000', kk: 'Түрксіб ауданы', ru: 'Турксибский район', en: 'Turksib district', weight: 0.14 },
] as const;

const BIRTH_YEARS = [2020, 2025] as const;
export const BENCH_LOGIN = 'bench.regional';
export const BENCH_PASSWORD = 'bench-position-password';

const SURNAMES = ['Ахметов', 'Сейітов', 'Нұрланов', 'Омаров', 'Жақсылықов', 'Иванов', 'Ким', 'Абенов'];
const GIVEN = ['Айдар', 'Әлихан', 'Нұрсұлтан', 'Арман', 'Дана', 'Аружан', 'Медина', 'Томирис'];

/** A deterministic RFC 4122 version-4-shaped UUID from an SQL text expression (the API validates UUIDs strictly). */
const uuidOf = (text: string) =>
  `(overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17))::uuid`;

const literal = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]`;

/** Cumulative thresholds for width_bucket: bucket b (0-based) is district b. */
const thresholds = DISTRICTS.slice(0, -1)
  .reduce<number[]>((acc, d) => [...acc, (acc.at(-1) ?? 0) + d.weight], [])
  .map((t) => t.toFixed(4))
  .join(', ');

export type SeedSummary = { applications: number; applicants: number; queueKeys: number };

/**
 * Territory, applicants, children and queued applications, all in SQL (generate_series), deterministic ids
 * (md5 of a label and the row number) and a fixed random seed. Per application: a child born 2020–2025, the
 * family's district (families live in one place), ≈3% out of turn (military), ≈15% first priority (large family or
 * teacher; 2% of those have used the privilege and count as general), submitted between 14 days after the birth and
 * yesterday (at whole minutes, so some share an instant), registration sequence in submission order (R-ELIG-20).
 */
export async function seed(client: pg.Client, applications: number): Promise<SeedSummary> {
  const applicants = Math.round(applications / 1.2); // one in six families has two children in the queue
  const step = async (label: string, text: string, values: unknown[] = []) => {
    const started = performance.now();
    await client.query(text, values);
    process.stderr.write(`  ${label}: ${Math.round(performance.now() - started)} ms\n`);
  };
  await client.query('SELECT setseed(0.2026)');
  await step(
    'territory',
    `WITH r AS (
       INSERT INTO regions (kato, name_kk, name_ru, name_en)
       VALUES ('750000000', 'Алматы қаласы', 'город Алматы', 'Almaty city') RETURNING kato),
     d AS (
       INSERT INTO districts (kato, region_kato, name_kk, name_ru, name_en)
       SELECT t.kato, (SELECT kato FROM r), t.kk, t.ru, t.en
       FROM jsonb_to_recordset($1::jsonb) AS t(kato text, kk text, ru text, en text) RETURNING *)
     INSERT INTO settlements (kato, district_kato, name_kk, name_ru, name_en)
     SELECT kato, kato, name_kk, name_ru, name_en FROM d`,
    [JSON.stringify(DISTRICTS)],
  );
  await step(
    `${applicants} applicants`,
    `INSERT INTO applicants (id, iin, surname, given_name, patronymic, phone, preferred_language, created_at)
     SELECT ${uuidOf("'applicant:' || i")},
            to_char(date '1975-01-01' + (i % 7300), 'YYMMDD') || lpad(i::text, 6, '0'),
            (${literal(SURNAMES)})[1 + i % ${SURNAMES.length}],
            (${literal(GIVEN)})[1 + (i / 7) % ${GIVEN.length}],
            NULL,
            '+7701' || lpad(i::text, 7, '0'),
            CASE WHEN i % 3 = 0 THEN 'ru' ELSE 'kk' END,
            timestamptz '2020-01-01T00:00:00Z'
     FROM generate_series(1, $1::int) AS i`,
    [applicants],
  );
  const days = (BIRTH_YEARS[1] - BIRTH_YEARS[0] + 1) * 365 + 2; // 2020 and 2024 are leap years
  await step(
    `${applications} children`,
    `INSERT INTO children (id, applicant_id, iin, surname, given_name, birth_date, sex, created_at)
     SELECT ${uuidOf("'child:' || i")},
            ${uuidOf("'applicant:' || (1 + (i - 1) % $2::int)")},
            to_char(b, 'YYMMDD') || lpad(i::text, 6, '0'),
            (${literal(SURNAMES)})[1 + ((i - 1) % $2::int) % ${SURNAMES.length}],
            (${literal(GIVEN)})[1 + (i / 3) % ${GIVEN.length}],
            b,
            CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END,
            b + interval '10 days'
     FROM (SELECT i, date '${BIRTH_YEARS[0]}-01-01' + floor(random() * ${days})::int AS b
           FROM generate_series(1, $1::int) AS i) AS s`,
    [applications, applicants],
  );
  await step(
    `${applications} queued applications`,
    `INSERT INTO applications (id, number, child_id, applicant_id, settlement_kato, birth_year, queue, categories,
                               privilege_used, sms_numbers, status, channel, language, submitted_at,
                               registration_seq, check_due_at, verified_at, updated_at)
     SELECT ${uuidOf("'application:' || i")},
            settlement || '-' || lpad(seq::text, 7, '0'),
            child_id, applicant_id, settlement, extract(year FROM birth_date)::smallint, 'general',
            categories, privilege_used, ARRAY[phone], 'queued', channel, language, submitted_at,
            seq, submitted_at + interval '30 minutes', submitted_at + interval '20 minutes',
            submitted_at + interval '20 minutes'
     FROM (
       SELECT *, row_number() OVER (ORDER BY submitted_at, i) AS seq
       FROM (
         SELECT c.i, c.id AS child_id, c.applicant_id, c.birth_date, p.phone,
                CASE p.preferred_language WHEN 'ru' THEN 'ru' ELSE 'kk' END AS language,
                (${literal(DISTRICTS.map((d) => d.kato))})[
                  1 + width_bucket(((c.family * 2654435761) % 4294967296) / 4294967296.0, ARRAY[${thresholds}])
                ] AS settlement,
                CASE WHEN roll < 0.03 THEN ARRAY['military']
                     WHEN roll < 0.105 THEN ARRAY['largeFamily']
                     WHEN roll < 0.18 THEN ARRAY['teacher']
                     ELSE ARRAY[]::text[] END AS categories,
                roll BETWEEN 0.03 AND 0.18 AND random() < 0.02 AS privilege_used,
                (ARRAY['portal', 'portal', 'portal', 'stateCorp', 'office'])[1 + floor(random() * 5)::int] AS channel,
                date_trunc('minute', c.birth_date + interval '14 days'
                  + random() * (least(now() - interval '1 day', c.birth_date + interval '5 years')
                                - (c.birth_date + interval '14 days'))) AS submitted_at
         FROM (SELECT ch.*, i, 1 + (i - 1) % $2::bigint AS family, random() AS roll
               FROM generate_series(1, $1::int) AS i
               JOIN children ch ON ch.id = ${uuidOf("'child:' || i")}) AS c
         JOIN applicants p ON p.id = c.applicant_id
       ) AS a
     ) AS numbered`,
    [applications, applicants],
  );
  await client.query(`SELECT setval('application_seq', $1::bigint)`, [applications]);
  await step(
    'queue_state',
    `INSERT INTO queue_state (queue_key, g_since_p, version)
     SELECT settlement_kato || '/' || birth_year || '/' || queue, floor(random() * 4)::int, 1
     FROM applications GROUP BY settlement_kato, birth_year, queue`,
  );
  await step('VACUUM ANALYZE', 'VACUUM ANALYZE');
  const counts = await client.query<{ applications: number; queue_keys: number }>(
    `SELECT (SELECT count(*)::int FROM applications WHERE status = 'queued') AS applications,
            (SELECT count(*)::int FROM queue_state) AS queue_keys`,
  );
  const row = counts.rows[0];
  if (row === undefined) throw new Error('no counts');
  return { applications: row.applications, applicants, queueKeys: row.queue_keys };
}

/** A regional administrator (sees every application) with a real scrypt hash of BENCH_PASSWORD. */
export async function createStaffUser(client: pg.Client, passwordHash: string): Promise<void> {
  await client.query(
    `INSERT INTO staff_users (id, login, password_hash, full_name, role, created_at)
     VALUES (${uuidOf("'staff:bench'")}, $1, $2, 'Бенчмарк Әкімші', 'regionalAdmin', now())`,
    [BENCH_LOGIN, passwordHash],
  );
}
