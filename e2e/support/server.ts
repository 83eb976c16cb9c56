import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type RunningServer = { baseUrl: string; logFile: string | undefined; stop: () => Promise<void> };

const HEALTH_TIMEOUT_MS = 90_000;

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitForExit = (child: ChildProcess, ms: number): Promise<boolean> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(true)
    : new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });

/** Signals the server's whole process group, so nothing it started outlives the run. */
const signal = (child: ChildProcess, name: NodeJS.Signals): void => {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, name);
  } catch {
    // Already gone.
  }
};

export type KezekProcess = {
  baseUrl: string;
  /** SIGTERM (a graceful stop), then SIGKILL if it does not exit. */
  stop: () => Promise<void>;
  /** SIGKILL at once: a crash, nothing flushed or closed. */
  kill: () => Promise<void>;
};

/**
 * Starts `kezek serve` from source on a free port with `env` added to this process's (DATA_DIR or DATABASE_URL,
 * KEZEK_NOW…), appending its output to `logFile`, and resolves once GET /healthz answers 200. A first start creates
 * and seeds the database, hence the long timeout.
 */
export const spawnKezek = async (
  repoRoot: string,
  env: Record<string, string>,
  logFile: string,
): Promise<KezekProcess> => {
  const port = await freePort();
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'serve'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let exited = false;
  child.once('exit', () => {
    exited = true;
    log.end();
  });

  const stop = async () => {
    signal(child, 'SIGTERM');
    if (!(await waitForExit(child, 10_000))) {
      signal(child, 'SIGKILL');
      await waitForExit(child, 5_000);
    }
  };
  const kill = async () => {
    signal(child, 'SIGKILL');
    await waitForExit(child, 5_000);
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(`the server exited with code ${child.exitCode} before it was healthy; see ${logFile}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { baseUrl, stop, kill };
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`GET /healthz did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s; see ${logFile}`);
};

/** The browser suite's server: a fresh data directory with the demo data, on the suite's fixed clock. */
export const startServer = async (repoRoot: string, outDir: string): Promise<RunningServer> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kezek-e2e-'));
  await mkdir(outDir, { recursive: true });
  const logFile = join(outDir, 'server.log');
  await writeFile(logFile, '');
  try {
    const server = await spawnKezek(
      repoRoot,
      { DATA_DIR: dataDir, KEZEK_NOW: '2026-03-02T10:00:00+05:00' },
      logFile,
    );
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
    return { baseUrl: server.baseUrl, logFile, stop };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
};

export const assertBuilt = (repoRoot: string): void => {
  if (!existsSync(join(repoRoot, 'packages/web/dist/index.html'))) {
    throw new Error('packages/web/dist is missing: run `npm run build:web` (or `npm run test:e2e`)');
  }
};
