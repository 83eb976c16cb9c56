import { randomInt } from 'node:crypto';
import { AppError } from '../../platform/app-error';

/** No 0/O, 1/l/I: a one-time password is read out or copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password: 4 groups of 4 from 55 symbols, about 92 bits. */
export const temporaryPassword = (): string =>
  Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)] ?? '').join(''),
  ).join('-');

export const MIN_PASSWORD_LENGTH = 12;

/** A password a member of staff chooses: long enough, and not the login or the password it replaces. */
export function checkNewPassword(password: string, login: string, current: string): void {
  const problem =
    password.length < MIN_PASSWORD_LENGTH
      ? `at least ${MIN_PASSWORD_LENGTH} characters`
      : password.toLowerCase().includes(login.toLowerCase())
        ? 'must not contain the login'
        : password === current
          ? 'must differ from the current password'
          : undefined;
  if (problem !== undefined)
    throw new AppError('VALIDATION_FAILED', `newPassword: ${problem}`, { field: 'newPassword' });
}
