import { createRoute } from '@hono/zod-openapi';
import {
  ZErrorBody,
  ZFairness,
  ZFairnessQuery,
  ZKindergartenListQuery,
  ZKindergartenPage,
  ZOverview,
  ZSettlementList,
  ZSettlementListQuery,
} from '@kezek/contracts';
import { createRouter } from '../../http/openapi-app';
import type { Clock } from '../../platform/clock';
import { getFairness } from './get-fairness';
import { getOverview } from './get-overview';
import { listKindergartens } from './list-kindergartens';
import { listSettlements } from './list-settlements';
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

const fairness = createRoute({
  method: 'get',
  path: '/api/public/fairness',
  tags: ['public'],
  summary:
    'Who got the places: referrals by group and category, the 1:3 achieved, waiting times, revocations and refusals per kindergarten',
  request: { query: ZFairnessQuery },
  responses: {
    200: { description: 'The figures', content: { 'application/json': { schema: ZFairness } } },
    400: { description: 'Invalid period or district', content: errorContent },
  },
});

const settlements = createRoute({
  method: 'get',
  path: '/api/public/settlements',
  tags: ['public'],
  summary: 'Settlements with their district (where one applies, R-QUEUE-07)',
  request: { query: ZSettlementListQuery },
  responses: {
    200: { description: 'The settlements', content: { 'application/json': { schema: ZSettlementList } } },
    400: { description: 'Invalid district', content: errorContent },
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
    .openapi(fairness, async (c) =>
      c.json(await getFairness(deps.repo, c.req.valid('query'), deps.clock.now(), deps.formatInstant), 200),
    )
    .openapi(kindergartens, async (c) =>
      c.json(await listKindergartens(deps.repo, c.req.valid('query')), 200),
    )
    .openapi(settlements, async (c) => c.json(await listSettlements(deps.repo, c.req.valid('query')), 200));
}
