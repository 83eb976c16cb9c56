import type { SettlementList, SettlementListQuery } from '@kezek/contracts';
import type { PublicRepository } from './public.repository';

/** R-QUEUE-07: the settlements a parent applies in, for the apply form and the public pages; public data. */
export async function listSettlements(
  repo: Pick<PublicRepository, 'settlements'>,
  query: SettlementListQuery,
): Promise<SettlementList> {
  const rows = await repo.settlements(query.district);
  return {
    items: rows.map((row) => ({
      kato: row.kato,
      name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
      district: {
        kato: row.district_kato,
        name: { kk: row.district_kk, ru: row.district_ru, en: row.district_en },
      },
      kindergartens: Number(row.kindergartens),
    })),
  };
}
