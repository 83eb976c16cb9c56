import type { Overview } from '@kezek/contracts';
import { describe, expect, it } from 'vitest';
import { placeName } from './names';

const name = (kk: string, ru: string, en: string) => ({ kk, ru, en });
const overview: Overview = {
  regions: [
    {
      kato: '750000000',
      name: name('Алматы қаласы', 'город Алматы', 'Almaty city'),
      districts: [
        {
          kato: '751110000',
          name: name('Алмалы ауданы', 'Алмалинский район', 'Almaly district'),
          kindergartens: 1,
          groups: 1,
          capacity: 1,
          queued: 0,
          pending: 0,
        },
      ],
    },
  ],
  totals: { kindergartens: 1, groups: 1, capacity: 1, queued: 0, pending: 0 },
  asOf: '2026-03-02T10:00:00+05:00',
};

describe('placeName', () => {
  it('names a district or region by its KATO code in the language asked', () => {
    expect(placeName(overview, '751110000', 'kk')).toBe('Алмалы ауданы');
    expect(placeName(overview, '751110000', 'ru')).toBe('Алмалинский район');
    expect(placeName(overview, '750000000', 'en')).toBe('Almaty city');
  });

  it('falls back to the code when the overview is missing or does not list it', () => {
    expect(placeName(undefined, '751110000', 'kk')).toBe('751110000');
    expect(placeName(overview, '751310000', 'kk')).toBe('751310000');
  });
});
