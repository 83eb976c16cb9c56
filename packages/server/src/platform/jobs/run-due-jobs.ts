import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '@kezek/db';
import { createLogger, type Logger } from '../logger';
import type { JobDefinition } from './job';
import { jobRunsRepository } from './job-runs.repository';

export type RunDueJobsOptions = {
  /** How long a claim is held; must exceed the longest handler run (default 5 minutes). */
  leaseMs?: number;
  /** Slots older than this are not caught up after downtime (default 7 days); per job `catchUpWindowMs` wins. */
  catchUpWindowMs?: number;
  /** Most slots one job catches up in one tick (default 1000); the rest follow on the next tick. */
  maxSlotsPerJob?: number;
  /**
   * The time as each slot is claimed and finished (default: `now` throughout). A tick catching up many slots
   * runs for a while: each lease must start when its slot is claimed, not when the tick began, or a late slot
   * would start with a lease already spent and another process could take it over mid-run.
   */
  clock?: () => Date;
  log?: Logger;
};

export type SlotOutcome = {
  job: string;
  scheduledFor: Date;
  /** done/failed: this process ran it; alreadyDone: someone had; busy: another process holds it. */
  outcome: 'done' | 'failed' | 'alreadyDone' | 'busy';
};

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_CATCH_UP_MS = 7 * 86_400_000;

/** A name that tells operators which process holds a lease. */
export const defaultJobOwner = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

type Slot = { job: JobDefinition; order: number; scheduledFor: Date };

/**
 * Runs every slot due by `now` (R-TIME-07, ADR 0004): for each job the slots after its last completed
 * one, within the catch-up window, all jobs together oldest first. A slot that fails, or that another
 * process holds, stops its job's later slots until the next tick, so a job's slots complete in order.
 */
export async function runDueJobs(
  db: Db,
  jobs: readonly JobDefinition[],
  now: Date,
  owner: string,
  options: RunDueJobsOptions = {},
): Promise<SlotOutcome[]> {
  const repo = jobRunsRepository(db);
  const log = options.log ?? createLogger('silent');
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const timeNow = options.clock ?? (() => now);
  const slots: Slot[] = [];
  for (const [order, job] of jobs.entries()) {
    const windowStart = new Date(
      now.getTime() - (job.catchUpWindowMs ?? options.catchUpWindowMs ?? DEFAULT_CATCH_UP_MS),
    );
    const last = await repo.lastDone(job.name);
    if (last !== undefined && last < windowStart)
      log.warn('job slots older than the catch-up window are skipped', {
        job: job.name,
        lastDone: last.toISOString(),
        windowStart: windowStart.toISOString(),
      });
    // A slot exactly at the window's start is still inside it, hence the millisecond before.
    let slot = job.schedule(
      last === undefined || last < windowStart ? new Date(windowStart.getTime() - 1) : last,
    );
    for (let n = 0; slot <= now && n < (options.maxSlotsPerJob ?? 1000); n++, slot = job.schedule(slot))
      slots.push({ job, order, scheduledFor: slot });
  }
  slots.sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime() || a.order - b.order);

  const blocked = new Set<string>();
  const outcomes: SlotOutcome[] = [];
  for (const { job, scheduledFor } of slots) {
    if (blocked.has(job.name)) continue;
    const claimedAt = timeNow();
    const claim = await repo.claim(
      job.name,
      scheduledFor,
      owner,
      claimedAt,
      new Date(claimedAt.getTime() + leaseMs),
    );
    if (!claim.claimed) {
      if (claim.status === 'busy') blocked.add(job.name);
      outcomes.push({
        job: job.name,
        scheduledFor,
        outcome: claim.status === 'done' ? 'alreadyDone' : 'busy',
      });
      continue;
    }
    const slotLog = log.child({
      job: job.name,
      scheduledFor: scheduledFor.toISOString(),
      attempt: claim.attempt,
    });
    let outcome: { status: 'done'; result: unknown } | { status: 'failed'; error: string };
    try {
      outcome = {
        status: 'done',
        result: await job.handler(scheduledFor, { log: slotLog, attempt: claim.attempt }),
      };
    } catch (error) {
      outcome = { status: 'failed', error: error instanceof Error ? error.message : String(error) };
      slotLog.error('job slot failed; retried on the next tick', { error: outcome.error });
      blocked.add(job.name);
    }
    if (!(await repo.finish(job.name, scheduledFor, owner, timeNow(), outcome)))
      slotLog.warn('job slot lease was taken over before the run ended; raise the lease');
    outcomes.push({ job: job.name, scheduledFor, outcome: outcome.status });
  }
  return outcomes;
}
