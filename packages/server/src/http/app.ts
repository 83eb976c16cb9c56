import { relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../platform/app-error';
import type { Logger } from '../platform/logger';
import type { Env } from './env';
import { errorResponse, toAppError } from './errors';
import { allowedMethods } from './method-not-allowed';
import { requestContext, requireJsonBody, securityHeaders } from './middleware';
import { createRouter } from './openapi-app';

export type AppOptions = {
  log: Logger;
  bodyLimitBytes: number;
  /** Feature routers, mounted at the root (their paths are absolute). */
  routers: ReadonlyArray<OpenAPIHono<Env>>;
  /** Directory of the built web app; when set, it is served with an index.html fallback for deep links. */
  webRoot?: string;
  version: string;
};

export function createApp(options: AppOptions): OpenAPIHono<Env> {
  const app = createRouter();
  app.use('*', requestContext(options.log), securityHeaders);
  app.use(
    '*',
    bodyLimit({
      maxSize: options.bodyLimitBytes,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', `The request body exceeds ${options.bodyLimitBytes} bytes`, {
          field: 'body',
        });
      },
    }),
  );
  app.use('/api/*', requireJsonBody);
  for (const router of options.routers) app.route('/', router);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Kezek API',
      version: options.version,
      description:
        'Preschool state services of Kazakhstan (Order No. 254): queue, bulletins, referrals, admission.',
    },
  });

  if (options.webRoot !== undefined) {
    const root = relative(process.cwd(), options.webRoot) || '.';
    app.get('*', async (c, next) => (isApiPath(c.req.path) ? next() : serveStatic({ root })(c, next)));
    app.get('*', async (c, next) =>
      isApiPath(c.req.path) || /\.[a-z0-9]+$/i.test(c.req.path)
        ? next()
        : serveStatic({ root, path: 'index.html' })(c, next),
    );
  }

  app.notFound((c) => {
    const allow = allowedMethods(app.routes, c.req.path);
    if (allow.length > 0) {
      c.header('Allow', allow.join(', '));
      return errorResponse(
        c,
        new AppError('METHOD_NOT_ALLOWED', `${c.req.method} is not allowed here; use ${allow.join(', ')}`),
      );
    }
    return errorResponse(c, new AppError('NOT_FOUND', `No such resource: ${c.req.path}`));
  });

  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') {
      c.get('log').error('unhandled error', {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    return errorResponse(c, appError);
  });
  return app;
}

function isApiPath(path: string): boolean {
  return (
    path.startsWith('/api/') ||
    path === '/api' ||
    path === '/openapi.json' ||
    path === '/healthz' ||
    path === '/readyz'
  );
}
