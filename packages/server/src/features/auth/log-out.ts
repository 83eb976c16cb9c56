import type { Actor } from '../../platform/actor';
import type { Transactor } from '../../platform/transactor';
import type { AuthTx } from './auth.repository';
import { authAudit, type RequestMeta } from './open-session';

/** Ends the presented session; signing out without a live session is not an error (the outcome is the same). */
export async function logOut(
  deps: { transaction: Transactor<AuthTx> },
  actor: Actor,
  meta: RequestMeta,
): Promise<void> {
  const sessionId = meta.presentedSessionId;
  if (sessionId === undefined) return;
  await deps.transaction(async ({ auth, audit }) => {
    if ((await auth.revokeSession(sessionId, meta.now)) === undefined) return;
    await audit.record(
      authAudit(meta, { actor, action: 'auth.logout', entityType: 'session', entityId: sessionId }),
    );
  });
}
