import { createRoute } from '@hono/zod-openapi';
import {
  ZBulletin,
  ZBulletinId,
  ZBulletinItemsQuery,
  ZBulletinListQuery,
  ZBulletinPage,
  ZErrorBody,
} from '@kezek/contracts';
import type { LedgerReceipt } from '@kezek/contracts';
import { createRouter, json } from '../../http/openapi-app';
import type { BulletinsRepository } from './bulletins.repository';
import { getBulletin } from './get-bulletin';
import { listBulletins } from './list-bulletins';

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/public/bulletins',
    tags: ['public'],
    summary: 'Published bulletins of vacated and revoked places (R-WIN-01), newest first',
    request: { query: ZBulletinListQuery },
    responses: {
      200: { description: 'One page', ...json(ZBulletinPage) },
      400: { description: 'Invalid filter', ...json(ZErrorBody) },
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/public/bulletins/{id}',
    tags: ['public'],
    summary: 'One bulletin: its vacated units (filtered, a page at a time) and revoked places',
    request: { params: ZBulletinId, query: ZBulletinItemsQuery },
    responses: {
      200: { description: 'The bulletin', ...json(ZBulletin) },
      400: { description: 'Invalid filter', ...json(ZErrorBody) },
      404: { description: 'No such bulletin', ...json(ZErrorBody) },
    },
  }),
};

export function bulletinsRoutes(deps: {
  repo: BulletinsRepository;
  format: (at: Date) => string;
  /** R-SYS-08: the bulletin's receipt in the bulletins register, when it has been sequenced. */
  ledgerReceipt: (bulletinId: string) => Promise<LedgerReceipt | undefined>;
}) {
  return createRouter()
    .openapi(routes.list, async (c) =>
      c.json(await listBulletins(deps.repo, c.req.valid('query'), deps.format), 200),
    )
    .openapi(routes.get, async (c) => {
      const { id } = c.req.valid('param');
      const [bulletin, ledger] = await Promise.all([
        getBulletin(deps.repo, id, c.req.valid('query'), deps.format),
        deps.ledgerReceipt(String(id)),
      ]);
      return c.json({ ...bulletin, ...(ledger === undefined ? {} : { ledger }) }, 200);
    });
}
