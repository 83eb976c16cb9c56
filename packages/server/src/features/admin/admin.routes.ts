import { createRoute, z } from '@hono/zod-openapi';
import {
  ZCalendarYear,
  ZCalendarYearInput,
  ZCalendarYearParams,
  ZErrorBody,
  ZNewPolicyChange,
  ZNewSettlement,
  ZPolicyChange,
  ZPolicyOverview,
  ZPolicyQuery,
  ZTerritory,
} from '@kezek/contracts';
import { actorOf } from '../../http/auth-middleware';
import { createRouter, json } from '../../http/openapi-app';
import type { Clock } from '../../platform/clock';
import { addPolicyChange } from './add-policy-change';
import { addSettlement } from './add-settlement';
import type { AdminDeps } from './admin-deps';
import { getCalendarYear } from './get-calendar-year';
import { getPolicy } from './get-policy';
import { listTerritory } from './list-territory';
import { setCalendarYear } from './set-calendar-year';

const errors = {
  400: { description: 'Invalid input (names the field)', ...json(ZErrorBody) },
  401: { description: 'Not signed in', ...json(ZErrorBody) },
  403: { description: 'Not the regional admin (or, to read, the auditor)', ...json(ZErrorBody) },
};
const tags = ['admin'];

const routes = {
  policy: createRoute({
    method: 'get',
    path: '/api/admin/policy',
    tags,
    summary: 'The policy in force (per region or nationwide), the regulation defaults and every change',
    request: { query: ZPolicyQuery },
    responses: {
      200: { description: 'The policy', ...json(ZPolicyOverview) },
      ...errors,
      404: { description: 'No such region', ...json(ZErrorBody) },
    },
  }),
  addPolicyChange: createRoute({
    method: 'post',
    path: '/api/admin/policy-changes',
    tags,
    summary: 'Change the policy from a date after today, nationwide or for a region (G-12)',
    request: { body: { ...json(ZNewPolicyChange), required: true } },
    responses: {
      201: { description: 'The change, recorded', ...json(ZPolicyChange) },
      ...errors,
      422: { description: 'Not after today (G-12)', ...json(ZErrorBody) },
    },
  }),
  calendar: createRoute({
    method: 'get',
    path: '/api/admin/calendar/{year}',
    tags,
    summary: "A year's weekday days off and working weekend days (R-TIME-02)",
    request: { params: ZCalendarYearParams },
    responses: { 200: { description: 'The year', ...json(ZCalendarYear) }, ...errors },
  }),
  setCalendar: createRoute({
    method: 'put',
    path: '/api/admin/calendar/{year}',
    tags,
    summary: "Set a year's calendar from the Government's act; days up to today cannot change",
    request: { params: ZCalendarYearParams, body: { ...json(ZCalendarYearInput), required: true } },
    responses: {
      200: { description: 'The year as set', ...json(ZCalendarYear) },
      ...errors,
      422: { description: 'A past day would change (R-TIME-02)', ...json(ZErrorBody) },
    },
  }),
  territory: createRoute({
    method: 'get',
    path: '/api/admin/territory',
    tags,
    summary: 'Regions, districts and settlements with their KATO codes',
    responses: { 200: { description: 'The territory', ...json(ZTerritory) }, ...errors },
  }),
  addSettlement: createRoute({
    method: 'post',
    path: '/api/admin/settlements',
    tags,
    summary: 'Add a settlement (a queue is kept per settlement, §21)',
    request: { body: { ...json(ZNewSettlement), required: true } },
    responses: {
      201: {
        description: 'Added',
        ...json(z.object({ kato: z.string(), name: ZNewSettlement.shape.name })),
      },
      ...errors,
      409: { description: 'The KATO code exists already', ...json(ZErrorBody) },
    },
  }),
};

/** The regional admin's pages: policy with effective dates, the holiday calendar, the territory. */
export function adminRoutes(deps: AdminDeps & { clock: Clock }) {
  return createRouter()
    .openapi(routes.policy, async (c) =>
      c.json(await getPolicy(deps, actorOf(c), c.req.valid('query').region, deps.clock.now()), 200),
    )
    .openapi(routes.addPolicyChange, async (c) =>
      c.json(await addPolicyChange(deps, actorOf(c), c.req.valid('json'), deps.clock.now()), 201),
    )
    .openapi(routes.calendar, async (c) =>
      c.json(await getCalendarYear(deps, actorOf(c), c.req.valid('param').year), 200),
    )
    .openapi(routes.setCalendar, async (c) =>
      c.json(
        await setCalendarYear(
          deps,
          actorOf(c),
          c.req.valid('param').year,
          c.req.valid('json'),
          deps.clock.now(),
        ),
        200,
      ),
    )
    .openapi(routes.territory, async (c) => c.json(await listTerritory(deps, actorOf(c)), 200))
    .openapi(routes.addSettlement, async (c) =>
      c.json(await addSettlement(deps, actorOf(c), c.req.valid('json'), deps.clock.now()), 201),
    );
}
