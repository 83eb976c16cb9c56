import { describe, expect, it } from 'vitest';
import { formatInstant, instant } from '../time/instant';
import { KZ_WORKING_DAY_CALENDAR } from './kz-calendar';
import { addOfficeMinutes } from './office-hours';

const due = (start: string, minutes = 30) =>
  formatInstant(addOfficeMinutes(instant(start), minutes, KZ_WORKING_DAY_CALENDAR));

describe('office working time (R-TIME-05)', () => {
  it.each([
    ['inside the morning hours', '2026-02-02T10:00:00+05:00', '2026-02-02T10:30:00+05:00'],
    ['across lunch', '2026-02-02T12:50:00+05:00', '2026-02-02T14:50:00+05:00'],
    ['during lunch', '2026-02-02T13:30:00+05:00', '2026-02-02T15:00:00+05:00'],
    ['across closing time', '2026-02-02T18:20:00+05:00', '2026-02-03T09:20:00+05:00'],
    ['at night', '2026-02-02T23:10:00+05:00', '2026-02-03T09:30:00+05:00'],
    ['before opening', '2026-02-03T06:00:00+05:00', '2026-02-03T09:30:00+05:00'],
    ['on Friday evening, over the weekend', '2026-02-06T18:15:00+05:00', '2026-02-09T09:15:00+05:00'],
    // Nauryz 2026 falls on Sat 21 – Mon 23 March and carries over to Tue 24 and Wed 25: next working day Thu 26.
    ['over the Nauryz holidays', '2026-03-20T19:00:00+05:00', '2026-03-26T09:30:00+05:00'],
  ])('R-TIME-05: 30 minutes from a request %s', (_case, start, expected) => {
    expect(due(start)).toBe(expected);
  });

  it('R-TIME-05: zero minutes is the start itself in office time, else the next opening', () => {
    expect(due('2026-02-02T10:00:00+05:00', 0)).toBe('2026-02-02T10:00:00+05:00');
    expect(due('2026-02-07T10:00:00+05:00', 0)).toBe('2026-02-09T09:00:00+05:00');
  });

  it('refuses a negative or fractional number of minutes', () => {
    expect(() => due('2026-02-02T10:00:00+05:00', -1)).toThrow(RangeError);
    expect(() => due('2026-02-02T10:00:00+05:00', 1.5)).toThrow(RangeError);
  });
});
