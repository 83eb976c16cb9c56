import type { Territory } from '@kezek/contracts';
import { describe, expect, it } from 'vitest';
import { pickRegion } from './policy-page';
import { draftFieldOf, validateSettlement } from './settlement-form';
import { filterSettlements, pageOf, settlementsOf } from './territory-filter';

const name = (kk: string, ru: string, en: string) => ({ kk, ru, en });
const territory: Territory = {
  regions: [
    {
      kato: '750000000',
      name: name('Алматы қаласы', 'город Алматы', 'Almaty city'),
      districts: [
        {
          kato: '751310000',
          name: name('Әуезов ауданы', 'Ауэзовский район', 'Auezov district'),
          settlements: [{ kato: '751310001', name: name('Шаңырақ', 'Шанырак', 'Shanyrak') }],
        },
        {
          kato: '751110000',
          name: name('Алмалы ауданы', 'Алмалинский район', 'Almaly district'),
          settlements: [{ kato: '751110000', name: name('Алмалы', 'Алмалы', 'Almaly') }],
        },
      ],
    },
    { kato: '710000000', name: name('Астана', 'Астана', 'Astana'), districts: [] },
  ],
};

describe('territory', () => {
  it('lists settlements with their district in KATO order', () => {
    const rows = settlementsOf(territory.regions[0]!);
    expect(rows.map((row) => [row.kato, row.district.kato])).toEqual([
      ['751110000', '751110000'],
      ['751310001', '751310000'],
    ]);
  });

  it('filters by district, by a KATO beginning and by a name in any language', () => {
    const rows = settlementsOf(territory.regions[0]!);
    expect(filterSettlements(rows, { q: '', district: '751310000' }).map((r) => r.kato)).toEqual([
      '751310001',
    ]);
    expect(filterSettlements(rows, { q: '7511', district: '' }).map((r) => r.kato)).toEqual(['751110000']);
    expect(filterSettlements(rows, { q: 'шаңы', district: '' }).map((r) => r.kato)).toEqual(['751310001']);
    expect(filterSettlements(rows, { q: 'shanyrak', district: '751110000' })).toEqual([]);
  });

  it('pages a list, clamping the page', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(items, 3, 20)).toEqual({ items: [40, 41, 42, 43, 44], pages: 3 });
    expect(pageOf(items, 9, 20).items[0]).toBe(40);
    expect(pageOf([], 1, 20)).toEqual({ items: [], pages: 1 });
  });

  it('picks the region named in the address, else the first', () => {
    expect(pickRegion(territory, '?region=710000000')?.kato).toBe('710000000');
    expect(pickRegion(territory, '?region=999')?.kato).toBe('750000000');
  });

  it('checks a new settlement as the API does', () => {
    const good = { district: '751110000', kato: '751110123', kk: 'Жаңа', ru: 'Новый', en: 'New' };
    expect(validateSettlement(good)).toEqual({});
    expect(validateSettlement({ ...good, kato: '75111' })).toEqual({ kato: 'katoFormat' });
    expect(validateSettlement({ ...good, kato: '751310123' })).toEqual({ kato: 'katoDistrict' });
    expect(validateSettlement({ ...good, district: '', kk: ' ', ru: 'Н' })).toEqual({
      district: 'required',
      kk: 'required',
      ru: 'nameLength',
    });
  });

  it("maps the API's field to the form's", () => {
    expect(draftFieldOf('kato')).toBe('kato');
    expect(draftFieldOf('name.ru')).toBe('ru');
    expect(draftFieldOf('name.xx')).toBeUndefined();
    expect(draftFieldOf(undefined)).toBeUndefined();
  });
});
