import {
  formatInstant,
  instantFromEpochMs,
  kzOffsetMinutesAt,
  localDateOf,
  startOfLocalDay,
  type LocalDate,
} from '@kezek/domain';

/** A JS Date at the edge as ISO 8601 in Kazakhstan national time, e.g. 2026-03-02T10:00:00+05:00. */
export const formatNational = (at: Date): string => formatInstant(instantFromEpochMs(at.getTime()));

/** The national-time calendar date of a JS Date at the edge (the day a rule is decided for). */
export const nationalDate = (at: Date): LocalDate => localDateOf(instantFromEpochMs(at.getTime()));

/** 00:00 national time of a date, as a JS Date for the database. */
export const startOfNationalDay = (date: LocalDate): Date => new Date(startOfLocalDay(date));

/**
 * Kezek never relies on the runtime's tzdata (before 2024a it says +06:00 for Asia/Almaty), but says so at start
 * when the two disagree, so an operator is not surprised by other tools on the same machine.
 */
export function tzdataDisagreement(at: Date): string | undefined {
  const runtime = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Almaty', timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const minutes = kzOffsetMinutesAt(instantFromEpochMs(at.getTime()));
  const expected = `GMT+${String(minutes / 60).padStart(2, '0')}:00`;
  return runtime === expected ? undefined : `${runtime ?? 'unknown'} (national time is ${expected})`;
}
