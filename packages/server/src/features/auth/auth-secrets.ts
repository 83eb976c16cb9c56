import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, base64url: session tokens and challenge nonces. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const isToken = (value: string): boolean => TOKEN.test(value);

/** What the database keeps instead of a secret: a copy of the tables lets nobody act as a user. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * The session's CSRF token, derived from the session token so that GET /api/auth/session can hand it out again
 * although only its hash is stored; without the HttpOnly cookie nobody can compute it.
 */
export const csrfTokenFor = (sessionToken: string): string =>
  createHmac('sha256', sessionToken).update('kezek-csrf').digest('base64url');

/** Compares a presented secret with a stored hash in constant time. */
export function matchesHash(presented: string, storedHex: string): boolean {
  const actual = Buffer.from(sha256Hex(presented), 'hex');
  const expected = Buffer.from(storedHex, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
