import type { ApplicationListQuery, ApplicationPage } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireSignedIn, scopeOf } from '../auth/authorize';
import type { ApplicationsRepository } from './applications.repository';
import { toApplicationView } from './application-view';

/**
 * Staff work lists (a clerk sees their district, sorted by the 30-minute deadline) and an applicant's own
 * applications. Positions are on the single-application endpoints; a list shows statuses.
 */
export async function listApplications(
  deps: { applications: Pick<ApplicationsRepository, 'list'>; format: (at: Date) => string },
  actor: Actor,
  query: ApplicationListQuery,
  now: Date,
): Promise<ApplicationPage> {
  const scope = scopeOf(requireSignedIn(actor));
  if (scope.kind === 'none' || scope.kind === 'kindergarten')
    throw new AppError('FORBIDDEN', 'No access to applications');
  const { items, total } = await deps.applications.list(
    query,
    scope.kind === 'district'
      ? { districtKato: scope.districtKato }
      : scope.kind === 'applicant'
        ? { applicantId: scope.applicantId }
        : {},
    now,
  );
  return {
    items: items.map((record) => toApplicationView(record, null, deps.format)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
