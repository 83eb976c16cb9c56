const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

const weightedMod11 = (digits: string, weights: readonly number[]): number =>
  weights.reduce((sum, weight, index) => sum + weight * Number(digits[index]), 0) % 11;

/**
 * Control (12th) digit of an IIN or BIN from its first 11 digits (R-ELIG-22): the weighted sum with
 * weights 1…11 mod 11; if that is 10, again with weights 3…11, 1, 2; if 10 again the number is never
 * issued (undefined).
 */
export function controlDigit(first11: string): number | undefined {
  const first = weightedMod11(first11, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(first11, SECOND_WEIGHTS);
  return second === 10 ? undefined : second;
}

export const TWELVE_DIGITS = /^\d{12}$/;

/** Why a 12-digit identifier (IIN or BIN) is invalid; at the API edge every code is INVALID_IIN (or its BIN twin). */
export type IdNumberErrorCode = 'format' | 'century' | 'date' | 'checksum' | 'unissuable';

export type IdNumberError = { readonly code: IdNumberErrorCode; readonly message: string };

/** The checksum part of validation, shared by IIN and BIN. */
export function checksumError(text: string, kind: 'IIN' | 'BIN'): IdNumberError | undefined {
  const expected = controlDigit(text.slice(0, 11));
  if (expected === undefined)
    return {
      code: 'unissuable',
      message: `${kind} ${text} cannot exist: its control digit computes to 10 in both passes`,
    };
  if (expected !== Number(text[11]))
    return {
      code: 'checksum',
      message: `${kind} ${text} has control digit ${text[11]}, expected ${expected}`,
    };
  return undefined;
}

/**
 * The first serial from `serial` on (wrapping within `10 ** width`) whose number can be issued, with its
 * control digit appended. Terminates at once or at the next serial: an unissuable number has a first-pass
 * sum of 10, and the next serial changes the second-pass sum (a last-digit step adds 2) or, on a carry,
 * the first-pass sum, so it is never unissuable too.
 */
export function withControlDigit(prefix: string, serial: number, width: number): string {
  const limit = 10 ** width;
  if (!Number.isInteger(serial) || serial < 0 || serial >= limit)
    throw new RangeError(`Serial ${serial} is outside 0–${limit - 1}`);
  for (let next = serial; ; next = (next + 1) % limit) {
    const first11 = `${prefix}${String(next).padStart(width, '0')}`;
    const control = controlDigit(first11);
    if (control !== undefined) return `${first11}${control}`;
  }
}
