import type { Db } from '@kezek/db';
import { sql } from 'kysely';

export type ClaimOutcome = { claimed: true; attempt: number } | { claimed: false; status: 'done' | 'busy' };

export type JobRunsRepository = ReturnType<typeof jobRunsRepository>;

/** The `job_runs` table: one row per (job, slot); the lease decides who runs it. */
export function jobRunsRepository(db: Db) {
  return {
    async lastDone(job: string): Promise<Date | undefined> {
      const row = await db
        .selectFrom('job_runs')
        .select((eb) => eb.fn.max('scheduled_for').as('last'))
        .where('job', '=', job)
        .where('status', '=', 'done')
        .executeTakeFirst();
      return row?.last === null || row?.last === undefined ? undefined : new Date(row.last);
    },

    /**
     * Claims a slot: the first claimant inserts it (the primary key lets only one succeed); later ones
     * take it over only when it failed or its lease expired, in one conditional UPDATE, so two processes
     * never hold the same slot.
     */
    async claim(
      job: string,
      scheduledFor: Date,
      owner: string,
      now: Date,
      leaseUntil: Date,
    ): Promise<ClaimOutcome> {
      const inserted = await db
        .insertInto('job_runs')
        .values({
          job,
          scheduled_for: scheduledFor,
          status: 'running',
          attempts: 1,
          lease_owner: owner,
          lease_until: leaseUntil,
          started_at: now,
        })
        .onConflict((oc) => oc.columns(['job', 'scheduled_for']).doNothing())
        .returning('attempts')
        .executeTakeFirst();
      if (inserted !== undefined) return { claimed: true, attempt: inserted.attempts };
      const taken = await db
        .updateTable('job_runs')
        .set({
          status: 'running',
          attempts: sql<number>`attempts + 1`,
          lease_owner: owner,
          lease_until: leaseUntil,
          started_at: now,
          finished_at: null,
        })
        .where('job', '=', job)
        .where('scheduled_for', '=', scheduledFor)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'failed'),
            eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)]),
          ]),
        )
        .returning('attempts')
        .executeTakeFirst();
      if (taken !== undefined) return { claimed: true, attempt: taken.attempts };
      const row = await db
        .selectFrom('job_runs')
        .select('status')
        .where('job', '=', job)
        .where('scheduled_for', '=', scheduledFor)
        .executeTakeFirst();
      return { claimed: false, status: row?.status === 'done' ? 'done' : 'busy' };
    },

    /** Ends a claimed run; false when the lease was lost (another process took the slot over). */
    async finish(
      job: string,
      scheduledFor: Date,
      owner: string,
      now: Date,
      outcome: { status: 'done'; result: unknown } | { status: 'failed'; error: string },
    ): Promise<boolean> {
      const result = await db
        .updateTable('job_runs')
        .set({
          status: outcome.status,
          finished_at: now,
          lease_owner: null,
          lease_until: null,
          result: outcome.status === 'done' ? JSON.stringify(outcome.result ?? null) : null,
          error: outcome.status === 'failed' ? outcome.error : null,
        })
        .where('job', '=', job)
        .where('scheduled_for', '=', scheduledFor)
        .where('status', '=', 'running')
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    /** What ran, for operators and tests. */
    history(job: string) {
      return db
        .selectFrom('job_runs')
        .select(['scheduled_for', 'status', 'attempts', 'lease_owner', 'lease_until', 'error', 'result'])
        .where('job', '=', job)
        .orderBy('scheduled_for')
        .execute();
    },
  };
}
