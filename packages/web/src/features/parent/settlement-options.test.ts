import { describe, expect, it } from 'vitest';
import { settlementGroups } from './settlement-options';

const name = (text: string) => ({ kk: text, ru: text, en: text });
const settlement = (kato: string, title: string, district: string, districtName: string) => ({
  kato,
  name: name(title),
  district: { kato: district, name: name(districtName) },
  kindergartens: 1,
});

describe('the settlements of the apply wizard (R-QUEUE-07)', () => {
  it('groups the settlements under their district, in the order given', () => {
    const groups = settlementGroups({
      items: [
        settlement('751110000', 'Almaly', '751110000', 'Almaly district'),
        settlement('194630100', 'Kaskelen', '194630000', 'Karasay district'),
        settlement('194637100', 'Shamalgan', '194630000', 'Karasay district'),
      ],
    });
    expect(groups.map((group) => [group.kato, group.settlements.map((s) => s.kato)])).toEqual([
      ['751110000', ['751110000']],
      ['194630000', ['194630100', '194637100']],
    ]);
    expect(groups[1]?.name.en).toBe('Karasay district');
  });

  it('is empty when there is no settlement', () => {
    expect(settlementGroups({ items: [] })).toEqual([]);
  });
});
