import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addHours,
  endOfLocalDay,
  formatInstant,
  instant,
  instantAt,
  instantFromEpochMs,
  kzOffsetMinutesAt,
  localDateOf,
  parseInstant,
  startOfLocalDay,
  toInstant,
  toLocalDateTime,
} from './instant';
import { localDate } from './local-date';
import { localDateTime, parseLocalDateTime } from './local-date-time';
import { timeOfDay } from './time-of-day';

const utc = (iso: string): number => Date.parse(iso);

describe('Kazakhstan national time (R-TIME-01)', () => {
  it.each([
    ['2024-02-01T12:00', '2024-02-01T06:00:00.000Z', 360],
    ['2024-02-29T22:59:59', '2024-02-29T16:59:59.000Z', 360],
    ['2024-03-01T00:00', '2024-02-29T19:00:00.000Z', 300],
    ['2024-03-02T09:00', '2024-03-02T04:00:00.000Z', 300],
    ['2026-03-03T07:00', '2026-03-03T02:00:00.000Z', 300],
    ['2020-06-22T00:00', '2020-06-21T18:00:00.000Z', 360],
  ])('R-TIME-01: local %s is %s (offset %i min)', (local, iso, offset) => {
    const at = toInstant(localDateTime(local));
    expect(at).toBe(utc(iso));
    expect(kzOffsetMinutesAt(at)).toBe(offset);
  });

  it('R-TIME-01: the clocks went back at 00:00 on 1 March 2024 (UTC+6 → UTC+5)', () => {
    const lastUtcPlus6 = instant('2024-02-29T17:59:59.999Z');
    expect(formatInstant(lastUtcPlus6)).toBe('2024-02-29T23:59:59.999+06:00');
    expect(formatInstant(instantFromEpochMs(lastUtcPlus6 + 1))).toBe('2024-02-29T23:00:00+05:00');
  });

  it('R-TIME-01: an ambiguous reading (23:00–23:59 on 29 Feb 2024) resolves to its first, UTC+6 occurrence', () => {
    expect(toInstant(localDateTime('2024-02-29T23:30'))).toBe(utc('2024-02-29T17:30:00Z'));
    expect(toLocalDateTime(instant('2024-02-29T18:30:00Z'))).toBe('2024-02-29T23:30:00');
  });

  it('agrees with the runtime tzdata for Asia/Almaty (G-03 self-check)', () => {
    const runtime = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Almaty',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const wallClock = (at: number): string => runtime.format(at).replace(', ', 'T');
    fc.assert(
      fc.property(
        fc.integer({ min: utc('2006-01-01T00:00:00Z'), max: utc('2030-01-01T00:00:00Z') }),
        (ms) => {
          const at = instantFromEpochMs(ms - (ms % 1000));
          expect(toLocalDateTime(at)).toBe(wallClock(at));
        },
      ),
    );
  });

  it('round-trips every instant outside the repeated hour', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: utc('2000-01-01T00:00:00Z'), max: utc('2100-01-01T00:00:00Z') }),
        (ms) => {
          fc.pre(ms < utc('2024-02-29T18:00:00Z') || ms >= utc('2024-02-29T19:00:00Z'));
          const at = instantFromEpochMs(ms);
          expect(toInstant(toLocalDateTime(at))).toBe(at);
          expect(parseInstant(formatInstant(at))).toEqual({ ok: true, value: at });
        },
      ),
    );
  });
});

describe('day boundaries and regulated times', () => {
  it('R-SYS-05: the 07:00 window of 2026-03-03 is 02:00Z', () => {
    expect(formatInstant(instantAt(localDate('2026-03-03'), timeOfDay('07:00')))).toBe(
      '2026-03-03T07:00:00+05:00',
    );
  });

  it('R-TIME-03: a day ends at 23:59:59.999 local time', () => {
    expect(formatInstant(endOfLocalDay(localDate('2026-02-13')))).toBe('2026-02-13T23:59:59.999+05:00');
    expect(formatInstant(startOfLocalDay(localDate('2026-02-13')))).toBe('2026-02-13T00:00:00+05:00');
  });

  it('R-TIME-03: 29 February 2024 lasted 25 hours', () => {
    const day = localDate('2024-02-29');
    expect(endOfLocalDay(day) + 1 - startOfLocalDay(day)).toBe(25 * 3_600_000);
  });

  it('R-REF-09: issue + 24 h is elapsed time', () => {
    const issued = instant('2026-02-04T07:31');
    expect(formatInstant(addHours(issued, 24))).toBe('2026-02-05T07:31:00+05:00');
    expect(formatInstant(addHours(instant('2024-02-29T12:00'), 24))).toBe('2024-03-01T11:00:00+05:00');
  });

  it('localDateOf uses the national wall clock, not UTC', () => {
    expect(localDateOf(instant('2026-02-01T20:00:00Z'))).toBe('2026-02-02');
  });
});

describe('parsing', () => {
  it.each([
    ['2026-03-03T07:00', '2026-03-03T02:00:00.000Z'],
    ['2026-03-03T07:00:30', '2026-03-03T02:00:30.000Z'],
    ['2026-03-03T07:00:00+05:00', '2026-03-03T02:00:00.000Z'],
    ['2026-03-03T07:00:00+06:00', '2026-03-03T01:00:00.000Z'],
    ['2026-03-03T02:00:00.5Z', '2026-03-03T02:00:00.500Z'],
    ['2026-03-02T21:00:00-05:30', '2026-03-03T02:30:00.000Z'],
  ])('parseInstant(%s) = %s', (text, iso) => {
    expect(parseInstant(text)).toEqual({ ok: true, value: utc(iso) });
  });

  it.each([
    ['2026-03-03', 'not a local date-time'],
    ['2026-03-03 07:00', 'not a local date-time'],
    ['2026-03-03T24:00', 'outside 00:00:00–23:59:59'],
    ['2026-02-30T07:00', 'not a real date'],
    ['2026-03-03T07:00+15:00', 'offset outside'],
    ['2026-03-03T07:00+0500', 'not a local date-time'],
  ])('parseInstant rejects %s (%s)', (text, message) => {
    const result = parseInstant(text);
    expect(!result.ok && result.error).toContain(message);
  });

  it.each([
    ['2026-03-03T07:00', '2026-03-03T07:00:00'],
    ['2026-03-03T07:00:05.120', '2026-03-03T07:00:05.120'],
    ['2026-03-03T07:00:05.000', '2026-03-03T07:00:05'],
  ])('a local date-time has one canonical form: %s → %s', (text, canonical) => {
    expect(parseLocalDateTime(text)).toEqual({ ok: true, value: canonical });
  });

  it('formats whole seconds without a fraction', () => {
    expect(formatInstant(instant('2026-03-03T02:00:00Z'))).toBe('2026-03-03T07:00:00+05:00');
    expect(formatInstant(instant('2023-12-31T18:00:00Z'))).toBe('2024-01-01T00:00:00+06:00');
  });
});
