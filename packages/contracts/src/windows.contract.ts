import { z } from '@hono/zod-openapi';

/** R-WIN-03..07: one allocation window an applicant's application takes part in, and its access now. */
export const ZMyWindow = z
  .object({
    windowId: z.number().int(),
    applicationId: z.string().uuid(),
    applicationNumber: z.string(),
    queueKey: z.string(),
    units: z.number().int(),
    opensAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    phase: z.enum(['none', 'priority', 'leftover']),
    /** In the frozen priority set (R-WIN-04) with its rank. */
    priorityRank: z.number().int().nullable(),
    /** May claim this window's units right now (R-WIN-06, R-WIN-07). */
    canClaimNow: z.boolean(),
    /** The settlement's policy in force now, as far as the applicant's choice depends on it. */
    terms: z
      .object({
        priorityWindowWorkingDays: z.number().int(),
        leftoverFirstN: z.number().int(),
        referralValidityWorkingDays: z.number().int(),
      })
      .openapi({ description: 'R-WIN-05, R-WIN-07, R-REF-05 as the region sets them' }),
  })
  .openapi('MyWindow');
export type MyWindow = z.infer<typeof ZMyWindow>;

export const ZMyWindows = z.object({ windows: z.array(ZMyWindow) }).openapi('MyWindows');
export type MyWindows = z.infer<typeof ZMyWindows>;
