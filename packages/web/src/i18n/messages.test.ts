import { describe, expect, it } from 'vitest';
import { AREA_CATALOGS } from './catalog';
import { en } from './en';
import { formatInstant, formatLocalDate, formatNumber } from './format';
import { kk } from './kk';
import { ru } from './ru';

/** Flattened keys with the plural suffix removed, since languages have different plural forms. */
const keysOf = (messages: object, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`]
      : keysOf(value as object, `${prefix}${key}.`),
  );

const unique = (keys: string[]) => [...new Set(keys)].sort();

describe('messages', () => {
  it('has the same keys in Kazakh, Russian and English', () => {
    expect(unique(keysOf(ru))).toEqual(unique(keysOf(kk)));
    expect(unique(keysOf(en))).toEqual(unique(keysOf(kk)));
  });

  it("has the same keys in every language in each area's catalog, under a namespace of its own", () => {
    const namespaces = new Set(Object.keys(kk));
    for (const [path, catalog] of AREA_CATALOGS) {
      expect(unique(keysOf(catalog.ru)), path).toEqual(unique(keysOf(catalog.kk)));
      expect(unique(keysOf(catalog.en)), path).toEqual(unique(keysOf(catalog.kk)));
      for (const namespace of Object.keys(catalog.kk)) {
        expect(namespaces.has(namespace), `${path}: "${namespace}" is taken`).toBe(false);
        namespaces.add(namespace);
      }
    }
  });

  it('has no empty text', () => {
    const areaTexts: object[] = [...AREA_CATALOGS.values()].flatMap((catalog) => [
      catalog.kk,
      catalog.ru,
      catalog.en,
    ]);
    for (const messages of [kk, ru, en, ...areaTexts]) {
      const empty = keysOf(messages).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return value === '';
      });
      expect(empty).toEqual([]);
    }
  });
});

describe('formatting', () => {
  it('groups thousands by the language', () => {
    expect(formatNumber(49_000, 'en')).toBe('49,000');
    expect(formatNumber(49_000, 'ru').replace(/\s/g, ' ')).toBe('49 000');
    expect(formatNumber(1_234_567, 'kk').replace(/\s/g, ' ')).toBe('1 234 567');
  });

  it('shows instants as Kazakhstan wall-clock time (UTC+5)', () => {
    expect(formatInstant('2026-03-02T10:00:00+05:00', 'en')).toBe('2 March 2026 at 10:00');
    expect(formatInstant('2026-03-02T05:00:00Z', 'en')).toBe('2 March 2026 at 10:00');
    expect(formatInstant('2026-03-02T11:30:00+06:00', 'en')).toBe('2 March 2026 at 10:30');
    expect(formatInstant('not a date', 'en')).toBe('not a date');
    expect(formatInstant('2026-12-31T23:59:00+05:00', 'kk')).toBe('2026 жылғы 31 желтоқсан, 23:59');
    expect(formatInstant('2026-03-01T20:00:00Z', 'kk')).toBe('2026 жылғы 2 наурыз, 01:00');
  });
});

describe('calendar dates', () => {
  it('writes a birth date in words, without shifting it by a time zone', () => {
    expect(formatLocalDate('2022-04-10', 'kk')).toBe('2022 жылғы 10 сәуір');
    expect(formatLocalDate('2022-04-10', 'en')).toBe('10 April 2022');
    expect(formatLocalDate('2022-01-01', 'ru')).toMatch(/^1 января 2022/);
    expect(formatLocalDate('10.04.2022', 'en')).toBe('10.04.2022');
  });
});
