import { createRoute } from '@hono/zod-openapi';
import { ZDevClock, ZDevClockRequest, ZErrorBody } from '@kezek/contracts';
import { createRouter, json } from '../../http/openapi-app';
import { AppError } from '../../platform/app-error';
import type { TravellingClock } from '../../platform/clock';

const travel = createRoute({
  method: 'post',
  path: '/api/dev/clock',
  tags: ['development'],
  summary: "DEVELOPMENT ONLY: move the demo server's clock forward; the jobs catch up the slots passed over",
  description:
    'Exists only on a development server living on a chosen day (KEZEK_NOW with the development adapters). ' +
    'Lets a demo or a browser test go through the 18:00 bulletin and the 07:00 window without waiting for them.',
  request: { body: { ...json(ZDevClockRequest), required: true } },
  responses: {
    200: { description: "The server's now after the move", ...json(ZDevClock) },
    400: { description: 'Not an instant', ...json(ZErrorBody) },
    409: { description: 'Before the server’s now: the clock only moves forward', ...json(ZErrorBody) },
  },
});

/** Mounted by compose.ts only with a travelling clock (KEZEK_NOW on a development server). */
export function devClockRoutes(deps: { clock: TravellingClock; format: (at: Date) => string }) {
  return createRouter().openapi(travel, (c) => {
    const to = new Date(c.req.valid('json').to);
    if (to.getTime() < deps.clock.now().getTime())
      throw new AppError('CONFLICT', 'The clock only moves forward', { field: 'to' });
    deps.clock.travelTo(to);
    return c.json({ now: deps.format(deps.clock.now()) }, 200);
  });
}
