import { createRoute } from '@hono/zod-openapi';
import { ZHealth, ZReadiness } from '@kezek/contracts';
import type { DbEngine } from '@kezek/db';
import { createRouter } from '../../http/openapi-app';
import { checkReadiness } from './check-readiness';
import type { HealthRepository } from './health.repository';

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'Liveness: the process is up',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: ZHealth } } } },
});

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['operations'],
  summary: 'Readiness: the database is reachable and migrations are current',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: ZReadiness } } },
    503: { description: 'Not ready', content: { 'application/json': { schema: ZReadiness } } },
  },
});

export function healthRoutes(deps: { repo: HealthRepository; engine: DbEngine }) {
  return createRouter()
    .openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readyz, async (c) => {
      const readiness = await checkReadiness(deps.repo, deps.engine);
      return readiness.status === 'ready' ? c.json(readiness, 200) : c.json(readiness, 503);
    });
}
