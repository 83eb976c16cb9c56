import { describe, expect, it } from 'vitest';
import { passwordProblems } from './change-password-page';

describe('the password change form', () => {
  it('names each field to fix: the current password, a new one of 12 characters or more, the same twice', () => {
    expect(passwordProblems({ current: '', next: 'short', repeat: 'other' })).toEqual({
      current: 'required',
      next: 'tooShort',
      repeat: 'mismatch',
    });
    expect(passwordProblems({ current: 'x', next: '', repeat: '' })).toEqual({ next: 'required' });
    expect(
      passwordProblems({ current: 'x', next: 'a long passphrase', repeat: 'a long passphrase' }),
    ).toEqual({});
  });
});
