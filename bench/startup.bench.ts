import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const description =
  'time to first 200 on /healthz and RSS of `npm start` (the bundled server), first start (seeding) and restart, vs a bare node HTTP server';

const RESTART_TARGET_MS = 2000;
const RSS_TARGET_MB = 400;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN');
  return Math.round(kb / 1024);
}

async function untilHealthy(url: string, child: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`process exited with ${child.exitCode} before becoming healthy`);
    try {
      if ((await fetch(url)).status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function measure(args: string[], env: Record<string, string>, path: string) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    const ms = await untilHealthy(`http://127.0.0.1:${port}${path}`, child, started);
    return { ms: Math.round(ms), rssMb: await rssMb(child.pid ?? 0) };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kezek-bench-'));
  // What `npm start` runs: the bundled server (built here, as `npm start` builds it first).
  const built = spawnSync('npm', ['run', '--silent', 'build:server'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build:server failed');
  const kezek = ['packages/cli/dist/kezek.mjs', 'serve'];
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' };
  try {
    const baseline = await measure(
      ['-e', "require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT)"],
      {},
      '/',
    );
    process.stderr.write(`baseline node http: ${baseline.ms} ms\n`);
    const first = await measure(kezek, env, '/healthz');
    process.stderr.write(`first start (migrate + seed): ${first.ms} ms, ${first.rssMb} MB\n`);
    const restart = await measure(kezek, env, '/healthz');
    process.stderr.write(`restart on the same data: ${restart.ms} ms, ${restart.rssMb} MB\n`);
    return {
      firstStartMs: first.ms,
      firstStartRssMb: first.rssMb,
      restartMs: restart.ms,
      restartRssMb: restart.rssMb,
      baseline: baseline.ms,
      baselineRssMb: baseline.rssMb,
      ratio: Math.round((restart.ms / baseline.ms) * 100) / 100,
      targets: { restartMs: RESTART_TARGET_MS, rssMb: RSS_TARGET_MB },
      met: restart.ms < RESTART_TARGET_MS && restart.rssMb < RSS_TARGET_MB,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
