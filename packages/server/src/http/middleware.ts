import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../platform/app-error';
import type { Logger } from '../platform/logger';
import type { Env } from './env';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Request ID (kept from X-Request-Id when well-formed), a child logger, and one access-log line per request. */
export function requestContext(log: Logger): MiddlewareHandler<Env> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming !== undefined && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.set('log', log.child({ requestId }));
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    c.get('log').info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** API bodies are JSON: anything else is a clear 415 instead of a confusing validation error. */
export const requireJsonBody: MiddlewareHandler<Env> = async (c, next) => {
  if (BODY_METHODS.has(c.req.method)) {
    const type = c.req.header('content-type');
    const hasBody =
      c.req.header('content-length') !== '0' &&
      (type !== undefined || c.req.header('transfer-encoding') !== undefined);
    if (hasBody && !/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(type ?? '')) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type must be application/json (got "${type ?? 'none'}")`,
        {
          field: 'content-type',
        },
      );
    }
  }
  await next();
};

/** Security headers for every response (the SPA and the API). */
export const securityHeaders: MiddlewareHandler<Env> = async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  );
};
