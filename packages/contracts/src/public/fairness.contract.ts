import { z } from '@hono/zod-openapi';
import { ZKato, ZLocalizedName } from '../common';

const ZIsoDate = z.iso.date();

/** The period (default: the 365 days up to today) and, optionally, one district. */
export const ZFairnessQuery = z.object({
  district: ZKato.optional(),
  from: ZIsoDate.optional().openapi({ example: '2026-01-01' }),
  to: ZIsoDate.optional().openapi({ example: '2026-12-31', description: 'Inclusive' }),
});
export type FairnessQuery = z.infer<typeof ZFairnessQuery>;

const ZGroupCounts = z.object({ O: z.number().int(), P: z.number().int(), G: z.number().int() });

/** How the places went, in numbers anyone may check: nothing personal, nothing below a kindergarten. */
export const ZFairness = z
  .object({
    district: ZKato.nullable(),
    from: z.string(),
    to: z.string(),
    asOf: z.string(),
    referrals: z.object({
      total: z.number().int(),
      byGroup: ZGroupCounts.openapi({ description: 'Ordering group of the application (R-ORDER-04)' }),
      byCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
      byStatus: z.record(z.string(), z.number().int()),
    }),
    interleave: z.object({
      priority: z.number().int(),
      general: z.number().int(),
      target: z.number().int().openapi({ description: 'General referrals per first-priority one (§21 ¶3)' }),
      achieved: z
        .number()
        .nullable()
        .openapi({ description: 'General per first-priority referral; null if none' }),
    }),
    waitDays: z.object({
      referrals: z.number().int(),
      median: z.number().nullable(),
      p90: z.number().nullable(),
    }),
    kindergartens: z.array(
      z.object({
        id: z.uuid(),
        name: ZLocalizedName,
        revokedUnits: z.number().int(),
        revokedByReason: z.record(z.string(), z.number().int()),
        refusals: z.number().int(),
        refusalsByReason: z.record(z.string(), z.number().int()),
      }),
    ),
  })
  .openapi('Fairness');
export type Fairness = z.infer<typeof ZFairness>;
