import { createRoute } from '@hono/zod-openapi';
import { ZErrorBody, ZKindergartenListQuery, ZKindergartenPage, ZOverview } from '@kezek/contracts';
import { createRouter } from '../../http/openapi-app';
import type { Clock } from '../../platform/clock';
import { getOverview } from './get-overview';
import { listKindergartens } from './list-kindergartens';
import type { PublicRepository } from './public.repository';

const errorContent = { 'application/json': { schema: ZErrorBody } };

const overview = createRoute({
  method: 'get',
  path: '/api/public/overview',
  tags: ['public'],
  summary: 'Anonymised figures per region and district',
  responses: { 200: { description: 'Figures', content: { 'application/json': { schema: ZOverview } } } },
});

const kindergartens = createRoute({
  method: 'get',
  path: '/api/public/kindergartens',
  tags: ['public'],
  summary: 'Directory of preschool organisations',
  request: { query: ZKindergartenListQuery },
  responses: {
    200: { description: 'One page', content: { 'application/json': { schema: ZKindergartenPage } } },
    400: { description: 'Invalid filter', content: errorContent },
  },
});

export function publicRoutes(deps: {
  repo: PublicRepository;
  clock: Clock;
  formatInstant: (at: Date) => string;
}) {
  return createRouter()
    .openapi(overview, async (c) =>
      c.json(await getOverview(deps.repo, deps.formatInstant(deps.clock.now())), 200),
    )
    .openapi(kindergartens, async (c) =>
      c.json(await listKindergartens(deps.repo, c.req.valid('query')), 200),
    );
}
