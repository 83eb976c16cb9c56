import type { Actor } from '../../platform/actor';
import { sha256Hex } from './auth-secrets';
import type { AuthRepository, SessionRow } from './auth.repository';
import { isSessionLive, needsTouch, SESSION_POLICY } from './session-policy';

export type AuthenticatedSession = { id: string; actor: Actor; csrfTokenHash: string };

function actorOfSession(row: SessionRow): Actor | undefined {
  if (row.actor_type === 'applicant')
    return row.applicant_id !== null && row.applicant_iin !== null
      ? { kind: 'applicant', applicantId: row.applicant_id, iin: row.applicant_iin }
      : undefined;
  // A disabled account's sessions end at once, whatever their expiry.
  return row.staff_user_id !== null && row.role !== null && row.staff_disabled_at === null
    ? {
        kind: 'staff',
        userId: row.staff_user_id,
        role: row.role,
        districtKato: row.district_kato,
        kindergartenId: row.kindergarten_id,
      }
    : undefined;
}

/**
 * The session a cookie token names, if it is live; slides its idle expiry. Role and scope are read from the
 * account on every request, so a changed role or district applies at once, not at the next login.
 */
export async function authenticateSession(
  repo: Pick<AuthRepository, 'sessionById' | 'touchSession'>,
  token: string,
  now: Date,
): Promise<AuthenticatedSession | undefined> {
  const row = await repo.sessionById(sha256Hex(token));
  if (row === undefined || !isSessionLive(row, SESSION_POLICY[row.actor_type], now)) return undefined;
  const actor = actorOfSession(row);
  if (actor === undefined) return undefined;
  if (needsTouch(row, now)) await repo.touchSession(row.id, now);
  return { id: row.id, actor, csrfTokenHash: row.csrf_token_hash };
}
