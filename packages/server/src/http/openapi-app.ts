import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Env } from './env';
import { validationError } from './errors';

/** Every router of Kezek: zod validation failures become VALIDATION_FAILED naming the field. */
export function createRouter(): OpenAPIHono<Env> {
  return new OpenAPIHono<Env>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
}

/** A JSON body of a route contract: `{ ...json(ZSchema) }` in a request body or a response. */
export const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
