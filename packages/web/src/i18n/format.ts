import type { Language, LocalizedName } from '@kezek/contracts';
import { toLocale } from './language';

const numberFormats = new Map<Language, Intl.NumberFormat>();

/**
 * Chromium ships trimmed ICU data: it claims to support `kk` but formats 1000 as "1,000". Kazakh and
 * Russian share the CLDR number symbols (space grouping, decimal comma), so Russian stands in.
 */
const numberFormatFor = (language: Language): Intl.NumberFormat => {
  const format = new Intl.NumberFormat(toLocale(language), { maximumFractionDigits: 0 });
  if (language !== 'kk' || /^1\s000$/u.test(format.format(1000))) return format;
  return new Intl.NumberFormat(toLocale('ru'), { maximumFractionDigits: 0 });
};

export const formatNumber = (value: number, language: Language): string => {
  let format = numberFormats.get(language);
  if (format === undefined) {
    format = numberFormatFor(language);
    numberFormats.set(language, format);
  }
  return format.format(value);
};

const KAZAKH_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
] as const;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Written out by hand for the same reason: browsers without full kk data print "2026 M03 2". */
const formatKazakhDateTime = (wallClock: Date): string =>
  `${wallClock.getUTCFullYear()} жылғы ${wallClock.getUTCDate()} ${KAZAKH_MONTHS[wallClock.getUTCMonth()] ?? ''}, ` +
  `${pad(wallClock.getUTCHours())}:${pad(wallClock.getUTCMinutes())}`;

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
  if (language === 'kk') return formatKazakhDateTime(wallClock);
  return new Intl.DateTimeFormat(toLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(wallClock);
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (`2022-04-10`, no time zone) in words; the input unchanged when it is not one. */
export const formatLocalDate = (iso: string, language: Language): string => {
  const match = ISO_DATE.exec(iso);
  if (match === null) return iso;
  const [, y, m, d] = match;
  if (language === 'kk') return `${Number(y)} жылғы ${Number(d)} ${KAZAKH_MONTHS[Number(m) - 1] ?? ''}`;
  return new Intl.DateTimeFormat(toLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))),
  );
};
