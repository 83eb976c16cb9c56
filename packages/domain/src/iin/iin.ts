import { parseLocalDate, yearOf, type LocalDate } from '../time/local-date';
import { err, ok, type Result } from '../time/result';
import { checksumError, TWELVE_DIGITS, withControlDigit, type IdNumberError } from './check-digit';

/** Individual identification number (ЖСН / ИИН): 12 digits with a valid control digit (R-ELIG-22). */
export type Iin = string & { readonly __brand: 'Iin' };

export type Sex = 'male' | 'female';

export type ParsedIin = { readonly value: Iin; readonly birthDate: LocalDate; readonly sex: Sex };

/**
 * Digit 7 encodes century and sex: 1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s; odd = male, even = female.
 * R-ELIG-22 admits only these six values; any other digit is rejected.
 */
const decodeCenturyDigit = (digit: number): { readonly century: number; readonly sex: Sex } | undefined =>
  digit >= 1 && digit <= 6
    ? { century: 1800 + 100 * Math.floor((digit - 1) / 2), sex: digit % 2 === 1 ? 'male' : 'female' }
    : undefined;

export function parseIin(text: string): Result<ParsedIin, IdNumberError> {
  if (!TWELVE_DIGITS.test(text))
    return err({ code: 'format', message: `An IIN is exactly 12 digits, got "${text}"` });
  const decoded = decodeCenturyDigit(Number(text[6]));
  if (decoded === undefined)
    return err({
      code: 'century',
      message: `IIN ${text}: digit 7 must be 1–6 (century and sex), got ${text[6]}`,
    });
  const year = String(decoded.century + Number(text.slice(0, 2)));
  const birthDate = parseLocalDate(`${year}-${text.slice(2, 4)}-${text.slice(4, 6)}`);
  if (!birthDate.ok)
    return err({
      code: 'date',
      message: `IIN ${text}: digits 1–6 are not a real birth date (${birthDate.error})`,
    });
  const checksum = checksumError(text, 'IIN');
  if (checksum !== undefined) return err(checksum);
  return ok({ value: text as Iin, birthDate: birthDate.value, sex: decoded.sex });
}

/** R-ELIG-22 (IIN_BIRTHDATE_MISMATCH): a child's IIN must encode its registered birth date. */
export function checkIinMatchesBirthDate(iin: Iin, birthDate: LocalDate): boolean {
  const parsed = parseIin(iin);
  return parsed.ok && parsed.value.birthDate === birthDate;
}

/**
 * A valid IIN for the birth date and sex (demo data, tests). `serial` (0–9999) fills digits 8–11; a serial
 * whose number could never be issued is skipped for the next one, so the result is always valid.
 */
export function makeIin(birthDate: LocalDate, sex: Sex, serial: number): Iin {
  const year = yearOf(birthDate);
  if (year < 1800 || year > 2099) throw new RangeError(`An IIN encodes births in 1800–2099, not ${year}`);
  const centuryDigit = 2 * Math.floor((year - 1800) / 100) + (sex === 'male' ? 1 : 2);
  return withControlDigit(`${birthDate.slice(2, 10).replaceAll('-', '')}${centuryDigit}`, serial, 4) as Iin;
}
