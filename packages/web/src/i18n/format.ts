import type { Language, LocalizedName } from '@kezek/contracts';
import { toLocale } from './language';

const numberFormats = new Map<Language, Intl.NumberFormat>();

export const formatNumber = (value: number, language: Language): string => {
  let format = numberFormats.get(language);
  if (format === undefined) {
    format = new Intl.NumberFormat(toLocale(language), { maximumFractionDigits: 0 });
    numberFormats.set(language, format);
  }
  return format.format(value);
};

export const localizedName = (name: LocalizedName, language: Language): string =>
  name[language] || name.kk || name.ru || name.en;

/** Kazakhstan has one offset, UTC+5, since 1 March 2024. */
const KAZAKHSTAN_OFFSET_MINUTES = 5 * 60;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Formats an ISO instant as Kazakhstan wall-clock time. The offset arithmetic is done here rather
 * than with `timeZone: 'Asia/Almaty'`, because browsers with tz data older than 2024a still use +6.
 * Returns the input unchanged when it is not an ISO instant.
 */
export const formatInstant = (iso: string, language: Language): string => {
  const match = ISO_INSTANT.exec(iso);
  if (match === null) return iso;
  const [, y, mo, d, h, mi, zone] = match;
  const offset =
    zone === 'Z' || zone === undefined
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) - offset * 60_000;
  const wallClock = new Date(utc + KAZAKHSTAN_OFFSET_MINUTES * 60_000);
  return new Intl.DateTimeFormat(toLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(wallClock);
};
