import { addDays, dayOfWeek, parseLocalDate, yearOf, type LocalDate } from '../time/local-date';
import { err, ok, type Result } from '../time/result';

/** One year of exceptions to "Monday–Friday are working days" (the scenario `calendar` event's shape). */
export type YearCalendar = {
  /** Days off that may fall on Monday–Friday: holidays, carried-over and transferred days off. */
  readonly holidays: readonly LocalDate[];
  /** Saturdays and Sundays that are working days by a transfer. */
  readonly workdays: readonly LocalDate[];
};

/** R-TIME-02: working day = Monday–Friday, minus holidays and days off, plus transferred working days. */
export type WorkingDayCalendar = {
  readonly isWorkingDay: (date: LocalDate) => boolean;
  /**
   * The `workingDays`-th working day strictly after `date` (strictly before it when negative; `date` itself
   * for 0). R-TIME-03: "within N working days from an event on day D" ends with addWorkingDays(D, N), the
   * event's own day never counting: 5 working days from Friday 2026-02-06 end on Friday 2026-02-13.
   */
  readonly addWorkingDays: (date: LocalDate, workingDays: number) => LocalDate;
  /** Working days d with from < d ≤ to (0 when to ≤ from); countWorkingDays(D, addWorkingDays(D, n)) = n. */
  readonly countWorkingDays: (from: LocalDate, to: LocalDate) => number;
  /** The first working day strictly after `date` (R-SCOPE-09: requests after hours are handled then). */
  readonly nextWorkingDay: (date: LocalDate) => LocalDate;
  /** `date` if it is a working day, else the next one (R-REF-10: a non-working last day moves forward). */
  readonly workingDayOnOrAfter: (date: LocalDate) => LocalDate;
  readonly yearCalendar: (year: number) => YearCalendar;
  /** A calendar with `year` replaced wholesale (a Government transfer act, a scenario override). */
  readonly withYear: (year: number, calendar: YearCalendar) => WorkingDayCalendar;
};

type YearSets = { readonly holidays: ReadonlySet<LocalDate>; readonly workdays: ReadonlySet<LocalDate> };

export function createWorkingDayCalendar(source: (year: number) => YearCalendar): WorkingDayCalendar {
  // Built lazily and memoised: the calendar is immutable, so caching cannot change any answer.
  const cache = new Map<number, YearSets>();
  const setsFor = (year: number): YearSets => {
    const cached = cache.get(year);
    if (cached) return cached;
    const calendar = source(year);
    const sets = { holidays: new Set(calendar.holidays), workdays: new Set(calendar.workdays) };
    cache.set(year, sets);
    return sets;
  };

  const isWorkingDay = (date: LocalDate): boolean => {
    const { holidays, workdays } = setsFor(yearOf(date));
    return workdays.has(date) || (dayOfWeek(date) <= 5 && !holidays.has(date));
  };

  const addWorkingDays = (date: LocalDate, workingDays: number): LocalDate => {
    if (!Number.isInteger(workingDays))
      throw new RangeError(`${workingDays} is not a whole number of working days`);
    const step = Math.sign(workingDays);
    let current = date;
    let remaining = Math.abs(workingDays);
    while (remaining > 0) {
      current = addDays(current, step);
      if (isWorkingDay(current)) remaining -= 1;
    }
    return current;
  };

  const countWorkingDays = (from: LocalDate, to: LocalDate): number => {
    let count = 0;
    for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
      if (isWorkingDay(current)) count += 1;
    }
    return count;
  };

  const nextWorkingDay = (date: LocalDate): LocalDate => addWorkingDays(date, 1);

  return {
    isWorkingDay,
    addWorkingDays,
    countWorkingDays,
    nextWorkingDay,
    workingDayOnOrAfter: (date) => (isWorkingDay(date) ? date : nextWorkingDay(date)),
    yearCalendar: source,
    withYear: (year, calendar) => createWorkingDayCalendar((y) => (y === year ? calendar : source(y))),
  };
}

/**
 * Validates a year's exceptions from untrusted input (the scenario `calendar` event): every date real and
 * in `year`, working days only on Saturdays and Sundays, no date both a day off and a working day.
 */
export function parseYearCalendar(
  year: number,
  input: { readonly holidays: readonly string[]; readonly workdays: readonly string[] },
): Result<YearCalendar, string[]> {
  const problems: string[] = [];
  const parseAll = (field: 'holidays' | 'workdays'): LocalDate[] =>
    input[field].flatMap((text) => {
      const parsed = parseLocalDate(text);
      if (!parsed.ok) problems.push(`${field}: ${parsed.error}`);
      else if (yearOf(parsed.value) !== year) problems.push(`${field}: ${text} is not in ${year}`);
      else return [parsed.value];
      return [];
    });
  const holidays = parseAll('holidays');
  const workdays = parseAll('workdays');
  for (const date of workdays) {
    if (dayOfWeek(date) <= 5) problems.push(`workdays: ${date} is a Monday–Friday, already a working day`);
    if (holidays.includes(date)) problems.push(`${date} is listed both as a holiday and as a working day`);
  }
  return problems.length === 0 ? ok({ holidays, workdays }) : err(problems);
}
