import type { KindergartenListQuery, KindergartenPage } from '@kezek/contracts';
import type { PublicRepository } from './public.repository';

/** The public directory of preschool organisations, filtered and paginated. */
export async function listKindergartens(
  repo: Pick<PublicRepository, 'kindergartens'>,
  query: KindergartenListQuery,
): Promise<KindergartenPage> {
  const { items, total } = await repo.kindergartens(query);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
