import { dayOfWeek, timeOfDay } from '@kezek/domain';
import { describe, expect, it } from 'vitest';
import { dailyAt, every } from './job';

const at = (iso: string) => new Date(iso);

describe('dailyAt: a daily slot in Kazakhstan national time', () => {
  const at18 = dailyAt(timeOfDay('18:00'));

  it.each([
    ['2026-03-02T12:59:59Z', '2026-03-02T13:00:00.000Z'], // 17:59:59 +05 → 18:00 the same day
    ['2026-03-02T13:00:00Z', '2026-03-03T13:00:00.000Z'], // strictly after: 18:00 itself → tomorrow
    ['2026-03-02T20:00:00Z', '2026-03-03T13:00:00.000Z'], // 01:00 local on the 3rd → 18:00 the 3rd
    ['2024-02-29T11:00:00Z', '2024-02-29T12:00:00.000Z'], // UTC+6 before the change
    ['2024-02-29T12:00:00Z', '2024-03-01T13:00:00.000Z'], // across the 2024-03-01 switch to UTC+5
  ])('after %s → %s', (after, expected) => {
    expect(at18(at(after)).toISOString()).toBe(expected);
  });

  it('takes the earlier instant of the repeated hour on 2024-02-29 and does not repeat it', () => {
    const at2330 = dailyAt(timeOfDay('23:30'));
    const first = at2330(at('2024-02-29T12:00:00Z'));
    expect(first.toISOString()).toBe('2024-02-29T17:30:00.000Z'); // 23:30 at UTC+6
    expect(at2330(first).toISOString()).toBe('2024-03-01T18:30:00.000Z'); // not 18:30Z of the 29th
  });

  it('skips days the filter rejects (here: weekends)', () => {
    const weekdays = dailyAt(timeOfDay('07:00'), (date) => dayOfWeek(date) <= 5);
    expect(weekdays(at('2026-03-06T03:00:00Z')).toISOString()).toBe('2026-03-09T02:00:00.000Z'); // Fri → Mon
  });

  it('refuses a filter that never matches instead of looping forever', () => {
    expect(() => dailyAt(timeOfDay('07:00'), () => false)(at('2026-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('every: epoch-aligned intervals', () => {
  it('gives the next multiple strictly after', () => {
    const minute = every(60_000);
    expect(minute(at('2026-03-02T05:00:00Z')).toISOString()).toBe('2026-03-02T05:01:00.000Z');
    expect(minute(at('2026-03-02T05:00:30Z')).toISOString()).toBe('2026-03-02T05:01:00.000Z');
  });

  it('rejects a non-positive interval', () => {
    expect(() => every(0)).toThrow(RangeError);
  });
});
