import type { AuthRepository } from './auth.repository';
import type { RequestMeta } from './open-session';

/** Ends the presented session; signing out without a live session is not an error (the outcome is the same). */
export async function logOut(repo: Pick<AuthRepository, 'transaction'>, meta: RequestMeta): Promise<void> {
  const sessionId = meta.presentedSessionId;
  if (sessionId === undefined) return;
  await repo.transaction(async (tx) => {
    const revoked = await tx.revokeSession(sessionId, meta.now);
    if (revoked === undefined) return;
    await tx.audit({
      at: meta.now,
      actor_type: revoked.actor_type,
      actor_id: revoked.staff_user_id ?? revoked.applicant_id,
      action: 'auth.logout',
      entity_type: 'session',
      entity_id: sessionId,
      request_id: meta.requestId,
      data: { ip: meta.ip, userAgent: meta.userAgent },
    });
  });
}
