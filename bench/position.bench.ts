import { availableParallelism } from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { createDb, migrate } from '@kezek/db';
import pg from 'pg';
import { hashPassword } from '../packages/server/src/platform/password';
import { compare, expectedOrder, type PositionAnswer } from './position/check';
import { READY_PREFIX } from './position/ready';
import { BENCH_LOGIN, BENCH_PASSWORD, createStaffUser, seed } from './position/seed';

export const description =
  'GET /api/applications/{id}/position over 300,000 queued applications on PostgreSQL vs GET /api/auth/session of the same server';

const RATIO_TARGET = 0.5;
const P99_TARGET_MS = 20;
const CHECKED_QUEUE_KEYS = 6;

const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? '');
  return process.env[name] === undefined || process.env[name] === '' || !Number.isFinite(value)
    ? fallback
    : value;
};

const settings = () => ({
  applications: envNumber('BENCH_APPLICATIONS', 300_000),
  // Two connections per core keep every core busy without a queue in front of it: with more, a closed-loop load
  // only adds waiting (mean latency ≥ connections / throughput) and measures the queue, not the lookup.
  // BENCH_CONNECTIONS=20 reproduces the earlier runs (p99 37 ms on 2 cores, the trivial endpoint's 30 ms).
  connections: envNumber('BENCH_CONNECTIONS', 2 * availableParallelism()),
  durationS: envNumber('BENCH_DURATION_S', 10),
  warmupS: envNumber('BENCH_WARMUP_S', 5),
  /** Alternating baseline/position slices per endpoint, durationS in all for each. */
  rounds: Math.max(1, Math.round(envNumber('BENCH_ROUNDS', 5))),
  /** Leave the database in place for EXPLAIN ANALYZE and friends (drop it by hand afterwards). */
  keepDatabase: process.env.BENCH_KEEP_DATABASE === '1',
  baseUrl:
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test',
});

