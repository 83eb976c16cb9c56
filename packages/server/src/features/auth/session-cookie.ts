import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isToken } from './auth-secrets';

export const SESSION_COOKIE = 'kezek_session';

/** `auto`: Secure when the request reached us over HTTPS (directly or, per X-Forwarded-Proto, via a proxy). */
export type CookieSecurity = 'auto' | 'always' | 'never';

function isSecure(c: Context, security: CookieSecurity): boolean {
  if (security !== 'auto') return security === 'always';
  // Trusting the header is harmless here: a forged value can only make the client's own cookie stricter.
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** The session token of the request's cookie, when it is well-formed. */
export function readSessionToken(c: Context): string | undefined {
  const token = getCookie(c, SESSION_COOKIE);
  return token !== undefined && isToken(token) ? token : undefined;
}

/**
 * HttpOnly (scripts never see it), SameSite=Lax (not sent with cross-site writes), host-only (no Domain), and
 * without Max-Age so closing the browser ends it on a shared service-centre PC; the server enforces expiry.
 */
export function setSessionCookie(c: Context, token: string, security: CookieSecurity): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isSecure(c, security),
  });
}

export function clearSessionCookie(c: Context, security: CookieSecurity): void {
  deleteCookie(c, SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isSecure(c, security),
  });
}
