import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { matchesHash } from '../features/auth/auth-secrets';
import type { AuthRepository } from '../features/auth/auth.repository';
import { authenticateSession } from '../features/auth/authenticate-session';
import { clearSessionCookie, readSessionToken, type CookieSecurity } from '../features/auth/session-cookie';
import { PUBLIC_ACTOR, type Actor } from '../platform/actor';
import { AppError } from '../platform/app-error';
import type { Clock } from '../platform/clock';
import type { Env } from './env';
import { createRouter } from './openapi-app';

export type AuthMiddlewareDeps = {
  repo: Pick<AuthRepository, 'sessionById' | 'touchSession'>;
  clock: Clock;
  cookieSecurity: CookieSecurity;
  /** Origins besides the server's own allowed to send writes (a web app served from elsewhere). */
  trustedOrigins?: readonly string[];
};

export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const forbidden = (field: string, message: string) => new AppError('FORBIDDEN', message, { field });

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Writes must come from our own pages. Browsers send Origin with every cross-origin write (and
 * Sec-Fetch-Site with nearly all requests), so a forged form or fetch from another site is refused here even
 * before the CSRF token is looked at — which also covers the login forms, that have no session yet.
 */
function refuseCrossSite(c: Context<Env>, trustedOrigins: readonly string[]): void {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    const sameHost = hostOf(origin) !== undefined && hostOf(origin) === new URL(c.req.url).host;
    if (!sameHost && !trustedOrigins.includes(origin))
      throw forbidden('origin', `Cross-site request refused (Origin ${origin})`);
    return;
  }
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site')
    throw forbidden('sec-fetch-site', `Cross-site request refused (Sec-Fetch-Site ${site})`);
}

/**
 * Establishes the actor of every API request from the session cookie (anonymous without a live session) and
 * guards writes: no cross-site writes, and a session's writes carry its CSRF token (synchronizer token).
 */
export function authenticate(deps: AuthMiddlewareDeps): MiddlewareHandler<Env> {
  const trustedOrigins = deps.trustedOrigins ?? [];
  return async (c, next) => {
    const write = !SAFE_METHODS.has(c.req.method);
    if (write) refuseCrossSite(c, trustedOrigins);
    const token = readSessionToken(c);
    const session =
      token === undefined ? undefined : await authenticateSession(deps.repo, token, deps.clock.now());
    if (token !== undefined && session === undefined) clearSessionCookie(c, deps.cookieSecurity);
    if (write && session !== undefined) {
      const presented = c.req.header(CSRF_HEADER);
      if (presented === undefined || !matchesHash(presented, session.csrfTokenHash))
        throw forbidden(
          CSRF_HEADER.toLowerCase(),
          `Missing or wrong ${CSRF_HEADER} header; get the token from GET /api/auth/session`,
        );
    }
    c.set('actor', session?.actor ?? PUBLIC_ACTOR);
    await next();
  };
}

/** A router holding only the middleware: mounted before the feature routers, it runs ahead of all of them. */
export function authGate(deps: AuthMiddlewareDeps): OpenAPIHono<Env> {
  const gate = createRouter();
  gate.use('/api/*', authenticate(deps));
  return gate;
}

/** The actor of the request. Without the gate mounted it is anonymous, so a wiring mistake denies, never grants. */
export function actorOf(c: Context<Env>): Actor {
  const actor: Actor | undefined = c.get('actor');
  return actor ?? PUBLIC_ACTOR;
}
