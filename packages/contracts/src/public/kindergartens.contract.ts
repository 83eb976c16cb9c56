import { z } from '@hono/zod-openapi';
import { ZKato, ZLocalizedName, ZPageQuery, pageOf } from '../common';

export const ZKindergartenListQuery = ZPageQuery.extend({
  district: ZKato.optional().openapi({ description: 'Only kindergartens of this district' }),
  ownership: z.enum(['state', 'private']).optional(),
  language: z.enum(['kk', 'ru', 'en']).optional().openapi({ description: 'Has a group with this language' }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Search in the name' }),
});
export type KindergartenListQuery = z.infer<typeof ZKindergartenListQuery>;

export const ZKindergartenSummary = z
  .object({
    id: z.string().uuid(),
    bin: z.string(),
    name: ZLocalizedName,
    district: z.object({ kato: ZKato, name: ZLocalizedName }),
    ownership: z.enum(['state', 'private']),
    stateOrder: z.boolean(),
    address: z.string(),
    languages: z.array(z.string()),
    groups: z.number().int(),
    capacity: z.number().int(),
  })
  .openapi('KindergartenSummary');
export type KindergartenSummary = z.infer<typeof ZKindergartenSummary>;

export const ZKindergartenPage = pageOf(ZKindergartenSummary).openapi('KindergartenPage');
export type KindergartenPage = z.infer<typeof ZKindergartenPage>;
