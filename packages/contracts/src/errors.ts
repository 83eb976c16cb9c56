import { z } from '@hono/zod-openapi';

/**
 * The closed set of error codes of the API (DESIGN.md "one error type").
 * Each maps to exactly one HTTP status at the edge; clients switch on `code`, never on `message`.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      field: z
        .string()
        .optional()
        .openapi({ description: 'Path of the offending input field, e.g. `child.birthDate`' }),
      rule: z
        .string()
        .optional()
        .openapi({ description: 'Rule ID of spec/preschool-rules.md, e.g. `R-ELIG-02`' }),
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error');

export type ErrorBody = z.infer<typeof ZErrorBody>;
