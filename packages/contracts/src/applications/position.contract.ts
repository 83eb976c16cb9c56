import { z } from '@hono/zod-openapi';

export const ZPositionChange = z.object({
  at: z.string(),
  kind: z.string().openapi({ description: 'Stable machine code of the reason; the UI localises it' }),
  count: z.number().int(),
  rule: z.string(),
  message: z.string(),
  positionBefore: z.number().int().nullable(),
  positionAfter: z.number().int().nullable(),
});

export const ZPosition = z
  .object({
    applicationId: z.string().uuid(),
    queueKey: z.string(),
    status: z.string(),
    position: z.number().int().nullable(),
    queueLength: z.number().int(),
    aheadByGroup: z.object({ O: z.number().int(), P: z.number().int(), G: z.number().int() }),
  })
  .openapi('Position');
export type PositionView = z.infer<typeof ZPosition>;

/** Per day with a change, the reasons the position moved; the deltas of a day sum to its change. Newest first. */
export const ZPositionHistory = z
  .object({ applicationId: z.string().uuid(), changes: z.array(ZPositionChange) })
  .openapi('PositionHistory');
export type PositionHistoryView = z.infer<typeof ZPositionHistory>;
