import { z } from '@hono/zod-openapi';

export const ZHealth = z.object({ status: z.literal('ok') }).openapi('Health');

export const ZReadiness = z
  .object({
    status: z.enum(['ready', 'not-ready']),
    database: z.object({ engine: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
    migrations: z.object({
      applied: z.number().int(),
      expected: z.number().int(),
      pending: z.array(z.string()),
    }),
  })
  .openapi('Readiness');
export type Readiness = z.infer<typeof ZReadiness>;
