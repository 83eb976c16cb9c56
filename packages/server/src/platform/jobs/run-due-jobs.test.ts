import type { DbHandle } from '@kezek/db';
import { openTestDb } from '@kezek/db/testing';
import { timeOfDay } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { createLogger } from '../logger';
import { dailyAt, every, type JobDefinition } from './job';
import { startJobLoop } from './job-loop';
import { jobRunsRepository } from './job-runs.repository';
import { runDueJobs } from './run-due-jobs';

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();

/** A job that records the slots it ran, optionally failing some attempts. */
function recordingJob(
  name: string,
  schedule = dailyAt(timeOfDay('18:00')),
  failWhile?: (slot: Date, attempt: number) => boolean,
) {
  const ran: string[] = [];
  const job: JobDefinition = {
    name,
    schedule,
    handler: (scheduledFor, ctx) => {
      if (failWhile?.(scheduledFor, ctx.attempt))
        return Promise.reject(new Error(`boom on attempt ${ctx.attempt}`));
      ran.push(iso(scheduledFor));
      return Promise.resolve({ slot: iso(scheduledFor) });
    },
  };
  return { job, ran };
}

describe('runDueJobs', () => {
  it('catches up missed daily slots after downtime, oldest first, each once', async () => {
    const bulletin = recordingJob('catch-up-bulletin');
    // Last run Monday 18:00 (+05); the server was down until Thursday 19:00.
    await runDueJobs(handle.db, [bulletin.job], new Date('2026-03-02T13:30:00Z'), 'a', {
      catchUpWindowMs: HOUR,
    });
    expect(bulletin.ran).toEqual(['2026-03-02T13:00:00.000Z']);
    const outcomes = await runDueJobs(handle.db, [bulletin.job], new Date('2026-03-05T14:00:00Z'), 'a');
    expect(outcomes.map((o) => [iso(o.scheduledFor), o.outcome])).toEqual([
      ['2026-03-03T13:00:00.000Z', 'done'],
      ['2026-03-04T13:00:00.000Z', 'done'],
      ['2026-03-05T13:00:00.000Z', 'done'],
    ]);
    expect(await runDueJobs(handle.db, [bulletin.job], new Date('2026-03-05T14:00:00Z'), 'b')).toEqual([]);
    expect(bulletin.ran).toHaveLength(4);
    const history = await jobRunsRepository(handle.db).history('catch-up-bulletin');
    expect(history.map((r) => [r.status, r.attempts, r.lease_owner])).toEqual(
      Array(4).fill(['done', 1, null]),
    );
    expect(history[1]?.result).toEqual({ slot: '2026-03-03T13:00:00.000Z' });
  });

  it('interleaves the slots of several jobs in time order (Monday 18:00 bulletin before Tuesday 07:00 window)', async () => {
    const order: string[] = [];
    const job = (name: string, at: string): JobDefinition => ({
      name,
      schedule: dailyAt(timeOfDay(at)),
      handler: (slot) => Promise.resolve(void order.push(`${name}@${iso(slot)}`)),
    });
    await runDueJobs(
      handle.db,
      [job('order-window', '07:00'), job('order-bulletin', '18:00')],
      new Date('2026-03-03T03:00:00Z'),
      'a',
      { catchUpWindowMs: 25 * HOUR },
    );
    expect(order).toEqual([
      'order-window@2026-03-02T02:00:00.000Z',
      'order-bulletin@2026-03-02T13:00:00.000Z',
      'order-window@2026-03-03T02:00:00.000Z',
    ]);
  });

  it('does not catch up beyond the window', async () => {
    const job = recordingJob('window-job');
    await runDueJobs(handle.db, [job.job], new Date('2026-03-01T14:00:00Z'), 'a', { catchUpWindowMs: HOUR });
    await runDueJobs(handle.db, [job.job], new Date('2026-03-20T14:00:00Z'), 'a', {
      catchUpWindowMs: 3 * 24 * HOUR,
    });
    expect(job.ran).toEqual([
      '2026-03-01T13:00:00.000Z',
      '2026-03-18T13:00:00.000Z',
      '2026-03-19T13:00:00.000Z',
      '2026-03-20T13:00:00.000Z',
    ]);
  });

  it('retries a failed slot on the next tick, counting attempts, and holds later slots back until it succeeds', async () => {
    const flaky = recordingJob(
      'flaky-job',
      dailyAt(timeOfDay('18:00')),
      (slot, attempt) => iso(slot) === '2026-03-02T13:00:00.000Z' && attempt < 3,
    );
    const now = new Date('2026-03-03T14:00:00Z');
    const window = { catchUpWindowMs: 2 * 24 * HOUR };
    const first = await runDueJobs(handle.db, [flaky.job], now, 'a', window);
    expect(first.map((o) => o.outcome)).toEqual(['failed']);
    const repo = jobRunsRepository(handle.db);
    expect(await repo.history('flaky-job')).toMatchObject([
      { status: 'failed', attempts: 1, error: 'boom on attempt 1' },
    ]);
    await runDueJobs(handle.db, [flaky.job], now, 'a', window);
    const third = await runDueJobs(handle.db, [flaky.job], now, 'b', window);
    expect(third.map((o) => o.outcome)).toEqual(['done', 'done']);
    expect(await repo.history('flaky-job')).toMatchObject([
      { status: 'done', attempts: 3, error: null },
      { status: 'done', attempts: 1 },
    ]);
    expect(flaky.ran).toEqual(['2026-03-02T13:00:00.000Z', '2026-03-03T13:00:00.000Z']);
  });

  it('R-TIME-07: each slot of a long catch-up gets a lease from when it is claimed, not when the tick began', async () => {
    const clock = manualClock(new Date('2026-03-02T08:00:00Z'));
    const leases: Date[] = [];
    const slow: JobDefinition = {
      name: 'slow-catch-up',
      schedule: every(HOUR),
      handler: async (scheduledFor) => {
        const row = (await jobRunsRepository(handle.db).history('slow-catch-up')).find(
          (r) => r.scheduled_for.getTime() === scheduledFor.getTime(),
        );
        if (row?.lease_until != null) leases.push(row.lease_until);
        clock.advance(10 * 60_000); // each slot takes ten minutes, twice the lease
      },
    };
    await runDueJobs(handle.db, [slow], clock.now(), 'a', {
      catchUpWindowMs: 3 * HOUR - 1,
      leaseMs: 5 * 60_000,
      clock: () => clock.now(),
    });
    expect(leases.map(iso)).toEqual([
      '2026-03-02T08:05:00.000Z',
      '2026-03-02T08:15:00.000Z',
      '2026-03-02T08:25:00.000Z',
    ]);
  });

  it('skips a slot leased by a live process and takes it over once the lease expires', async () => {
    const job = recordingJob('lease-job', every(HOUR));
    const slot = new Date('2026-03-02T05:00:00Z');
    const repo = jobRunsRepository(handle.db);
    const crashedAt = new Date('2026-03-02T05:00:01Z');
    expect(
      await repo.claim('lease-job', slot, 'crashed', crashedAt, new Date(crashedAt.getTime() + 10 * 60_000)),
    ).toEqual({
      claimed: true,
      attempt: 1,
    });
    const window = { catchUpWindowMs: HOUR };
    const during = await runDueJobs(handle.db, [job.job], new Date('2026-03-02T05:05:00Z'), 'b', window);
    expect(during.map((o) => o.outcome)).toEqual(['busy']);
    expect(job.ran).toEqual([]);
    const after = await runDueJobs(handle.db, [job.job], new Date('2026-03-02T05:20:00Z'), 'b', window);
    expect(after.map((o) => o.outcome)).toEqual(['done']);
    expect(await repo.history('lease-job')).toMatchObject([{ status: 'done', attempts: 2 }]);
    // The crashed process cannot mark the slot it lost.
    expect(
      await repo.finish('lease-job', slot, 'crashed', new Date(), { status: 'done', result: null }),
    ).toBe(false);
  });

  it('never runs a slot twice with concurrent runners (truly parallel on PostgreSQL)', async () => {
    const runs = new Map<string, number>();
    const jobs: JobDefinition[] = ['par-a', 'par-b', 'par-c'].map((name) => ({
      name,
      schedule: every(HOUR),
      handler: async (slot) => {
        const key = `${name}@${iso(slot)}`;
        runs.set(key, (runs.get(key) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    }));
    const now = new Date('2026-03-03T05:30:00Z');
    const options = { catchUpWindowMs: 24 * HOUR };
    let contended = 0;
    for (let tick = 0; tick < 6; tick++) {
      const ticks = await Promise.all(
        ['w1', 'w2', 'w3', 'w4'].map((owner) => runDueJobs(handle.db, jobs, now, owner, options)),
      );
      contended += ticks.flat().filter((o) => o.outcome === 'busy' || o.outcome === 'alreadyDone').length;
    }
    expect(runs.size).toBe(3 * 24);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    // PGlite serialises the runners; on PostgreSQL they really met on the same slots.
    if (handle.engine === 'postgres') expect(contended).toBeGreaterThan(0);
  });
});

describe('startJobLoop', () => {
  it('ticks on its own, follows the clock, and stops cleanly', async () => {
    const clock = manualClock(new Date('2026-03-02T05:30:00Z'));
    const job = recordingJob('loop-job', every(HOUR));
    const loop = startJobLoop({
      db: handle.db,
      jobs: [job.job],
      clock,
      log: createLogger('silent'),
      intervalMs: 10,
      options: { catchUpWindowMs: HOUR },
    });
    await loop.tick();
    expect(job.ran).toEqual(['2026-03-02T05:00:00.000Z']);
    clock.advance(HOUR);
    await loop.tick();
    expect(job.ran).toEqual(['2026-03-02T05:00:00.000Z', '2026-03-02T06:00:00.000Z']);
    await loop.stop();
    clock.advance(HOUR);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(job.ran).toHaveLength(2);
  });
});
