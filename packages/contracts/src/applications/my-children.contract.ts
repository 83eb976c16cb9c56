import { z } from '@hono/zod-openapi';

/** The children the individuals database records for the signed-in applicant: the apply form's choice (R-ELIG-11). */
export const ZChildrenList = z
  .object({
    items: z.array(
      z.object({
        iin: z.string().openapi({ example: '220410500019' }),
        fullName: z.string(),
        birthDate: z.string().openapi({ example: '2022-04-10' }),
      }),
    ),
  })
  .openapi('ChildrenList');
export type ChildrenList = z.infer<typeof ZChildrenList>;
