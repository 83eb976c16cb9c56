import type { SessionActorType } from '@kezek/db';

const MINUTE_MS = 60_000;

export type SessionPolicy = { idleMs: number; absoluteMs: number };

/** A session ends after 30 idle minutes, and after 12 hours whatever the activity (shared service-centre PCs). */
export const SESSION_POLICY: Record<SessionActorType, SessionPolicy> = {
  staff: { idleMs: 30 * MINUTE_MS, absoluteMs: 12 * 60 * MINUTE_MS },
  applicant: { idleMs: 30 * MINUTE_MS, absoluteMs: 12 * 60 * MINUTE_MS },
};

/** Activity is written at most this often, so reading a page is not a database write per request. */
export const TOUCH_INTERVAL_MS = MINUTE_MS;

export type SessionTimes = { last_seen_at: Date; expires_at: Date; revoked_at: Date | null };

export function isSessionLive(session: SessionTimes, policy: SessionPolicy, now: Date): boolean {
  const t = now.getTime();
  return (
    session.revoked_at === null &&
    t < session.expires_at.getTime() &&
    t < session.last_seen_at.getTime() + policy.idleMs
  );
}

export const needsTouch = (session: SessionTimes, now: Date): boolean =>
  now.getTime() - session.last_seen_at.getTime() >= TOUCH_INTERVAL_MS;
