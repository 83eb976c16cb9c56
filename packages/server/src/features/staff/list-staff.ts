import type { StaffListQuery, StaffPage } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireStaff } from '../auth/authorize';
import { toStaffAccount, type StaffDeps } from './staff-deps';

/** The staff accounts, filtered and paginated: the regional admin manages them, the auditor reads. */
export async function listStaff(
  deps: Pick<StaffDeps, 'repo' | 'format'>,
  actor: Actor,
  query: StaffListQuery,
  now: Date,
): Promise<StaffPage> {
  requireStaff(actor, ['regionalAdmin', 'auditor']);
  const { items, total } = await deps.repo.list(query);
  return {
    items: items.map((row) => toStaffAccount(row, now, deps.format)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
