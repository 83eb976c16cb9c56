import type { Db } from '@kezek/db';
import { every, type JobDefinition } from '../../platform/jobs/job';
import { authRepository } from './auth.repository';
import { SESSION_POLICY } from './session-policy';

const HOUR_MS = 3_600_000;

/** The longest a session may sit idle and still be live, over every kind of session. */
const LONGEST_IDLE_MS = Math.max(...Object.values(SESSION_POLICY).map((policy) => policy.idleMs));

/**
 * Every hour: sessions that ended (signed out, expired, idle too long), sign-in challenges past their expiry and
 * run-out lockouts are deleted — they can never be used again, and a session table of dead rows is a table of
 * device and IP data kept for nothing. Sign-ins and sign-outs stay in the audit log. Idempotent: a slot run twice
 * deletes nothing the second time.
 */
export function purgeSessionsJob(deps: { db: Db }): JobDefinition {
  const repo = authRepository(deps.db);
  return {
    name: 'purgeSessions',
    schedule: every(HOUR_MS),
    catchUpWindowMs: HOUR_MS,
    handler: async (scheduledFor) => {
      const sessions = await repo.purgeEndedSessions(
        scheduledFor,
        new Date(scheduledFor.getTime() - LONGEST_IDLE_MS),
      );
      await repo.deleteExpiredChallenges(scheduledFor);
      return { sessions };
    },
  };
}
