import { describe, expect, it } from 'vitest';
import {
  formatBulletinItemsQuery,
  formatBulletinListQuery,
  formatFairnessQuery,
  formatQueueQuery,
  parseBulletinItemsQuery,
  parseBulletinListQuery,
  parseFairnessQuery,
  parseQueueQuery,
  parseVerifyQuery,
  percentOf,
  verifyHref,
} from './query';

describe('registers query strings', () => {
  it('bulletins: keeps valid filters, drops what the API would refuse, round-trips', () => {
    const query = parseBulletinListQuery('?settlement=751110000&from=2026-02-01&to=2026-02-30&page=3');
    expect(query).toEqual({ page: 3, settlement: '751110000', from: '2026-02-01' });
    expect(parseBulletinListQuery(formatBulletinListQuery(query))).toEqual(query);
    expect(parseBulletinListQuery('?settlement=75111&page=0')).toEqual({ page: 1 });
    expect(formatBulletinListQuery({ page: 1 })).toBe('');
  });

  it('bulletin items: age 0–7, known languages, modes and admissions only', () => {
    expect(parseBulletinItemsQuery('?age=3&language=ru&mode=24h&admission=temporary&page=2')).toEqual({
      page: 2,
      age: 3,
      language: 'ru',
      mode: '24h',
      admission: 'temporary',
    });
    expect(parseBulletinItemsQuery('?age=9&language=fr&mode=night&admission=x')).toEqual({ page: 1 });
    expect(formatBulletinItemsQuery({ page: 1, age: 0 })).toBe('?age=0');
  });

  it('queue: the general queue by default; a number to find replaces the page', () => {
    expect(parseQueueQuery('?settlement=751110000&birthYear=2022&queue=special:speech&page=2')).toEqual({
      page: 2,
      settlement: '751110000',
      birthYear: 2022,
      queue: 'special:speech',
    });
    expect(parseQueueQuery('?birthYear=1999&queue=other')).toEqual({ page: 1, queue: 'general' });
    const find = {
      page: 4,
      settlement: '751110000',
      birthYear: 2022,
      queue: 'general',
      number: '751110000-0000023',
    };
    expect(formatQueueQuery(find)).toBe('?settlement=751110000&birthYear=2022&number=751110000-0000023');
    expect(parseQueueQuery('?number=%20%20')).toEqual({ page: 1, queue: 'general' });
  });

  it('fairness: district and period', () => {
    const query = parseFairnessQuery('?district=751310000&from=2025-01-01&to=2025-12-31&x=1');
    expect(query).toEqual({ district: '751310000', from: '2025-01-01', to: '2025-12-31' });
    expect(formatFairnessQuery(query)).toBe('?district=751310000&from=2025-01-01&to=2025-12-31');
  });

  it('verify: a link to a register entry names the log and the leaf hash', () => {
    const hash = 'a'.repeat(64);
    expect(parseVerifyQuery(verifyHref('bulletins', hash).split('?')[1] ?? '')).toEqual({
      log: 'bulletins',
      leaf: hash,
    });
    expect(parseVerifyQuery('?log=other&leaf=abc')).toEqual({});
  });

  it('bar widths', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 0)).toBe(0);
  });
});
