import type { Db, DbEngine } from '@kezek/db';
import { createApp } from './http/app';
import { healthRepository } from './features/health/health.repository';
import { healthRoutes } from './features/health/health.routes';
import { publicRepository } from './features/public/public.repository';
import { publicRoutes } from './features/public/public.routes';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import { formatNational } from './platform/national-time';

export const VERSION = '0.1.0';

export type AppDeps = {
  db: Db;
  engine: DbEngine;
  clock: Clock;
  log: Logger;
  bodyLimitBytes: number;
  webRoot?: string;
};

/** The composition root: wires repositories into use cases into routes. Nothing else constructs them. */
export function composeApp(deps: AppDeps) {
  return createApp({
    log: deps.log,
    bodyLimitBytes: deps.bodyLimitBytes,
    version: VERSION,
    ...(deps.webRoot === undefined ? {} : { webRoot: deps.webRoot }),
    routers: [
      healthRoutes({ repo: healthRepository(deps.db), engine: deps.engine }),
      publicRoutes({ repo: publicRepository(deps.db), clock: deps.clock, formatInstant: formatNational }),
    ],
  });
}
