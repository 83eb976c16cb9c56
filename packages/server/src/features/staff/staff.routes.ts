import { createRoute, z } from '@hono/zod-openapi';
import {
  ZChangePassword,
  ZErrorBody,
  ZNewStaffAccount,
  ZStaffAccount,
  ZStaffAccountWithPassword,
  ZStaffDisable,
  ZStaffId,
  ZStaffListQuery,
  ZStaffPage,
} from '@kezek/contracts';
import { actorOf } from '../../http/auth-middleware';
import { createRouter, json } from '../../http/openapi-app';
import type { Clock } from '../../platform/clock';
import { sha256Hex } from '../auth/auth-secrets';
import { readSessionToken } from '../auth/session-cookie';
import { changeOwnPassword } from './change-own-password';
import { createStaffAccount } from './create-staff-account';
import { listStaff } from './list-staff';
import { resetStaffPassword } from './reset-staff-password';
import { setStaffDisabled } from './set-staff-disabled';
import type { StaffDeps } from './staff-deps';

const errors = {
  400: { description: 'Invalid input (names the field)', ...json(ZErrorBody) },
  401: { description: 'Not signed in', ...json(ZErrorBody) },
  403: { description: 'Not the regional admin', ...json(ZErrorBody) },
};
const tags = ['admin'];
const noStore = { 'cache-control': 'no-store' };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/admin/staff',
    tags,
    summary: 'Staff accounts (the regional admin manages, the auditor reads)',
    request: { query: ZStaffListQuery },
    responses: { 200: { description: 'One page', ...json(ZStaffPage) }, ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/admin/staff',
    tags,
    summary: 'Open an account; the answer holds its one-time password, shown once',
    request: { body: { ...json(ZNewStaffAccount), required: true } },
    responses: {
      201: { description: 'Opened', ...json(ZStaffAccountWithPassword) },
      ...errors,
      409: { description: 'The login is taken', ...json(ZErrorBody) },
    },
  }),
  reset: createRoute({
    method: 'post',
    path: '/api/admin/staff/{id}/password-reset',
    tags,
    summary: 'Issue a one-time password (shown once); the lockout is lifted and every session ends',
    request: { params: ZStaffId },
    responses: {
      200: { description: 'Reset', ...json(ZStaffAccountWithPassword) },
      ...errors,
      404: { description: 'No such account', ...json(ZErrorBody) },
    },
  }),
  disable: createRoute({
    method: 'post',
    path: '/api/admin/staff/{id}/disabled',
    tags,
    summary: 'Disable (its sessions end at once) or enable an account, with the reason',
    request: { params: ZStaffId, body: { ...json(ZStaffDisable), required: true } },
    responses: {
      200: { description: 'The account after the change', ...json(ZStaffAccount) },
      ...errors,
      404: { description: 'No such account', ...json(ZErrorBody) },
    },
  }),
  changePassword: createRoute({
    method: 'post',
    path: '/api/auth/staff/password',
    tags: ['auth'],
    summary: 'Change your own password (required after a one-time password); your other sessions end',
    request: { body: { ...json(ZChangePassword), required: true } },
    responses: {
      200: { description: 'Changed', ...json(z.object({ changed: z.literal(true) })) },
      ...errors,
      403: { description: 'Not staff', ...json(ZErrorBody) },
    },
  }),
};

/** Staff accounts: the regional admin opens, resets and disables them; everyone changes their own password. */
export function staffRoutes(deps: StaffDeps & { clock: Clock }) {
  return createRouter()
    .openapi(routes.list, async (c) =>
      c.json(await listStaff(deps, actorOf(c), c.req.valid('query'), deps.clock.now()), 200),
    )
    .openapi(routes.create, async (c) =>
      c.json(await createStaffAccount(deps, actorOf(c), c.req.valid('json'), deps.clock.now()), 201, noStore),
    )
    .openapi(routes.reset, async (c) =>
      c.json(
        await resetStaffPassword(deps, actorOf(c), c.req.valid('param').id, deps.clock.now()),
        200,
        noStore,
      ),
    )
    .openapi(routes.disable, async (c) =>
      c.json(
        await setStaffDisabled(
          deps,
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
          deps.clock.now(),
        ),
        200,
      ),
    )
    .openapi(routes.changePassword, async (c) => {
      const token = readSessionToken(c);
      const sessionId = token === undefined ? undefined : sha256Hex(token);
      return c.json(
        await changeOwnPassword(deps, actorOf(c), sessionId, c.req.valid('json'), deps.clock.now()),
        200,
      );
    });
}
