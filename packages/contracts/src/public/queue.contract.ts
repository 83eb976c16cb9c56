import { z } from '@hono/zod-openapi';
import { ZQueueKind } from '../applications/application.contract';
import { ZKato, ZPageQuery, pageOf } from '../common';

/** One queue (settlement × birth year × queue type), a page at a time; `number` jumps to the page holding it. */
export const ZPublicQueueQuery = ZPageQuery.extend({
  settlement: ZKato,
  birthYear: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2022 }),
  queue: ZQueueKind.default('general'),
  number: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .openapi({ description: 'An application number: the answer is the page that holds it' }),
});
export type PublicQueueQuery = z.infer<typeof ZPublicQueueQuery>;

/** What the public sees of a queued application (R-SYS-09): no name, IIN, contact or category. */
export const ZPublicQueueEntry = z
  .object({
    position: z.number().int(),
    number: z.string(),
    group: z.enum(['O', 'P', 'G']).openapi({
      description:
        'Ordering group: O out of turn, P first priority, G general (R-ORDER-04); not the category',
    }),
    submittedAt: z.string().openapi({ description: 'National time; the order within a group (R-ELIG-20)' }),
  })
  .openapi('PublicQueueEntry');

export const ZPublicQueuePage = pageOf(ZPublicQueueEntry)
  .extend({ queueKey: z.string(), asOf: z.string() })
  .openapi('PublicQueuePage');
export type PublicQueuePage = z.infer<typeof ZPublicQueuePage>;
