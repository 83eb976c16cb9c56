import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  fromEpochDay,
  localDate,
  makeLocalDate,
  toEpochDay,
  type LocalDate,
} from '../time/local-date';
import { KZ_WORKING_DAY_CALENDAR as calendar, kzYearCalendar } from './kz-calendar';
import { parseYearCalendar } from './working-day-calendar';

const datesOfYear = (year: number): LocalDate[] =>
  Array.from(
    { length: toEpochDay(makeLocalDate(year + 1, 1, 1)) - toEpochDay(makeLocalDate(year, 1, 1)) },
    (_, index) => addDays(makeLocalDate(year, 1, 1), index),
  );

describe('R-TIME-02: Kazakhstan working days 2024–2027 (G-02)', () => {
  // Monday–Friday days off and weekend working days, checked against the published production calendars
  // (2024: 117 days off; 2026: 119 days off, 246 working days).
  it.each([
    {
      year: 2024,
      weekdaysOff: [
        '01-01',
        '01-02',
        '03-08',
        '03-21',
        '03-22',
        '03-25',
        '05-01',
        '05-07',
        '05-08',
        '05-09',
        '07-08',
        '08-30',
        '10-25',
        '12-16',
      ],
      weekendWorkdays: ['05-04'],
      workingDays: 249,
    },
    {
      year: 2025,
      weekdaysOff: [
        '01-01',
        '01-02',
        '01-03',
        '01-07',
        '03-10',
        '03-21',
        '03-24',
        '03-25',
        '05-01',
        '05-07',
        '05-09',
        '06-06',
        '07-07',
        '09-01',
        '10-27',
        '12-16',
      ],
      weekendWorkdays: ['01-05'],
      workingDays: 246,
    },
    {
      year: 2026,
      weekdaysOff: [
        '01-01',
        '01-02',
        '01-07',
        '03-09',
        '03-23',
        '03-24',
        '03-25',
        '05-01',
        '05-07',
        '05-11',
        '05-27',
        '07-06',
        '08-31',
        '10-26',
        '12-16',
      ],
      weekendWorkdays: [],
      workingDays: 246,
    },
    {
      year: 2027,
      weekdaysOff: [
        '01-01',
        '01-04',
        '01-07',
        '03-08',
        '03-22',
        '03-23',
        '03-24',
        '05-03',
        '05-07',
        '05-10',
        '07-06',
        '08-30',
        '10-25',
        '12-16',
      ],
      weekendWorkdays: [],
      workingDays: 247,
    },
  ])(
    '$year: the days off, carry-overs and transfers',
    ({ year, weekdaysOff, weekendWorkdays, workingDays }) => {
      const dates = datesOfYear(year);
      const isWeekday = (date: LocalDate): boolean => dayOfWeek(date) <= 5;
      expect(
        dates.filter((date) => isWeekday(date) && !calendar.isWorkingDay(date)).map((date) => date.slice(5)),
      ).toEqual(weekdaysOff);
      expect(
        dates.filter((date) => !isWeekday(date) && calendar.isWorkingDay(date)).map((date) => date.slice(5)),
      ).toEqual(weekendWorkdays);
      expect(dates.filter(calendar.isWorkingDay)).toHaveLength(workingDays);
    },
  );

  it('religious days off never carry over (Labour Code art. 84(5)): Christmas on Sunday 7 Jan 2024, Kurban Ait on Sunday 16 Jun 2024', () => {
    expect(calendar.isWorkingDay(localDate('2024-01-08'))).toBe(true);
    expect(calendar.isWorkingDay(localDate('2024-06-17'))).toBe(true);
  });

  it('a year without data still has its fixed-date holidays and carry-overs', () => {
    expect(kzYearCalendar(2030).holidays).toContain('2030-03-25');
    expect(calendar.isWorkingDay(localDate('2030-01-01'))).toBe(false);
  });
});

