import { describe, expect, it } from 'vitest';
import { settlementGroups } from './settlement-options';

const name = (text: string) => ({ kk: text, ru: text, en: text });
const overview = {
  regions: [
    {
      kato: '750000000',
      name: name('Almaty'),
      districts: [
        {
          kato: '751110000',
          name: name('Almaly'),
          kindergartens: 1,
          groups: 1,
          capacity: 1,
          queued: 0,
          pending: 0,
        },
        {
          kato: '751310000',
          name: name('Auezov'),
          kindergartens: 1,
          groups: 1,
          capacity: 1,
          queued: 0,
          pending: 0,
        },
      ],
    },
  ],
};
const bulletin = (kato: string, text: string) => ({ settlement: { kato, name: name(text) } });

describe('the apply wizard offers settlements, not districts', () => {
  it('lists each settlement of the bulletins once, under the district whose code prefixes its own', () => {
    const groups = settlementGroups(overview, [
      bulletin('751310000', 'Auezov city part'),
      bulletin('751110000', 'Almaly city part'),
      bulletin('751113100', 'Village of Almaly'),
      bulletin('751110000', 'Almaly city part'),
    ]);
    expect(groups.map((group) => [group.kato, group.settlements.map((s) => s.kato)])).toEqual([
      ['751110000', ['751110000', '751113100']],
      ['751310000', ['751310000']],
    ]);
    expect(groups[0]?.settlements[1]?.name.en).toBe('Village of Almaly');
  });

  it('groups a settlement of no known district under its own name', () => {
    const groups = settlementGroups(overview, [bulletin('631010000', 'Elsewhere')]);
    expect(groups).toEqual([
      {
        kato: '631010000',
        name: name('Elsewhere'),
        settlements: [bulletin('631010000', 'Elsewhere').settlement],
      },
    ]);
  });

  it('falls back to the districts by region before the first bulletin', () => {
    expect(settlementGroups(overview, [])).toEqual([
      {
        kato: '750000000',
        name: name('Almaty'),
        settlements: [
          { kato: '751110000', name: name('Almaly') },
          { kato: '751310000', name: name('Auezov') },
        ],
      },
    ]);
  });
});
