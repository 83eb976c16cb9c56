import { csrfTokenFor, newToken, sha256Hex } from './auth-secrets';
import type { AuthQueries, NewSession } from './auth.repository';
import { SESSION_POLICY } from './session-policy';

/** What the edge knows about a request: for session rows and the audit log. */
export type RequestMeta = {
  now: Date;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** Hash of the session cookie the request came with, if any: a login replaces it (no session fixation). */
  presentedSessionId: string | undefined;
};

export type OpenedSession = { token: string; csrfToken: string };

/** A step of the login use cases, inside their transaction: the new session replaces any presented one. */
export async function openSession(
  tx: Pick<AuthQueries, 'insertSession' | 'revokeSession'>,
  subject: NewSession['subject'],
  meta: RequestMeta,
): Promise<OpenedSession> {
  if (meta.presentedSessionId !== undefined) await tx.revokeSession(meta.presentedSessionId, meta.now);
  const token = newToken();
  const csrfToken = csrfTokenFor(token);
  await tx.insertSession({
    id: sha256Hex(token),
    subject,
    csrfTokenHash: sha256Hex(csrfToken),
    createdAt: meta.now,
    expiresAt: new Date(meta.now.getTime() + SESSION_POLICY[subject.kind].absoluteMs),
    userAgent: meta.userAgent,
    ip: meta.ip,
  });
  return { token, csrfToken };
}
