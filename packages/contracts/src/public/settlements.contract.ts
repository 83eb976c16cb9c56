import { z } from '@hono/zod-openapi';
import { ZKato, ZLocalizedName } from '../common';

export const ZSettlementListQuery = z.object({
  district: ZKato.optional().openapi({ description: 'Only the settlements of this district' }),
});
export type SettlementListQuery = z.infer<typeof ZSettlementListQuery>;

/** GET /api/public/settlements — the places one applies in (R-QUEUE-07: a queue is a settlement's), with their district. */
export const ZSettlementList = z
  .object({
    items: z.array(
      z.object({
        kato: ZKato,
        name: ZLocalizedName,
        district: z.object({ kato: ZKato, name: ZLocalizedName }),
        kindergartens: z.number().int().openapi({ description: 'Kindergartens in the settlement' }),
      }),
    ),
  })
  .openapi('SettlementList');
export type SettlementList = z.infer<typeof ZSettlementList>;
