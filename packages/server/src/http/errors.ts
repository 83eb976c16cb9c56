import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AppError } from '../platform/app-error';
import type { Env } from './env';

/** A zod failure of a request part, named by its first issue: the field path and what is wrong with it. */
export function validationError(error: ZodError, part: string): AppError {
  const issue = error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  const field = path === '' ? part : path;
  const message = issue ? `${field}: ${issue.message}` : `invalid ${part}`;
  return new AppError('VALIDATION_FAILED', message, { field });
}

/** Maps anything thrown to the error body; unknown errors are logged and hidden behind INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400 && /json/i.test(error.message)) {
      return new AppError('MALFORMED_JSON', 'The request body is not valid JSON', { field: 'body' });
    }
    if (error.status === 413) return new AppError('PAYLOAD_TOO_LARGE', error.message, { field: 'body' });
    if (error.status === 400) return new AppError('VALIDATION_FAILED', error.message);
  }
  // A uniqueness rule of the database lost a race against a concurrent request (the use case checked first, but
  // another transaction committed in between): the client retries and gets the answer of the winner.
  if (databaseErrorCode(error) === '23505') {
    return new AppError('CONFLICT', 'A concurrent request changed the same record; retry the request');
  }
  return new AppError('INTERNAL', 'Internal error; it has been logged with the request ID');
}

/** The SQLSTATE of a PostgreSQL (pg or PGlite) error, if it is one. */
function databaseErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function errorResponse(c: Context<Env>, error: AppError): Response {
  if (error.retryAfterSeconds !== undefined)
    c.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  return c.json(error.toBody(c.get('requestId')), error.status as ContentfulStatusCode);
}
