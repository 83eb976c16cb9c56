import type { Policy } from '../policy/policy';
import { instantAt, localDateOf, startOfLocalDay, type Instant } from '../time/instant';
import { addDays, type LocalDate } from '../time/local-date';

/**
 * The scheduled jobs (R-TIME-07): each runs at most once per scheduled instant, in this order when equal.
 * A window's close needs no job: its phase is a function of the clock (window.ts).
 */
export const JOB_ORDER = ['daily', 'windowOpen', 'bulletin'] as const;

export type JobKind = (typeof JOB_ORDER)[number];

export type DueJob = { readonly kind: JobKind; readonly at: Instant };

/**
 * The daily 00:00 job (expiries "until the end of day D" run at 00:00 of the next day, archive at 6,
 * interest, early-booked places reaching their set date): the first local midnight strictly after `after`.
 */
export const nextDailyAt = (after: Instant): Instant => startOfLocalDay(addDays(localDateOf(after), 1));

/**
 * §24(3), R-SYS-04: one bulletin a day at `bulletinTime`, the first strictly after `after` on a day later
 * than the last published one (a changed time applies from the next bulletin, G-12).
 */
export function nextBulletinAt(
  after: Instant,
  lastBulletinDate: LocalDate | undefined,
  policy: Policy,
): Instant {
  let date = localDateOf(after);
  if (lastBulletinDate !== undefined && date <= lastBulletinDate) date = addDays(lastBulletinDate, 1);
  for (; ; date = addDays(date, 1)) {
    const candidate = instantAt(date, policy.bulletinTime);
    if (candidate > after) return candidate;
  }
}

/** The earliest of the due jobs, ties in JOB_ORDER. */
export const earliestJob = (jobs: readonly DueJob[]): DueJob | undefined =>
  jobs.reduce<DueJob | undefined>(
    (best, job) =>
      best === undefined ||
      job.at < best.at ||
      (job.at === best.at && JOB_ORDER.indexOf(job.kind) < JOB_ORDER.indexOf(best.kind))
        ? job
        : best,
    undefined,
  );
