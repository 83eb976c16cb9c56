import type { CalendarYearView } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireStaff } from '../auth/authorize';
import { ADMIN_READERS, type AdminDeps } from './admin-deps';

/** R-TIME-02: a year's weekday days off and working weekend days — as set by the admin, or the built-in ones. */
export async function getCalendarYear(
  deps: Pick<AdminDeps, 'repo' | 'rules' | 'format'>,
  actor: Actor,
  year: number,
): Promise<CalendarYearView> {
  requireStaff(actor, ADMIN_READERS);
  const stored = await deps.repo.calendarYear(year);
  if (stored !== undefined)
    return {
      year,
      holidays: stored.holidays,
      workdays: stored.workdays,
      source: stored.source,
      updatedAt: deps.format(stored.updated_at),
    };
  const builtIn = deps.rules.calendar.yearCalendar(year);
  return {
    year,
    holidays: [...builtIn.holidays],
    workdays: [...builtIn.workdays],
    source: 'built-in',
    updatedAt: null,
  };
}
