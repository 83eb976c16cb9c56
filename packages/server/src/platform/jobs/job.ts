import {
  addDays,
  instantAt,
  instantFromEpochMs,
  localDateOf,
  type LocalDate,
  type TimeOfDay,
} from '@kezek/domain';
import type { Logger } from '../logger';

/** The first slot strictly after `after`. Pure: the same input always gives the same slot. */
export type Schedule = (after: Date) => Date;

export type JobContext = {
  log: Logger;
  /** 1 on the first run of the slot, then 2, 3 … on retries. */ attempt: number;
};

/**
 * A scheduled job (ADR 0004). The handler gets the slot's instant and must not read the clock, so a
 * slot run late, retried or replayed does the same thing; it must be idempotent for its slot, because a
 * crash after its writes and before the slot is marked done runs it again. Its result is stored as JSON.
 */
export type JobDefinition = {
  name: string;
  schedule: Schedule;
  handler: (scheduledFor: Date, ctx: JobContext) => Promise<unknown>;
  /** Slots older than this before `now` are not caught up (default: the runner's window). */
  catchUpWindowMs?: number;
};

/**
 * Every day at `time` Kazakhstan national time (R-TIME-01), computed from the offset table, never the
 * runtime's tzdata; `on` keeps only some days (working days, for instance).
 */
export function dailyAt(time: TimeOfDay, on: (date: LocalDate) => boolean = () => true): Schedule {
  return (after) => {
    const afterInstant = instantFromEpochMs(after.getTime());
    let date = localDateOf(afterInstant);
    // A year always has a matching day for any sane filter; past that the filter is a bug.
    for (let day = 0; day <= 366; day++, date = addDays(date, 1)) {
      const slot = instantAt(date, time);
      if (slot > afterInstant && on(date)) return new Date(slot);
    }
    throw new RangeError(`dailyAt(${time}): no matching day within a year after ${after.toISOString()}`);
  };
}

/** Every `intervalMs`, aligned to the Unix epoch so all processes agree on the slots. */
export function every(intervalMs: number): Schedule {
  if (!Number.isSafeInteger(intervalMs) || intervalMs <= 0)
    throw new RangeError(`every(${intervalMs}): a positive whole number of milliseconds`);
  return (after) => new Date((Math.floor(after.getTime() / intervalMs) + 1) * intervalMs);
}
