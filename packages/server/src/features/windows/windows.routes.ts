import { createRoute } from '@hono/zod-openapi';
import { ZErrorBody, ZMyWindows } from '@kezek/contracts';
import { actorOf } from '../../http/auth-middleware';
import { createRouter, json } from '../../http/openapi-app';
import type { Clock } from '../../platform/clock';
import type { Rules } from '../../platform/rules';
import type { ApplicationsRepository } from '../applications/applications.repository';
import { listMyWindows } from './list-my-windows';
import type { WindowsRepository } from './windows.repository';

const myWindows = createRoute({
  method: 'get',
  path: '/api/my/windows',
  tags: ['windows'],
  summary: "The signed-in applicant's allocation windows and whether each application may claim now",
  responses: {
    200: { description: 'Windows', ...json(ZMyWindows) },
    401: { description: 'Not signed in', ...json(ZErrorBody) },
    403: { description: 'Only an applicant', ...json(ZErrorBody) },
  },
});

export function windowsRoutes(deps: {
  windows: WindowsRepository;
  applications: Pick<ApplicationsRepository, 'queue'>;
  rules: Rules;
  format: (at: Date) => string;
  clock: Clock;
}) {
  return createRouter().openapi(myWindows, async (c) =>
    c.json(await listMyWindows(deps, actorOf(c), deps.clock.now()), 200),
  );
}
