import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareLocalDates,
  dateInYear,
  dayOfWeek,
  daysBetween,
  fromEpochDay,
  fullYearsBetween,
  localDate,
  makeLocalDate,
  nthBirthday,
  parseLocalDate,
  parseMonthDay,
  toEpochDay,
  type LocalDate,
} from './local-date';

const arbitraryDate = fc
  .integer({ min: toEpochDay(localDate('0001-01-01')), max: toEpochDay(localDate('9999-12-31')) })
  .map(fromEpochDay);

/** Reference epoch day from the JS engine (setUTCFullYear avoids Date.UTC's 1900 offset for years < 100). */
function referenceEpochDay(date: LocalDate): number {
  const reference = new Date(0);
  reference.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return reference.getTime() / 86_400_000;
}

describe('parseLocalDate', () => {
  it.each([
    ['2026-02-01', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['0001-01-01', true],
    ['9999-12-31', true],
  ])('accepts %s', (text) => {
    expect(parseLocalDate(text)).toEqual({ ok: true, value: text });
  });

  it.each([
    ['2026-2-01', 'is not a date of the form YYYY-MM-DD'],
    ['2026-02-01T00:00', 'is not a date of the form YYYY-MM-DD'],
    ['', 'is not a date of the form YYYY-MM-DD'],
    ['2025-02-29', 'day 29 is outside 1–28 for 2025-02'],
    ['1900-02-29', 'day 29 is outside 1–28 for 1900-02'],
    ['2026-13-01', 'month 13 is outside 1–12'],
    ['2026-04-31', 'day 31 is outside 1–30 for 2026-04'],
    ['0000-01-01', 'year 0 is outside 1–9999'],
  ])('rejects %s: %s', (text, message) => {
    const result = parseLocalDate(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });

  it('localDate throws a RangeError on a bad literal', () => {
    expect(() => localDate('2026-02-30')).toThrow(RangeError);
    expect(() => makeLocalDate(2025, 2, 29)).toThrow('day 29 is outside 1–28 for 2025-02');
    expect(makeLocalDate(33, 7, 4)).toBe('0033-07-04');
  });
});

describe('epoch days (days-from-civil)', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-03-01', 11_017],
    ['2024-03-01', 19_783],
    ['0001-01-01', -719_162],
    ['9999-12-31', 2_932_896],
  ])('%s is epoch day %i', (text, epochDay) => {
    expect(toEpochDay(localDate(text))).toBe(epochDay);
    expect(fromEpochDay(epochDay)).toBe(text);
  });

  it('agrees with the JS engine and round-trips for any date in 0001–9999', () => {
    fc.assert(
      fc.property(arbitraryDate, (date) => {
        expect(toEpochDay(date)).toBe(referenceEpochDay(date));
        expect(fromEpochDay(toEpochDay(date))).toBe(date);
      }),
    );
  });

  it('string order is chronological order', () => {
    fc.assert(
      fc.property(arbitraryDate, arbitraryDate, (a, b) => {
        expect(compareLocalDates(a, b)).toBe(Math.sign(daysBetween(b, a)));
      }),
    );
  });

  it('rejects dates outside 0001–9999', () => {
    expect(() => addDays(localDate('9999-12-31'), 1)).toThrow(RangeError);
    expect(() => addDays(localDate('0001-01-01'), -1)).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-02-01', 7],
    ['2026-02-02', 1],
    ['2024-03-01', 5],
    ['2000-02-29', 2],
    ['2026-03-20', 5],
  ])('dayOfWeek(%s) = %i (ISO, Monday = 1)', (text, expected) => {
    expect(dayOfWeek(localDate(text))).toBe(expected);
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-18', -30, '2026-02-16'],
  ])('addDays(%s, %i) = %s', (from, days, expected) => {
    expect(addDays(localDate(from), days)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-01-20', 1, '2026-02-20'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-15', 2, '2027-01-15'],
  ])('R-TIME-04: addMonths(%s, %i) = %s (same day, clamped)', (from, months, expected) => {
    expect(addMonths(localDate(from), months)).toBe(expected);
  });
});

describe('ages in full years', () => {
  it.each([
    ['2020-03-15', '2026-03-14', 5],
    ['2020-03-15', '2026-03-15', 6],
    ['2020-10-10', '2026-09-01', 5],
    ['2020-09-01', '2026-09-01', 6],
    ['2022-12-31', '2026-01-01', 3],
    ['2020-02-29', '2021-02-28', 0],
    ['2020-02-29', '2021-03-01', 1],
    ['2020-02-29', '2024-02-29', 4],
    ['2020-03-15', '2020-03-14', -1],
  ])('R-TIME-06: born %s, on %s the age is %i', (birth, on, age) => {
    expect(fullYearsBetween(localDate(birth), localDate(on))).toBe(age);
  });

  it.each([
    ['2020-03-15', 6, '2026-03-15'],
    ['2020-02-29', 1, '2021-03-01'],
    ['2020-02-29', 4, '2024-02-29'],
  ])('R-TIME-06: born %s, turns %i on %s', (birth, years, expected) => {
    expect(nthBirthday(localDate(birth), years)).toBe(expected);
  });

  it('R-TIME-06: the age grows exactly on nthBirthday', () => {
    fc.assert(
      fc.property(
        arbitraryDate.filter((date) => date >= '0100-01-01' && date <= '9000-12-31'),
        fc.integer({ min: -50, max: 50 }),
        (birth, years) => {
          const birthday = nthBirthday(birth, years);
          expect(fullYearsBetween(birth, birthday)).toBe(years);
          expect(fullYearsBetween(birth, addDays(birthday, -1))).toBe(years - 1);
        },
      ),
    );
  });
});

describe('month-days', () => {
  it('R-ELIG-02: the 1 September of §18 in a given year', () => {
    const september = parseMonthDay('09-01');
    expect(september.ok && dateInYear(2026, september.value)).toBe('2026-09-01');
  });

  it.each(['02-29', '13-01', '9-1', '04-31'])('rejects %s (must exist in every year)', (text) => {
    expect(parseMonthDay(text).ok).toBe(false);
  });
});
