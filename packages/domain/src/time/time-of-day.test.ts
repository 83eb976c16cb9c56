import { describe, expect, it } from 'vitest';
import { minutesOfDay, parseTimeOfDay } from './time-of-day';

describe('TimeOfDay', () => {
  it.each([
    ['18:00', 1080],
    ['07:00', 420],
    ['00:00', 0],
    ['23:59', 1439],
  ])('R-SYS-04/05: accepts %s (%i minutes)', (text, minutes) => {
    const parsed = parseTimeOfDay(text);
    expect(parsed.ok && minutesOfDay(parsed.value)).toBe(minutes);
  });

  it.each(['24:00', '23:60', '7:00', '07:00:00', '', 'noon'])(
    'R-SYS-05: rejects %s (a regulated time is HH:MM, never later than 23:59)',
    (text) => {
      expect(parseTimeOfDay(text).ok).toBe(false);
    },
  );
});
