import { addDays, type LocalDate } from './local-date';
import {
  atTime,
  dateOf,
  fromLocalEpochMs,
  localDateTime,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  parseLocalDateTime,
  toLocalEpochMs,
  type LocalDateTime,
} from './local-date-time';
import { err, ok, orThrow, type Result } from './result';
import type { TimeOfDay } from './time-of-day';

/** A point on the UTC time line: milliseconds since 1970-01-01T00:00Z. */
export type Instant = number & { readonly __brand: 'Instant' };

export function instantFromEpochMs(epochMs: number): Instant {
  if (!Number.isSafeInteger(epochMs))
    throw new RangeError(`${epochMs} is not a whole number of milliseconds`);
  return epochMs as Instant;
}

export const addMinutes = (instant: Instant, minutes: number): Instant =>
  instantFromEpochMs(instant + minutes * MS_PER_MINUTE);

/** R-TIME-04: "one day" (бір тәулік) is 24 hours of elapsed time, whatever the wall clock does. */
export const addHours = (instant: Instant, hours: number): Instant =>
  instantFromEpochMs(instant + hours * MS_PER_HOUR);

type OffsetPeriod = { readonly from: number; readonly offsetMinutes: number };

/**
 * Kazakhstan national time (R-TIME-01, G-03), as data rather than the runtime's tzdata, which may predate
 * the 2024 change. Astana and Almaty kept UTC+6 from 2005 until the Government moved the whole country
 * to UTC+5: at 00:00 on 1 March 2024 (UTC+6) the clocks went back one hour to 23:00 on 29 February.
 * Earlier history (daylight saving until 2004) is out of scope: the service started in 2020.
 * The table must only ever set clocks back (see toInstant).
 */
const KZ_OFFSET_PERIODS: readonly OffsetPeriod[] = [
  { from: Number.MIN_SAFE_INTEGER, offsetMinutes: 6 * 60 },
  { from: toLocalEpochMs(localDateTime('2024-03-01T00:00')) - 6 * MS_PER_HOUR, offsetMinutes: 5 * 60 },
];

/** UTC offset of Kazakhstan national time at `instant`, in minutes (360 before the 2024 change, then 300). */
export const kzOffsetMinutesAt = (instant: Instant): number =>
  KZ_OFFSET_PERIODS.reduce((found, period) => (period.from <= instant ? period : found)).offsetMinutes;

export const toLocalDateTime = (instant: Instant): LocalDateTime =>
  fromLocalEpochMs(instant + kzOffsetMinutesAt(instant) * MS_PER_MINUTE);

export const localDateOf = (instant: Instant): LocalDate => dateOf(toLocalDateTime(instant));

/**
 * The instant a Kazakhstan wall-clock reading denotes. Clocks only ever went back, so every reading
 * exists; the readings 2024-02-29T23:00–23:59:59.999 exist twice (first at UTC+6, then at UTC+5) and
 * resolve to the EARLIER instant, the UTC+6 one — a deadline or a job at such a reading happens the
 * first time the clock shows it (the same choice as Temporal's 'compatible' disambiguation).
 */
export function toInstant(dateTime: LocalDateTime): Instant {
  const localMs = toLocalEpochMs(dateTime);
  // A candidate instant is valid when the offset in force at it maps it back to the same reading.
  const valid = KZ_OFFSET_PERIODS.map((period) =>
    instantFromEpochMs(localMs - period.offsetMinutes * MS_PER_MINUTE),
  ).filter((candidate) => candidate + kzOffsetMinutesAt(candidate) * MS_PER_MINUTE === localMs);
  return instantFromEpochMs(Math.min(...valid));
}

export const instantAt = (date: LocalDate, time: TimeOfDay): Instant => toInstant(atTime(date, time));

export const startOfLocalDay = (date: LocalDate): Instant => toInstant(localDateTime(`${date}T00:00`));

/** R-TIME-03, G-04: a deadline "until the end of day D" is 23:59:59.999 local time of D. */
export const endOfLocalDay = (date: LocalDate): Instant =>
  instantFromEpochMs(startOfLocalDay(addDays(date, 1)) - 1);

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** ISO 8601 in Kazakhstan national time with its offset, e.g. '2026-03-03T07:00:00+05:00'. */
export function formatInstant(instant: Instant): string {
  return `${toLocalDateTime(instant)}${formatOffset(kzOffsetMinutesAt(instant))}`;
}

const OFFSET_SUFFIX = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses 'YYYY-MM-DDTHH:MM[:SS[.sss]]' followed by 'Z' or '±HH:MM'; without an offset the reading is
 * Kazakhstan national time (as in the scenario format's `at`).
 */
export function parseInstant(text: string): Result<Instant> {
  const suffix = OFFSET_SUFFIX.exec(text)?.[1];
  const local = parseLocalDateTime(suffix === undefined ? text : text.slice(0, -suffix.length));
  if (!local.ok) return err(`"${text}" is not an ISO date-time with an optional offset: ${local.error}`);
  if (suffix === undefined) return ok(toInstant(local.value));
  if (suffix === 'Z') return ok(instantFromEpochMs(toLocalEpochMs(local.value)));
  const hours = Number(suffix.slice(1, 3));
  const minutes = Number(suffix.slice(4, 6));
  if (hours > 14 || minutes > 59) return err(`"${text}" has an offset outside -14:00…+14:00`);
  const offsetMinutes = (suffix.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  return ok(instantFromEpochMs(toLocalEpochMs(local.value) - offsetMinutes * MS_PER_MINUTE));
}

/** For literals and trusted data; throws RangeError on an invalid date-time. */
export const instant = (text: string): Instant => orThrow(parseInstant(text));
