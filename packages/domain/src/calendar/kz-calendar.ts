import { addDays, dayOfWeek, makeLocalDate, type LocalDate } from '../time/local-date';
import { KZ_FIXED_HOLIDAYS, KZ_YEAR_VARIABLES } from './kz-holidays';
import { createWorkingDayCalendar, type YearCalendar } from './working-day-calendar';

const isWeekend = (date: LocalDate): boolean => dayOfWeek(date) >= 6;

/**
 * A year's days off derived from the statutory rules and that year's data (kz-holidays.ts). A year with
 * no data gets the fixed-date holidays and their carry-overs only: its Kurban Ait and transfer acts are
 * not known, so such a year must be added to the data (or overridden) before it is relied upon.
 */
export function kzYearCalendar(year: number): YearCalendar {
  const variables = KZ_YEAR_VARIABLES[year];
  const fixed = KZ_FIXED_HOLIDAYS.map((holiday) => ({
    ...holiday,
    date: makeLocalDate(year, holiday.month, holiday.day),
  }));
  const statutory = new Set([
    ...fixed.map((holiday) => holiday.date),
    ...(variables ? [variables.kurbanAit] : []),
  ]);

  // Law "On holidays" art. 5: each holiday on a weekend gives a day off on the next working day after the
  // holiday, e.g. Nauryz 2026 (Sat 21 – Mon 23 March) gives Tuesday 24 and Wednesday 25 March.
  const carriedOver: LocalDate[] = [];
  for (const holiday of fixed.filter((candidate) => candidate.carriesOver && isWeekend(candidate.date))) {
    let dayOff = addDays(holiday.date, 1);
    while (isWeekend(dayOff) || statutory.has(dayOff) || carriedOver.includes(dayOff))
      dayOff = addDays(dayOff, 1);
    carriedOver.push(dayOff);
  }

  const transfers = variables?.transfers ?? [];
  return {
    holidays: [...statutory, ...carriedOver, ...transfers.map((transfer) => transfer.dayOff)].sort(),
    workdays: transfers.map((transfer) => transfer.workday),
  };
}

/** The national working-day calendar (R-TIME-02), from the statutory rules and the yearly data. */
export const KZ_WORKING_DAY_CALENDAR = createWorkingDayCalendar(kzYearCalendar);
