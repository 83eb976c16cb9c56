import { OpenAPIHono } from '@hono/zod-openapi';
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
