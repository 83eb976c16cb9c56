import { instantAt, localDateOf, type Instant } from '../time/instant';
import { addDays } from '../time/local-date';
import { timeOfDay, type TimeOfDay } from '../time/time-of-day';
import type { WorkingDayCalendar } from './working-day-calendar';

/** The opening hours of an office on its working days: intervals of the day, in order, not overlapping. */
export type OfficeHours = readonly { readonly from: TimeOfDay; readonly to: TimeOfDay }[];

/** §1.3 of the spec (Annex 2 i.7): the queue provider's office works 09:00–18:30 with lunch 13:00–14:30. */
export const PROVIDER_OFFICE_HOURS: OfficeHours = [
  { from: timeOfDay('09:00'), to: timeOfDay('13:00') },
  { from: timeOfDay('14:30'), to: timeOfDay('18:30') },
];

/** No office is closed for longer than this in a row: past it the calendar or the hours are wrong. */
const MAX_DAYS_SEARCHED = 400;

/**
 * R-TIME-05: the instant at which `minutes` of office working time have run from `start` — minute SLAs stop at
 * closing time, over lunch, on days off and holidays, and start at the next opening when `start` is outside the
 * hours (R-SCOPE-09: a portal request after hours is handled on the next working day).
 */
export function addOfficeMinutes(
  start: Instant,
  minutes: number,
  calendar: WorkingDayCalendar,
  hours: OfficeHours = PROVIDER_OFFICE_HOURS,
): Instant {
  if (!Number.isInteger(minutes) || minutes < 0)
    throw new RangeError(`minutes: a whole number ≥ 0, got ${minutes}`);
  let remaining = minutes * 60_000;
  let date = localDateOf(start);
  for (let day = 0; day < MAX_DAYS_SEARCHED; day++, date = addDays(date, 1)) {
    if (!calendar.isWorkingDay(date)) continue;
    for (const { from, to } of hours) {
      const opens = Math.max(instantAt(date, from), start);
      const closes = instantAt(date, to);
      if (closes <= opens) continue;
      if (closes - opens >= remaining) return (opens + remaining) as Instant;
      remaining -= closes - opens;
    }
  }
  throw new RangeError(`addOfficeMinutes: no office time within ${MAX_DAYS_SEARCHED} days of the start`);
}
