import type { LocalizedName, Territory } from '@kezek/contracts';

type Region = Territory['regions'][number];

export type SettlementRow = {
  kato: string;
  name: LocalizedName;
  district: { kato: string; name: LocalizedName };
};

/** Every settlement of a region with its district, in KATO order. */
export const settlementsOf = (region: Region): SettlementRow[] =>
  region.districts
    .flatMap((district) =>
      district.settlements.map((settlement) => ({
        ...settlement,
        district: { kato: district.kato, name: district.name },
      })),
    )
    .sort((a, b) => a.kato.localeCompare(b.kato));

/** By district and by a search in the KATO code (its beginning) or any language's name (case-insensitive). */
export const filterSettlements = (
  rows: readonly SettlementRow[],
  filter: { q: string; district: string },
): SettlementRow[] => {
  const q = filter.q.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (filter.district === '' || row.district.kato === filter.district) &&
      (q === '' ||
        row.kato.startsWith(q) ||
        [row.name.kk, row.name.ru, row.name.en].some((name) => name.toLocaleLowerCase().includes(q))),
  );
};

/** One page of a list (1-based), and how many pages there are (at least one). */
export const pageOf = <T>(items: readonly T[], page: number, size: number): { items: T[]; pages: number } => {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { items: items.slice((current - 1) * size, current * size), pages };
};
