import { localDate, makeIin } from '@kezek/domain';
import { describe, expect, it } from 'vitest';
import { digitsOnly, iinProblem } from './iin-input';

describe('iinProblem', () => {
  const valid = makeIin(localDate('1990-01-01'), 'female', 11);

  it('R-ELIG-22: accepts an IIN with a valid control digit and names what is wrong otherwise', () => {
    expect(iinProblem(valid)).toBeUndefined();
    expect(iinProblem(` ${valid} `)).toBeUndefined();
    expect(iinProblem('')).toBe('required');
    expect(iinProblem('12345')).toBe('format');
    expect(iinProblem('12345678901a')).toBe('format');
    const wrongDigit = `${valid.slice(0, 11)}${(Number(valid[11]) + 1) % 10}`;
    expect(iinProblem(wrongDigit)).toBe('invalid');
  });

  it('keeps only the first 12 digits of what is typed or pasted', () => {
    expect(digitsOnly('900 101-300 017 99')).toBe('900101300017');
  });
});
