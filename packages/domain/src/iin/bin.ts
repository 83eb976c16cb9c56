import { monthOf, yearOf, type LocalDate } from '../time/local-date';
import { err, ok, type Result } from '../time/result';
import { checksumError, TWELVE_DIGITS, withControlDigit, type IdNumberError } from './check-digit';

/**
 * Business identification number (БСН / БИН) of a legal entity such as a kindergarten: digits 1–4 the
 * year and month of registration (YYMM), 5 the kind of entity (4 resident, 5 non-resident legal entity,
 * 6 individual entrepreneur in joint form), 6 the unit (0 = head office), 7–11 a serial, 12 the same
 * control digit as an IIN.
 */
export type Bin = string & { readonly __brand: 'Bin' };

const RESIDENT_HEAD_OFFICE = '40';

export function parseBin(text: string): Result<Bin, IdNumberError> {
  if (!TWELVE_DIGITS.test(text))
    return err({ code: 'format', message: `A BIN is exactly 12 digits, got "${text}"` });
  const month = Number(text.slice(2, 4));
  if (month < 1 || month > 12)
    return err({
      code: 'date',
      message: `BIN ${text}: digits 3–4 must be a registration month 01–12, got ${text.slice(2, 4)}`,
    });
  if (!['4', '5', '6'].includes(text[4] ?? ''))
    return err({
      code: 'format',
      message: `BIN ${text}: digit 5 must be 4, 5 or 6 (kind of entity), got ${text[4]}`,
    });
  const checksum = checksumError(text, 'BIN');
  return checksum === undefined ? ok(text as Bin) : err(checksum);
}

/** A valid BIN of a resident legal entity's head office registered in the month of `registeredOn` (demo data). */
export function makeBin(registeredOn: LocalDate, serial: number): Bin {
  const yymm = `${String(yearOf(registeredOn) % 100).padStart(2, '0')}${String(monthOf(registeredOn)).padStart(2, '0')}`;
  return withControlDigit(`${yymm}${RESIDENT_HEAD_OFFICE}`, serial, 5) as Bin;
}
