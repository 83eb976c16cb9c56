import type { CalendarYearInput, CalendarYearView } from '@kezek/contracts';
import { parseYearCalendar, type LocalDate } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { nationalDate } from '../../platform/national-time';
import { requireStaff } from '../auth/authorize';
import { ADMIN_WRITERS, type AdminDeps } from './admin-deps';

const changed = (before: readonly LocalDate[], after: readonly LocalDate[]): LocalDate[] => [
  ...before.filter((date) => !after.includes(date)),
  ...after.filter((date) => !before.includes(date)),
];

/**
 * R-TIME-02: the regional admin sets a year's calendar from the Government's act (holidays moved, days off
 * transferred). Days up to today cannot change: deadlines were already counted on them.
 */
export async function setCalendarYear(
  deps: AdminDeps,
  actor: Actor,
  year: number,
  input: CalendarYearInput,
  now: Date,
): Promise<CalendarYearView> {
  const admin = requireStaff(actor, ADMIN_WRITERS);
  const days = parseYearCalendar(year, input);
  if (!days.ok) {
    const field = days.error[0]?.startsWith('workdays') === true ? 'workdays' : 'holidays';
    throw new AppError('VALIDATION_FAILED', days.error.join('; '), { field, rule: 'R-TIME-02' });
  }
  const today = nationalDate(now);
  const current = deps.rules.calendar.yearCalendar(year);
  for (const field of ['holidays', 'workdays'] as const) {
    const past = changed(current[field], days.value[field]).filter((date) => date <= today);
    if (past.length > 0)
      throw new AppError(
        'RULE_VIOLATION',
        `${field}: ${past.join(', ')} ${past.length === 1 ? 'is' : 'are'} not after today; deadlines were already counted on past days`,
        { field, rule: 'R-TIME-02' },
      );
  }
  const row = {
    year,
    holidays: [...days.value.holidays].sort(),
    workdays: [...days.value.workdays].sort(),
    source: input.source,
    updated_by: admin.userId,
    updated_at: now,
  };
  await deps.transaction(async ({ admin: repo, audit }) => {
    await repo.saveCalendarYear(row);
    await audit.record({
      at: now,
      actor,
      action: 'calendar.changed',
      entityType: 'calendarYear',
      entityId: String(year),
      data: { holidays: row.holidays, workdays: row.workdays, source: row.source },
    });
  });
  await deps.refreshRules();
  return {
    year,
    holidays: row.holidays,
    workdays: row.workdays,
    source: row.source,
    updatedAt: deps.format(now),
  };
}
