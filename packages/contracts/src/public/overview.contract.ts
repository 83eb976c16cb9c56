import { z } from '@hono/zod-openapi';
import { ZKato, ZLocalizedName } from '../common';

const ZDistrictFigures = z.object({
  kato: ZKato,
  name: ZLocalizedName,
  kindergartens: z.number().int(),
  groups: z.number().int(),
  capacity: z.number().int().openapi({ description: 'Sum of group capacities' }),
  queued: z.number().int().openapi({ description: 'Applications holding a place in a queue' }),
  pending: z.number().int().openapi({ description: 'Applications awaiting document verification' }),
});

/** GET /api/public/overview — anonymised figures per district; no personal data. */
export const ZOverview = z
  .object({
    regions: z.array(z.object({ kato: ZKato, name: ZLocalizedName, districts: z.array(ZDistrictFigures) })),
    totals: z.object({
      kindergartens: z.number().int(),
      groups: z.number().int(),
      capacity: z.number().int(),
      queued: z.number().int(),
      pending: z.number().int(),
    }),
    asOf: z.string().openapi({ description: 'Instant of the figures, ISO 8601 with offset' }),
  })
  .openapi('Overview');
export type Overview = z.infer<typeof ZOverview>;
