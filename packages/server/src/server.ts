import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createDb, migrate, type DbHandle } from '@kezek/db';
import { composeApp, composeJobs } from './compose';
import { adminRepository } from './features/admin/admin.repository';
import { loadRulesSnapshot } from './features/admin/rules-snapshot';
import { startJobLoop } from './platform/jobs/job-loop';
import { createPorts } from './ports';
import type { SeedResult } from './features/demo/seed-demo';
import { seedDemoData } from './features/demo/seed-demo-data';
import { systemClock, travellingClock, type Clock, type TravellingClock } from './platform/clock';
import type { Config } from './platform/config';
import type { Logger } from './platform/logger';
import { formatNational, tzdataDisagreement } from './platform/national-time';
import { createRulesStore } from './platform/rules';

const RULES_REFRESH_MS = 60_000;

// Resolved through the package, not this file's location, so it holds in the bundled `npm start` too.
export const WEB_ROOT = join(
  dirname(createRequire(import.meta.url).resolve('@kezek/web/package.json')),
  'dist',
);

export type RunningServer = { url: string; seed: SeedResult | undefined; close: () => Promise<void> };

export async function openDatabase(config: Config): Promise<DbHandle> {
  if (config.databaseUrl !== undefined)
    return createDb({ engine: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize });
  await mkdir(config.dataDir, { recursive: true });
  return createDb({ engine: 'pglite', dataDir: config.dataDir });
}

/** KEZEK_NOW: a demo server living on a chosen day, whose clock a development server may move forward. */
const demoClockFor = (config: Config): TravellingClock | undefined =>
  config.now === undefined ? undefined : travellingClock(config.now);

export function clockFor(config: Config): Clock {
  return demoClockFor(config) ?? systemClock;
}

/** Opens the database, migrates, seeds the demo when configured, and listens. `close()` drains and shuts down. */
export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const devClock = demoClockFor(config);
  const clock = devClock ?? systemClock;
  const disagreement = tzdataDisagreement(clock.now());
  if (disagreement !== undefined) {
    log.warn('runtime tzdata for Asia/Almaty disagrees with national time; Kezek uses its own table', {
      runtime: disagreement,
    });
  }
  const handle = await openDatabase(config);
  try {
    const applied = await migrate(handle.db);
    log.info('database ready', { engine: handle.engine, migrationsApplied: applied });
    const seed = config.demo ? await seedDemoData(handle.db, clock.now(), log) : undefined;
    const ports = createPorts(config.ports, { clock, log });
    const rules = createRulesStore(() => loadRulesSnapshot(adminRepository(handle.db)));
    await rules.refresh();
    // Another process's admin change reaches this one within a minute (changes take effect from a later date).
    const rulesTimer = setInterval(() => {
      rules.refresh().catch((error: unknown) =>
        log.error('reloading the rules failed; the previous rules stay in force', {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    }, RULES_REFRESH_MS);
    rulesTimer.unref();
    const app = composeApp({
      db: handle.db,
      engine: handle.engine,
      clock,
      log,
      bodyLimitBytes: config.bodyLimitBytes,
      webRoot: WEB_ROOT,
      ports,
      rules: rules.rules,
      refreshRules: rules.refresh,
      cookieSecurity: config.cookieSecure,
      trustedOrigins: config.trustedOrigins,
      ...(devClock === undefined ? {} : { devClock }),
      ...(config.smsReplySecret === undefined ? {} : { smsReplySecret: config.smsReplySecret }),
      ...(config.ledgerKey === undefined ? {} : { ledgerKey: config.ledgerKey }),
    });
    const jobs = config.jobs
      ? startJobLoop({
          db: handle.db,
          jobs: composeJobs({
            db: handle.db,
            ports,
            clock,
            log,
            rules: rules.rules,
            ...(config.ledgerKey === undefined ? {} : { ledgerKey: config.ledgerKey }),
          }),
          clock,
          log,
          intervalMs: config.jobTickMs,
        })
      : undefined;
    const server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const url = `http://${config.host}:${port}`;
    log.info('listening', { url, now: formatNational(clock.now()) });
    return {
      url,
      seed,
      close: async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        clearInterval(rulesTimer);
        await jobs?.stop();
        await handle.close();
        log.info('stopped');
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
