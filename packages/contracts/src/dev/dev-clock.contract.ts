import { z } from '@hono/zod-openapi';

/**
 * POST /api/dev/clock — DEVELOPMENT ONLY. Moves a demo server's clock (KEZEK_NOW) forward to `to`; the job loop
 * then catches up every slot passed over, in order, as after downtime. Exists only on a development server.
 */
export const ZDevClockRequest = z
  .object({
    to: z.iso.datetime({ offset: true }).openapi({
      example: '2026-03-02T18:00:00+05:00',
      description: 'The instant to move to (ISO 8601 with offset); not before the server’s now',
    }),
  })
  .openapi('DevClockRequest');
export type DevClockRequest = z.infer<typeof ZDevClockRequest>;

export const ZDevClock = z
  .object({ now: z.string().openapi({ description: "The server's now after the move, national time" }) })
  .openapi('DevClock');
export type DevClock = z.infer<typeof ZDevClock>;
