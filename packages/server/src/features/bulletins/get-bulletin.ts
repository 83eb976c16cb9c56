import type { BulletinItemsQuery, BulletinView } from '@kezek/contracts';
import { AppError } from '../../platform/app-error';
import type { BulletinsRepository } from './bulletins.repository';
import { toBulletinSummary } from './list-bulletins';

/**
 * R-WIN-01, A-28: one bulletin — its vacated units (filtered by the child's calendar-year age at the bulletin's
 * year, §28, or birth year; group language; stay mode; admission mode) a page at a time, and its revoked places
 * with their reasons. Public: no referral numbers, no personal data.
 */
export async function getBulletin(
  repo: BulletinsRepository,
  id: number,
  query: BulletinItemsQuery,
  format: (at: Date) => string,
): Promise<BulletinView> {
  const bulletin = await repo.byId(id);
  if (bulletin === undefined) throw new AppError('NOT_FOUND', 'No such bulletin');
  const year = Number(bulletin.bulletin_date.slice(0, 4));
  if (query.age !== undefined && query.birthYear !== undefined && year - query.age !== query.birthYear)
    throw new AppError('VALIDATION_FAILED', 'age and birthYear name different children', {
      field: 'birthYear',
      rule: 'R-REF-03',
    });
  const birthYear = query.birthYear ?? (query.age === undefined ? undefined : year - query.age);
  const [items, revocations] = await Promise.all([
    repo.items(
      id,
      { birthYear, language: query.language, mode: query.mode, admission: query.admission },
      query.page,
      query.pageSize,
    ),
    repo.revocations(id),
  ]);
  return {
    bulletin: toBulletinSummary(bulletin, format),
    items: {
      items: items.rows.map((row) => ({
        placeId: row.place_id,
        unit: row.unit,
        position: row.position,
        queueKey: row.queue_key,
        kindergarten: {
          id: row.kindergarten_id,
          name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
        },
        groupId: row.group_id,
        birthYear: row.birth_year,
        age: year - row.birth_year,
        language: row.language,
        mode: row.mode,
        admission: row.admission,
        startDate: row.start_date,
        freeFrom: row.free_from,
        until: row.until,
      })),
      page: query.page,
      pageSize: query.pageSize,
      total: items.total,
    },
    revocations: revocations.flatMap((row) =>
      row.reason === null
        ? []
        : [
            {
              placeId: row.place_id,
              kindergarten: {
                id: row.kindergarten_id,
                name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
              },
              units: row.published_units.length,
              reason: row.reason,
              revokedAt: format(row.revoked_at),
              cancelledReferrals: row.cancelled_referrals.length,
            },
          ],
    ),
  };
}
