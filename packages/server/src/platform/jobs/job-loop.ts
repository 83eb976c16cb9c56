import type { Db } from '@kezek/db';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { JobDefinition } from './job';
import { defaultJobOwner, runDueJobs, type RunDueJobsOptions } from './run-due-jobs';

export type JobLoop = {
  /** Runs one tick now (after any tick in progress); for `replay` and tests. */
  tick(): Promise<void>;
  /** Stops scheduling and waits for the tick in progress. */
  stop(): Promise<void>;
};

export type JobLoopDeps = {
  db: Db;
  jobs: readonly JobDefinition[];
  clock: Clock;
  log: Logger;
  intervalMs: number;
  owner?: string;
  options?: Omit<RunDueJobsOptions, 'log'>;
};

/** The server's scheduler: a tick every `intervalMs` (never two at once); a failing tick is logged, not fatal. */
export function startJobLoop(deps: JobLoopDeps): JobLoop {
  const owner = deps.owner ?? defaultJobOwner();
  const log = deps.log.child({ component: 'jobs', owner });
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const runOnce = async (): Promise<void> => {
    try {
      const outcomes = await runDueJobs(deps.db, deps.jobs, deps.clock.now(), owner, {
        ...deps.options,
        clock: () => deps.clock.now(),
        log,
      });
      for (const o of outcomes.filter((o) => o.outcome === 'done' || o.outcome === 'failed'))
        log.debug('job slot', { job: o.job, scheduledFor: o.scheduledFor.toISOString(), outcome: o.outcome });
    } catch (error) {
      log.error('job tick failed', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  const tick = (): Promise<void> => (running = running.then(runOnce));
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => void tick().then(schedule), deps.intervalMs);
  };

  void tick().then(schedule);
  log.info('job loop started', { jobs: deps.jobs.map((job) => job.name), intervalMs: deps.intervalMs });
  return {
    tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
