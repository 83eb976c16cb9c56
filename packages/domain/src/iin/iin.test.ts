import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEpochDay, localDate, toEpochDay } from '../time/local-date';
import { makeBin, parseBin } from './bin';
import { checkIinMatchesBirthDate, makeIin, parseIin, type Iin, type Sex } from './iin';

// Control digits computed independently of this code (a separate script implementing R-ELIG-22).
describe('parseIin (R-ELIG-22)', () => {
  it.each([
    ['200201501233', '2020-02-01', 'male'],
    ['871204300120', '1987-12-04', 'male'],
    ['991231400014', '1999-12-31', 'female'],
    ['000229600014', '2000-02-29', 'female'],
    ['200201500802', '2020-02-01', 'male'], // first pass gives 10, second pass 2
  ])('R-ELIG-22: %s is born %s, %s', (text, birthDate, sex) => {
    expect(parseIin(text)).toEqual({ ok: true, value: { value: text, birthDate, sex } });
  });

  it.each([
    ['20020150123', 'format', 'exactly 12 digits'],
    ['2002015012330', 'format', 'exactly 12 digits'],
    ['20020150123a', 'format', 'exactly 12 digits'],
    ['200201000015', 'century', 'digit 7 must be 1–6'],
    ['200201700013', 'century', 'digit 7 must be 1–6'],
    ['200231500010', 'date', 'not a real birth date'],
    ['010229500015', 'date', 'not a real birth date'],
    ['200201501234', 'checksum', 'control digit 4, expected 3'],
    ['200201500840', 'unissuable', 'computes to 10 in both passes'],
  ])('R-ELIG-22 (INVALID_IIN): %s is rejected as %s', (text, code, message) => {
    const result = parseIin(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(message);
  });
});

describe('checkIinMatchesBirthDate', () => {
  const iin = '200201501233' as Iin;

  it.each([
    ['2020-02-01', true],
    ['2020-02-02', false],
    ['1920-02-01', false],
  ])(
    'R-ELIG-22 (IIN_BIRTHDATE_MISMATCH): IIN 200201501233 and birth date %s match: %s',
    (birthDate, expected) => {
      expect(checkIinMatchesBirthDate(iin, localDate(birthDate))).toBe(expected);
    },
  );
});

describe('makeIin', () => {
  it('builds the number from birth date, sex and serial', () => {
    expect(makeIin(localDate('2020-02-01'), 'male', 123)).toBe('200201501233');
    expect(makeIin(localDate('1999-12-31'), 'female', 1)).toBe('991231400014');
  });

  it('skips a serial whose number can never be issued', () => {
    expect(makeIin(localDate('2020-02-01'), 'male', 84)).toBe('200201500851');
  });

  it('rejects births outside 1800–2099 and serials outside 0–9999', () => {
    expect(() => makeIin(localDate('2100-01-01'), 'male', 1)).toThrow(RangeError);
    expect(() => makeIin(localDate('2020-01-01'), 'male', 10_000)).toThrow(RangeError);
  });

  it('R-ELIG-22: every generated IIN parses back to its birth date and sex, using the serial or the next one', () => {
    const birthDates = fc
      .integer({ min: toEpochDay(localDate('1800-01-01')), max: toEpochDay(localDate('2099-12-31')) })
      .map(fromEpochDay);
    fc.assert(
      fc.property(
        birthDates,
        fc.constantFrom<Sex>('male', 'female'),
        fc.integer({ min: 0, max: 9999 }),
        (birthDate, sex, serial) => {
          const iin = makeIin(birthDate, sex, serial);
          expect(parseIin(iin)).toEqual({ ok: true, value: { value: iin, birthDate, sex } });
          expect([serial, (serial + 1) % 10_000]).toContain(Number(iin.slice(7, 11)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('BIN', () => {
  it.each([
    ['150340000015', true],
    ['181140001237', true],
    ['181140001238', false],
    ['181340001237', false],
    ['181120001237', false],
  ])('parseBin(%s).ok = %s', (text, valid) => {
    expect(parseBin(text).ok).toBe(valid);
  });

  it('makeBin builds a resident head-office BIN that parses', () => {
    expect(makeBin(localDate('2015-03-20'), 1)).toBe('150340000015');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (serial) => {
        expect(parseBin(makeBin(localDate('2018-11-05'), serial)).ok).toBe(true);
      }),
    );
  });
});
