import { describe, expect, it } from 'vitest';
import { changedDays, kindOf, monthDays, toggleDay, weekdayOf } from './calendar-days';
import { yearOf } from './calendar-page';

const draft = { holidays: ['2026-03-09'], workdays: ['2026-03-14'] };
const today = '2026-03-02';

describe('working-day calendar (R-TIME-02)', () => {
  it('knows the weekday and the kind of a day', () => {
    expect(weekdayOf('2026-03-02')).toBe(0);
    expect(weekdayOf('2026-03-08')).toBe(6);
    expect(kindOf('2026-03-03', draft)).toBe('workday');
    expect(kindOf('2026-03-07', draft)).toBe('weekend');
    expect(kindOf('2026-03-09', draft)).toBe('holiday');
    expect(kindOf('2026-03-14', draft)).toBe('movedWorkday');
  });

  it('lays out a month with its length (leap years too)', () => {
    expect(monthDays(2026, 2, draft)).toHaveLength(28);
    expect(monthDays(2028, 2, draft)).toHaveLength(29);
    expect(monthDays(2026, 3, draft)[8]).toMatchObject({ date: '2026-03-09', kind: 'holiday' });
  });

  it('toggles a future weekday to a day off and back, a weekend day to a working day and back', () => {
    const off = toggleDay(draft, '2026-03-10', today);
    expect(off.holidays).toEqual(['2026-03-09', '2026-03-10']);
    expect(toggleDay(off, '2026-03-10', today)).toEqual(draft);
    const worked = toggleDay(draft, '2026-03-21', today);
    expect(worked.workdays).toEqual(['2026-03-14', '2026-03-21']);
    expect(toggleDay(draft, '2026-03-14', today).workdays).toEqual([]);
  });

  it('never changes a day up to today', () => {
    expect(toggleDay(draft, today, today)).toBe(draft);
    expect(toggleDay(draft, '2026-01-05', today)).toBe(draft);
  });

  it('lists the changed days in date order', () => {
    const after = toggleDay(toggleDay(draft, '2026-03-21', today), '2026-03-09', today);
    expect(changedDays(draft, after)).toEqual(['2026-03-09', '2026-03-21']);
  });

  it('reads the year from the address, else the current one', () => {
    expect(yearOf('?year=2027', today)).toBe(2027);
    expect(yearOf('?year=1999', today)).toBe(2026);
    expect(yearOf('', today)).toBe(2026);
  });
});