const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(url: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

type Server = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** `node --import tsx bench/position/server.ts` against the bench database; resolves once it listens. */
async function startServer(databaseUrl: string): Promise<Server> {
  // BENCH_PROFILE_DIR=<dir>: the server writes a V8 CPU profile there when it stops (open it in DevTools).
  const profile = process.env.BENCH_PROFILE_DIR;
  const flags = profile === undefined || profile === '' ? [] : ['--cpu-prof', '--cpu-prof-dir', profile];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'bench/position/server.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      // Access logs off: this measures the application, not a terminal; both endpoints would pay them alike.
      LOG_LEVEL: 'warn',
      KEZEK_DEMO: 'false',
      KEZEK_JOBS: 'false',
      COOKIE_SECURE: 'never',
      KEZEK_DEV_LATENCY_MS: '0-0',
      KEZEK_DEV_FAILURE_RATE: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const stdout = child.stdout;
  if (stdout === null) throw new Error('bench server has no stdout pipe');
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: stdout });
    lines.on('line', (line) => {
      if (line.startsWith(READY_PREFIX)) resolve(line.slice(READY_PREFIX.length));
      else log(`  server: ${line}`);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before listening`)));
    setTimeout(() => reject(new Error('bench server did not listen within 120 s')), 120_000).unref();
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, child, stop };
}

async function logIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: BENCH_LOGIN, password: BENCH_PASSWORD }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('kezek_session='));
  if (response.status !== 200 || cookie === undefined)
    throw new Error(`staff login failed: ${response.status} ${await response.text()}`);
  return cookie;
}

type Sample = { ok: number; seconds: number; latenciesMs: number[] };

/** One autocannon run; every response must be a 2xx (a 401 or 404 would be cheap and flatter the figures). */
function load(
  url: string,
  cookie: string,
  options: { connections: number; durationS: number; path: (random: () => number) => string },
): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const latenciesMs: number[] = [];
    autocannon(
      {
        url,
        connections: options.connections,
        duration: options.durationS,
        headers: { cookie, accept: 'application/json' },
        requests: [
          { method: 'GET', setupRequest: (request) => ({ ...request, path: options.path(Math.random) }) },
        ],
      },
      (error, result) => {
        if (error !== null) return reject(error);
        const failed = result.errors + result.timeouts + result.non2xx;
        if (failed > 0)
          return reject(
            new Error(
              `${failed} failed requests (errors ${result.errors}, timeouts ${result.timeouts}, statuses ${JSON.stringify(result.statusCodeStats)})`,
            ),
          );
        resolve({ ok: result['2xx'], seconds: result.duration, latenciesMs });
      },
    ).on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latenciesMs.push(ms);
    });
  });
}

type Figures = { rps: number; p50Ms: number; p99Ms: number; requests: number };

function figures(samples: readonly Sample[]): Figures {
  const latencies = samples.flatMap((sample) => sample.latenciesMs).sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)] ?? Number.NaN;
  const ok = samples.reduce((sum, sample) => sum + sample.ok, 0);
  const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
  return { rps: round(ok / seconds, 0), p50Ms: round(at(0.5), 1), p99Ms: round(at(0.99), 1), requests: ok };
}

const show = (f: Figures) => `${f.rps} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms (${f.requests} requests)`;

async function checkPositions(url: string, cookie: string, client: pg.Client): Promise<number> {
  // From the biggest and the smallest queues, the first out-of-turn, first-priority and general member of each
  // and one chosen at random: the edges of the interleave and the middle.
  const keys = await client.query<{ queue_key: string }>(
    `(SELECT settlement_kato || '/' || birth_year || '/' || queue AS queue_key FROM applications
      GROUP BY 1 ORDER BY count(*) DESC LIMIT $1)
     UNION
     (SELECT settlement_kato || '/' || birth_year || '/' || queue FROM applications
      GROUP BY 1 ORDER BY count(*) LIMIT $1)`,
    [CHECKED_QUEUE_KEYS / 2],
  );
  let checked = 0;
  const problems: string[] = [];
  for (const { queue_key: queueKey } of keys.rows) {
    const order = await expectedOrder(client, queueKey);
    const picks = new Set<string>();
    for (const group of ['O', 'P', 'G'] as const) {
      const first = order.find((member) => member.group === group);
      if (first !== undefined) picks.add(first.id);
    }
    const last = order.at(-1);
    if (last !== undefined) picks.add(last.id);
    const middle = order[Math.floor(Math.random() * order.length)];
    if (middle !== undefined) picks.add(middle.id);
    for (const id of picks) {
      const response = await fetch(`${url}/api/applications/${id}/position`, { headers: { cookie } });
      if (response.status !== 200)
        throw new Error(`position of ${id}: ${response.status} ${await response.text()}`);
      problems.push(...compare((await response.json()) as PositionAnswer, order));
      checked += 1;
    }
  }
  if (problems.length > 0)
    throw new Error(`positions disagree with the independent order:\n${problems.join('\n')}`);
  return checked;
}

export async function run(): Promise<Record<string, unknown>> {
  const s = settings();
  const database = `kezek_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(s.baseUrl, database);
  await admin(s.baseUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  log(`database ${database} created`);
  let server: Server | undefined;
  try {
    const handle = await createDb({ engine: 'postgres', url: databaseUrl });
    try {
      await migrate(handle.db);
    } finally {
      await handle.close();
    }
    log(`seeding ${s.applications} queued applications`);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const seeded = await admin(databaseUrl, async (client) => {
      const summary = await seed(client, s.applications);
      await createStaffUser(client, passwordHash);
      return summary;
    });
    log(`seeded: ${seeded.applications} applications in ${seeded.queueKeys} queue keys`);

    server = await startServer(databaseUrl);
    const { url } = server;
    log(`server listening at ${url} (pid ${server.child.pid})`);
    const cookie = await logIn(url);

    const ids = await admin(databaseUrl, async (client) => {
      const rows = await client.query<{ id: string }>(`SELECT id FROM applications WHERE status = 'queued'`);
      return rows.rows.map((row) => row.id);
    });
    const positionPath = (random: () => number) =>
      `/api/applications/${ids[Math.floor(random() * ids.length)] ?? ''}/position`;
    const sessionPath = () => '/api/auth/session';
    const common = { connections: s.connections };

    log(`warm-up ${s.warmupS} s each (fills the queue cache: every queue key is hit)`);
    await load(url, cookie, {
      ...common,
      durationS: Math.max(1, Math.round(s.warmupS / 2)),
      path: sessionPath,
    });
    await load(url, cookie, { ...common, durationS: s.warmupS, path: positionPath });

    const checked = await admin(databaseUrl, (client) => checkPositions(url, cookie, client));
    log(`correctness: ${checked} positions agree with the independent ordering`);

    // Baseline and position alternate in short slices (their order flipping every round), so a change in the
    // machine's load during the run — other processes share these cores — weighs on both alike.
    const sliceS = s.durationS / s.rounds;
    log(`measuring: ${s.rounds} rounds of ${sliceS} s per endpoint, ${s.connections} connections`);
    const baselineSamples: Sample[] = [];
    const positionSamples: Sample[] = [];
    for (let r = 0; r < s.rounds; r++) {
      const slices = [
        () =>
          load(url, cookie, { ...common, durationS: sliceS, path: sessionPath }).then((x) =>
            baselineSamples.push(x),
          ),
        () =>
          load(url, cookie, { ...common, durationS: sliceS, path: positionPath }).then((x) =>
            positionSamples.push(x),
          ),
      ];
      for (const slice of r % 2 === 0 ? slices : slices.reverse()) await slice();
    }
    const baseline = figures(baselineSamples);
    const position = figures(positionSamples);
    log(`  baseline GET /api/auth/session: ${show(baseline)}`);
    log(`  GET /api/applications/{id}/position: ${show(position)}`);

    // One connection: the service time of a lookup without queueing behind 19 others (closed-loop load makes the
    // mean latency at least connections / throughput, whatever the endpoint costs).
    const serialS = Math.max(1, Math.round(s.durationS / 2));
    const serial = figures([
      await load(url, cookie, { connections: 1, durationS: serialS, path: positionPath }),
    ]);
    log(`  position, 1 connection, ${serialS} s: ${show(serial)}`);

    const ratio = round(position.rps / baseline.rps);
    return {
      rps: position.rps,
      baselineRps: baseline.rps,
      ratio,
      p99Ms: position.p99Ms,
      p50Ms: position.p50Ms,
      baselineP99Ms: baseline.p99Ms,
      baselineP50Ms: baseline.p50Ms,
      serialRps: serial.rps,
      serialP99Ms: serial.p99Ms,
      baseline: 'GET /api/auth/session (same auth gate and session lookup)',
      applications: seeded.applications,
      queueKeys: seeded.queueKeys,
      connections: s.connections,
      durationS: s.durationS,
      rounds: s.rounds,
      positionsChecked: checked,
      targets: { ratio: RATIO_TARGET, p99Ms: P99_TARGET_MS },
      met: ratio >= RATIO_TARGET && position.p99Ms < P99_TARGET_MS,
    };
  } finally {
    // Requests the load generator abandoned at the end of its run may still be in the server: let them finish.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await server?.stop();
    if (s.keepDatabase) log(`database kept (BENCH_KEEP_DATABASE): ${databaseUrl}`);
    else {
      await admin(s.baseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      log(`database ${database} dropped`);
    }
  }
}
