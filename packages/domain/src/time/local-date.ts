import { err, ok, orThrow, type Result } from './result';

/**
 * A calendar date with no time zone, always 'YYYY-MM-DD' (years 0001–9999). A string so that it is
 * JSON- and Map-key-friendly; the fixed width makes string order chronological order.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

/** ISO 8601 day of the week: 1 = Monday … 7 = Sunday. */
export type IsoDayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A day of the year without the year, 'MM-DD', that exists in every year (so not 02-29). */
export type MonthDay = string & { readonly __brand: 'MonthDay' };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY_PATTERN = /^(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function problemWithParts(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    return `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  if (!Number.isInteger(month) || month < 1 || month > 12) return `month ${month} is outside 1–12`;
  const last = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > last)
    return `day ${day} is outside 1–${last} for ${year}-${pad2(month)}`;
  return undefined;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function parseLocalDate(text: string): Result<LocalDate> {
  const match = DATE_PATTERN.exec(text);
  if (!match) return err(`"${text}" is not a date of the form YYYY-MM-DD`);
  const problem = problemWithParts(Number(match[1]), Number(match[2]), Number(match[3]));
  return problem === undefined ? ok(text as LocalDate) : err(`"${text}" is not a real date: ${problem}`);
}

/** For literals and trusted data; throws RangeError on an invalid date. */
export const localDate = (text: string): LocalDate => orThrow(parseLocalDate(text));

export function makeLocalDate(year: number, month: number, day: number): LocalDate {
  const problem = problemWithParts(year, month, day);
  if (problem !== undefined) throw new RangeError(`Invalid date: ${problem}`);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` as LocalDate;
}

export const yearOf = (date: LocalDate): number => Number(date.slice(0, 4));
export const monthOf = (date: LocalDate): number => Number(date.slice(5, 7));
export const dayOf = (date: LocalDate): number => Number(date.slice(8, 10));

/**
 * Days since 1970-01-01 (negative before), by the days-from-civil algorithm of H. Hinnant
 * (proleptic Gregorian calendar, eras of 400 years = 146 097 days).
 */
export function toEpochDay(date: LocalDate): number {
  const month = monthOf(date);
  const year = yearOf(date) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOf(date) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of toEpochDay (Hinnant's civil-from-days); throws RangeError outside years 0001–9999. */
export function fromEpochDay(epochDay: number): LocalDate {
  if (!Number.isInteger(epochDay)) throw new RangeError(`Epoch day ${epochDay} is not an integer`);
  const shifted = epochDay + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchBasedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchBasedMonth + 2) / 5) + 1;
  const month = marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9;
  return makeLocalDate(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export const addDays = (date: LocalDate, days: number): LocalDate => fromEpochDay(toEpochDay(date) + days);

/** Signed number of days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: LocalDate, to: LocalDate): number => toEpochDay(to) - toEpochDay(from);

/** 1970-01-01 was a Thursday (ISO day 4). */
export const dayOfWeek = (date: LocalDate): IsoDayOfWeek =>
  (((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1) as IsoDayOfWeek;

/** Comparator for sort(); plain string comparison is chronological because the format is fixed-width. */
export const compareLocalDates = (a: LocalDate, b: LocalDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Same day `months` later, clamped to the month's last day (R-TIME-04: "one month" = the same day
 * next month): 2026-01-31 + 1 month = 2026-02-28.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = yearOf(date) * 12 + monthOf(date) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return makeLocalDate(year, month, Math.min(dayOf(date), daysInMonth(year, month)));
}

/**
 * The date on which someone born on `birthDate` turns `years` old. R-TIME-06: a 29 February birthday
 * falls on 1 March in common years (unlike addMonths, which clamps to 28 February).
 */
export function nthBirthday(birthDate: LocalDate, years: number): LocalDate {
  const year = yearOf(birthDate) + years;
  const month = monthOf(birthDate);
  const day = dayOf(birthDate);
  return day > daysInMonth(year, month) ? makeLocalDate(year, 3, 1) : makeLocalDate(year, month, day);
}

/**
 * Age in full years on `onDate` (R-TIME-06): it grows on the birthday, a 29 February birthday
 * growing on 1 March in common years. Negative when `onDate` is before the birth.
 */
export function fullYearsBetween(birthDate: LocalDate, onDate: LocalDate): number {
  const years = yearOf(onDate) - yearOf(birthDate);
  // 'MM-DD' strings compare chronologically; '02-28' < '02-29' gives the 1 March rule for free.
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function parseMonthDay(text: string): Result<MonthDay> {
  const match = MONTH_DAY_PATTERN.exec(text);
  if (!match) return err(`"${text}" is not a day of the year of the form MM-DD`);
  // 2001 is a common year, so 02-29 is rejected: the day must exist in every year.
  const problem = problemWithParts(2001, Number(match[1]), Number(match[2]));
  return problem === undefined
    ? ok(text as MonthDay)
    : err(`"${text}" is not a day of every year: ${problem}`);
}

/** For literals and trusted data; throws RangeError on an invalid day of the year. */
export const monthDay = (text: string): MonthDay => orThrow(parseMonthDay(text));

/** The date of `monthDay` in `year`, e.g. the 1 September of §18 in a given year. */
export const dateInYear = (year: number, day: MonthDay): LocalDate =>
  makeLocalDate(year, Number(day.slice(0, 2)), Number(day.slice(3, 5)));
