import { fromEpochDay, parseLocalDate, toEpochDay, type LocalDate } from './local-date';
import { err, ok, orThrow, type Result } from './result';
import type { TimeOfDay } from './time-of-day';

/**
 * A wall-clock date-time with no zone. Canonical form 'YYYY-MM-DDTHH:MM:SS', with '.sss' only when the
 * milliseconds are not zero; canonical strings compare chronologically.
 */
export type LocalDateTime = string & { readonly __brand: 'LocalDateTime' };

const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Accepts 'YYYY-MM-DDTHH:MM', '…:SS' and '…:SS.s' to '…:SS.sss'; returns the canonical form. */
export function parseLocalDateTime(text: string): Result<LocalDateTime> {
  const match = DATE_TIME_PATTERN.exec(text);
  if (!match) return err(`"${text}" is not a local date-time of the form YYYY-MM-DDTHH:MM[:SS]`);
  const date = parseLocalDate(match[1] ?? '');
  if (!date.ok) return date;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  const seconds = Number(match[4] ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59)
    return err(`"${text}" has a time of day outside 00:00:00–23:59:59`);
  const millis = Number((match[5] ?? '').padEnd(3, '0'));
  return ok(
    fromLocalEpochMs(
      toEpochDay(date.value) * MS_PER_DAY +
        hours * MS_PER_HOUR +
        minutes * MS_PER_MINUTE +
        seconds * 1000 +
        millis,
    ),
  );
}

/** For literals and trusted data; throws RangeError on an invalid date-time. */
export const localDateTime = (text: string): LocalDateTime => orThrow(parseLocalDateTime(text));

export const atTime = (date: LocalDate, time: TimeOfDay): LocalDateTime =>
  `${date}T${time}:00` as LocalDateTime;

export const dateOf = (dateTime: LocalDateTime): LocalDate => dateTime.slice(0, 10) as LocalDate;

/** Milliseconds since 1970-01-01T00:00 on the same wall clock (as if the zone were UTC). */
export function toLocalEpochMs(dateTime: LocalDateTime): number {
  const seconds = Number(dateTime.slice(17, 19));
  const millis = dateTime.length > 19 ? Number(dateTime.slice(20)) : 0;
  return (
    toEpochDay(dateOf(dateTime)) * MS_PER_DAY +
    Number(dateTime.slice(11, 13)) * MS_PER_HOUR +
    Number(dateTime.slice(14, 16)) * MS_PER_MINUTE +
    seconds * 1000 +
    millis
  );
}

export function fromLocalEpochMs(localMs: number): LocalDateTime {
  const epochDay = Math.floor(localMs / MS_PER_DAY);
  const msOfDay = localMs - epochDay * MS_PER_DAY;
  const hours = pad(Math.floor(msOfDay / MS_PER_HOUR), 2);
  const minutes = pad(Math.floor(msOfDay / MS_PER_MINUTE) % 60, 2);
  const seconds = pad(Math.floor(msOfDay / 1000) % 60, 2);
  const millis = msOfDay % 1000;
  const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`;
  return `${fromEpochDay(epochDay)}T${hours}:${minutes}:${seconds}${fraction}` as LocalDateTime;
}
