import type { Overview } from '@kezek/contracts';
import type { PublicRepository } from './public.repository';

/** Public, anonymised figures per region and district. */
export async function getOverview(
  repo: Pick<PublicRepository, 'districtFigures'>,
  asOf: string,
): Promise<Overview> {
  const rows = await repo.districtFigures();
  const regions = new Map<string, Overview['regions'][number]>();
  for (const row of rows) {
    const region = regions.get(row.region_kato) ?? {
      kato: row.region_kato,
      name: { kk: row.region_kk, ru: row.region_ru, en: row.region_en },
      districts: [],
    };
    region.districts.push({
      kato: row.kato,
      name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
      kindergartens: row.kindergartens,
      groups: row.groups,
      capacity: row.capacity,
      queued: row.queued,
      pending: row.pending,
    });
    regions.set(row.region_kato, region);
  }
  const sum = (key: 'kindergartens' | 'groups' | 'capacity' | 'queued' | 'pending') =>
    rows.reduce((total, row) => total + row[key], 0);
  return {
    regions: [...regions.values()],
    totals: {
      kindergartens: sum('kindergartens'),
      groups: sum('groups'),
      capacity: sum('capacity'),
      queued: sum('queued'),
      pending: sum('pending'),
    },
    asOf,
  };
}
