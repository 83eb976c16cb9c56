import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { Policy } from '../policy/policy';
import { instantAt, localDateOf, toLocalDateTime, type Instant } from '../time/instant';
import { addDays } from '../time/local-date';
import { timeOfDay } from '../time/time-of-day';

export type WindowPhase = 'none' | 'priority' | 'leftover';

/**
 * One allocation window (R-WIN-03..07): the units of queue key `key` published by `bulletins` (several when
 * their windows open at the same instant), the priority access set frozen at opening, then the leftover.
 */
export type AllocationWindow = {
  readonly key: string;
  readonly bulletins: readonly number[];
  readonly units: number;
  readonly publishedAt: Instant;
  /** R-WIN-04: every unit of the window is in a state organisation (R-QUEUE-09 applicants are skipped). */
  readonly allState: boolean;
  readonly opensAt?: Instant;
  readonly closesAt?: Instant;
  readonly access: readonly string[];
};

/**
 * R-WIN-03, R-SYS-05: the first `windowOpens` instant strictly after `after`, every calendar day, or
 * on working days only when the policy says so.
 */
export function windowOpeningAfter(after: Instant, policy: Policy, calendar: WorkingDayCalendar): Instant {
  for (let date = localDateOf(after); ; date = addDays(date, 1)) {
    const candidate = instantAt(date, policy.windowOpens);
    if (candidate > after && (policy.windowEveryCalendarDay || calendar.isWorkingDay(date))) return candidate;
  }
}

/** R-WIN-05: the window closes at its opening clock time on the N-th working day after the opening date. */
export function windowClosing(opensAt: Instant, policy: Policy, calendar: WorkingDayCalendar): Instant {
  const opening = toLocalDateTime(opensAt);
  return instantAt(
    calendar.addWorkingDays(localDateOf(opensAt), policy.priorityWindowWorkingDays),
    timeOfDay(opening.slice(11, 16)),
  );
}

/**
 * R-WIN-04: the first `count` applications of the queue order that can claim, skipping those that
 * cannot; the result is frozen for the window and never refilled (R-WIN-06).
 */
export const firstWhoCanClaim = (
  order: readonly string[],
  count: number,
  canClaim: (application: string) => boolean,
): string[] => order.filter(canClaim).slice(0, count);

/** R-WIN-04, R-WIN-05: the window opened at `at` with its frozen access set. */
export const openWindow = (
  window: AllocationWindow,
  at: Instant,
  access: readonly string[],
  policy: Policy,
  calendar: WorkingDayCalendar,
): AllocationWindow => ({ ...window, opensAt: at, closesAt: windowClosing(at, policy, calendar), access });

/** R-WIN-03, R-WIN-07: none until opening, priority until closing, leftover after. */
export function windowPhase(window: AllocationWindow, now: Instant): WindowPhase {
  if (window.opensAt === undefined || now < window.opensAt) return 'none';
  return window.closesAt !== undefined && now < window.closesAt ? 'priority' : 'leftover';
}

/**
 * R-WIN-06, R-WIN-07: may the application claim a unit of this window now? In the priority phase only the
 * frozen set; in the leftover phase whoever has a live position ≤ `leftoverFirstN`.
 */
export function hasWindowAccess(
  window: AllocationWindow,
  application: string,
  now: Instant,
  livePosition: number | undefined,
  policy: Policy,
): boolean {
  const phase = windowPhase(window, now);
  if (phase === 'priority') return window.access.includes(application);
  return phase === 'leftover' && livePosition !== undefined && livePosition <= policy.leftoverFirstN;
}
