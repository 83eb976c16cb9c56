import type { BulletinListQuery, BulletinPage, BulletinSummary } from '@kezek/contracts';
import type { BulletinsRepository } from './bulletins.repository';

export type BulletinRow = {
  id: number;
  settlement_kato: string;
  bulletin_date: string;
  published_at: Date;
  items_count: number;
  revoked_count: number;
  name_kk: string;
  name_ru: string;
  name_en: string;
};

export const toBulletinSummary = (row: BulletinRow, format: (at: Date) => string): BulletinSummary => ({
  id: Number(row.id),
  settlement: { kato: row.settlement_kato, name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en } },
  date: row.bulletin_date,
  publishedAt: format(row.published_at),
  vacated: row.items_count,
  revoked: row.revoked_count,
});

/** R-WIN-01: the published bulletins, newest first, of a settlement or a day — public, nothing personal. */
export async function listBulletins(
  repo: BulletinsRepository,
  query: BulletinListQuery,
  format: (at: Date) => string,
): Promise<BulletinPage> {
  const { rows, total } = await repo.list(
    {
      settlement: query.settlement,
      from: query.date ?? query.from,
      to: query.date ?? query.to,
    },
    query.page,
    query.pageSize,
  );
  return {
    items: rows.map((row) => toBulletinSummary(row, format)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
