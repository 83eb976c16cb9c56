import type { AuditEntry } from '../audit/audit.repository';
import { csrfTokenFor, newToken, sha256Hex } from './auth-secrets';
import type { AuthRepository, NewSession } from './auth.repository';
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

/** An audit entry of a sign-in event; the address and browser help to investigate account misuse. */
export const authAudit = (
  meta: RequestMeta,
  entry: Pick<AuditEntry, 'actor' | 'action' | 'entityType' | 'entityId'> & {
    data?: Record<string, unknown>;
  },
): AuditEntry => ({
  at: meta.now,
  requestId: meta.requestId,
  ...entry,
  data: { ip: meta.ip, userAgent: meta.userAgent, ...entry.data },
});

/** A step of the login use cases, inside their transaction: the new session replaces any presented one. */
export async function openSession(
  auth: Pick<AuthRepository, 'insertSession' | 'revokeSession'>,
  subject: NewSession['subject'],
  meta: RequestMeta,
): Promise<OpenedSession> {
  if (meta.presentedSessionId !== undefined) await auth.revokeSession(meta.presentedSessionId, meta.now);
  const token = newToken();
  const csrfToken = csrfTokenFor(token);
  await auth.insertSession({
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