describe('R-TIME-03: working-day deadlines', () => {
  it.each([
    ['R-TIME-02: 5 working days from a Friday before Nauryz 2026', '2026-03-20', 5, '2026-04-01'],
    [
      'R-WIN-05 (E3): a window opened Wed 2026-02-04 closes on the 3rd working day after',
      '2026-02-04',
      3,
      '2026-02-09',
    ],
    ['R-REF-07 (E4): confirmBy for a referral issued Wed 2026-02-04', '2026-02-04', 5, '2026-02-11'],
    ['R-REF-06 (E4): validUntil for a referral running from Fri 2026-02-06', '2026-02-06', 5, '2026-02-13'],
    ['R-REF-06 (E6): validUntil for a place vacated Fri 2026-02-20', '2026-02-20', 5, '2026-02-27'],
    [
      'R-TIME-02: the working Saturday 4 May 2024 counts, the transferred 8 May does not',
      '2024-05-03',
      3,
      '2024-05-10',
    ],
    [
      'R-TIME-02: 5 working days from New Year 2025 skip the transferred 3 Jan, count Sunday 5 Jan',
      '2024-12-31',
      5,
      '2025-01-10',
    ],
    [
      'R-TIME-02: across Independence Day 2026 and the carried-over 2 Jan 2027 (Mon 4 Jan)',
      '2026-12-15',
      12,
      '2027-01-05',
    ],
    ['n = 0 is the day itself', '2026-03-21', 0, '2026-03-21'],
    ['negative n counts backwards', '2026-03-26', -1, '2026-03-20'],
  ])('%s', (_, from, workingDays, expected) => {
    expect(calendar.addWorkingDays(localDate(from), workingDays)).toBe(expected);
  });

  it.each([
    ['2026-03-20', '2026-04-01', 5],
    ['2026-02-06', '2026-02-13', 5],
    ['2026-03-21', '2026-03-25', 0],
    ['2026-02-13', '2026-02-06', 0],
  ])('countWorkingDays(%s, %s] = %i', (from, to, expected) => {
    expect(calendar.countWorkingDays(localDate(from), localDate(to))).toBe(expected);
  });

  it.each([
    ['2026-03-20', '2026-03-26', '2026-03-20'],
    ['2026-03-21', '2026-03-26', '2026-03-26'],
    ['2026-05-08', '2026-05-12', '2026-05-08'],
  ])(
    'R-SCOPE-09 / R-REF-10: after %s the next working day is %s; on or after it, %s',
    (date, next, onOrAfter) => {
      expect(calendar.nextWorkingDay(localDate(date))).toBe(next);
      expect(calendar.workingDayOnOrAfter(localDate(date))).toBe(onOrAfter);
    },
  );

  it('countWorkingDays inverts addWorkingDays, and the result is always a working day', () => {
    const anyDate = fc
      .integer({ min: toEpochDay(localDate('2024-01-01')), max: toEpochDay(localDate('2027-11-30')) })
      .map(fromEpochDay);
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 30 }), (date, n) => {
        const deadline = calendar.addWorkingDays(date, n);
        expect(calendar.isWorkingDay(deadline)).toBe(true);
        expect(calendar.countWorkingDays(date, deadline)).toBe(n);
        expect(calendar.countWorkingDays(date, addDays(deadline, -1))).toBe(n - 1);
      }),
    );
  });
});

describe('per-year overrides (scenario `calendar` event)', () => {
  it('withYear replaces one year and leaves the others and the original calendar alone', () => {
    const parsed = parseYearCalendar(2026, { holidays: ['2026-02-10'], workdays: ['2026-02-14'] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const overridden = calendar.withYear(2026, parsed.value);
    expect(overridden.isWorkingDay(localDate('2026-02-10'))).toBe(false);
    expect(overridden.isWorkingDay(localDate('2026-02-14'))).toBe(true);
    expect(overridden.isWorkingDay(localDate('2026-03-09'))).toBe(true);
    expect(overridden.isWorkingDay(localDate('2025-01-03'))).toBe(false);
    expect(calendar.isWorkingDay(localDate('2026-02-10'))).toBe(true);
  });

  it.each([
    [{ holidays: ['2026-02-30'], workdays: [] }, 'holidays: "2026-02-30" is not a real date'],
    [{ holidays: ['2025-12-31'], workdays: [] }, 'holidays: 2025-12-31 is not in 2026'],
    [{ holidays: [], workdays: ['2026-02-11'] }, 'workdays: 2026-02-11 is a Monday–Friday'],
    [
      { holidays: ['2026-02-14'], workdays: ['2026-02-14'] },
      '2026-02-14 is listed both as a holiday and as a working day',
    ],
  ])('parseYearCalendar rejects %j', (input, message) => {
    const parsed = parseYearCalendar(2026, input);
    expect(!parsed.ok && parsed.error.join('\n')).toContain(message);
  });
});
