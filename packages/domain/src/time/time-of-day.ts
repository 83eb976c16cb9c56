import { err, ok, orThrow, type Result } from './result';

/** A wall-clock time 'HH:MM' from 00:00 to 23:59 (the regulated times of §24(3)–(4) are minute-precise). */
export type TimeOfDay = string & { readonly __brand: 'TimeOfDay' };

const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

export function parseTimeOfDay(text: string): Result<TimeOfDay> {
  const match = TIME_PATTERN.exec(text);
  if (!match) return err(`"${text}" is not a time of the form HH:MM`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return err(`"${text}" is not a time between 00:00 and 23:59`);
  return ok(text as TimeOfDay);
}

/** For literals and trusted data; throws RangeError on an invalid time. */
export const timeOfDay = (text: string): TimeOfDay => orThrow(parseTimeOfDay(text));

export const minutesOfDay = (time: TimeOfDay): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
