import { createRoute, z } from '@hono/zod-openapi';
import {
  ZApplicationExportQuery,
  ZApplicationId,
  ZAuditTrail,
  ZErrorBody,
  ZMyNotifications,
} from '@kezek/contracts';
import { actorOf } from '../../http/auth-middleware';
import { createRouter, json } from '../../http/openapi-app';
import type { Clock } from '../../platform/clock';
import type { ApplicationAuditRepository } from './application-audit.repository';
import type { ApplicationsRepository } from './applications.repository';
import { exportApplications } from './export-applications';
import { getAuditTrail } from './get-audit-trail';
import { listMyNotifications } from './list-my-notifications';
import type { MyNotificationsRepository } from './my-notifications.repository';

const errors = {
  400: { description: 'Invalid input (names the field)', ...json(ZErrorBody) },
  401: { description: 'Not signed in', ...json(ZErrorBody) },
  403: { description: 'Not allowed', ...json(ZErrorBody) },
};

const routes = {
  audit: createRoute({
    method: 'get',
    path: '/api/applications/{id}/audit',
    tags: ['applications'],
    summary: 'Who changed the application and when (staff who may see it)',
    request: { params: ZApplicationId },
    responses: {
      200: { description: 'The audit trail, oldest first', ...json(ZAuditTrail) },
      ...errors,
      404: { description: 'No such application (or not visible)', ...json(ZErrorBody) },
    },
  }),
  myNotifications: createRoute({
    method: 'get',
    path: '/api/me/notifications',
    tags: ['applications'],
    summary:
      'The notifications sent to the signed-in applicant about their applications, newest first (R-APPL-07)',
    responses: {
      200: { description: 'At most the 100 most recent', ...json(ZMyNotifications) },
      401: errors[401],
      403: errors[403],
    },
  }),
  export: createRoute({
    method: 'get',
    path: '/api/exports/applications',
    tags: ['applications'],
    summary: 'The work list as CSV (the list filters, without paging; a clerk gets their district)',
    request: { query: ZApplicationExportQuery },
    responses: {
      200: {
        description: 'RFC 4180 CSV in UTF-8 with a byte order mark',
        content: { 'text/csv': { schema: z.string() } },
      },
      ...errors,
    },
  }),
};

export type ApplicationRecordsRouteDeps = {
  applications: ApplicationsRepository;
  audit: ApplicationAuditRepository;
  notifications: MyNotificationsRepository;
  format: (at: Date) => string;
  clock: Clock;
};

/** Records around applications: the audit trail and the CSV export for staff, the notifications for the applicant. */
export function applicationRecordsRoutes(deps: ApplicationRecordsRouteDeps) {
  return createRouter()
    .openapi(routes.audit, async (c) =>
      c.json(await getAuditTrail(deps, actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(routes.myNotifications, async (c) => c.json(await listMyNotifications(deps, actorOf(c)), 200))
    .openapi(routes.export, async (c) => {
      const now = deps.clock.now();
      const csv = await exportApplications(deps, actorOf(c), c.req.valid('query'), now);
      const day = deps.format(now).slice(0, 10);
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="applications-${day}.csv"`,
        'cache-control': 'no-store',
      });
    });
}
