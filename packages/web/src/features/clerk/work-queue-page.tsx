import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { exportHref, fetchApplications } from '../../api/applications';
import { RequireActor } from '../../app/require-actor';
import { Pager } from '../../app/pager';
import { Link, navigate, useLocation } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useNow } from '../../app/use-now';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatNumber } from '../../i18n/format';
import { StatusBadge, useQueueLabel } from '../parent/application-labels';
import { SlaTimer } from './sla-timer';
import {
  formatWorkQueueQuery,
  parseWorkQueueQuery,
  STATUS_FILTERS,
  type WorkQueueQuery,
} from './work-queue-query';

const PAGE_SIZE = 20;
const hrefFor = (query: WorkQueueQuery) => `/clerk${formatWorkQueueQuery(query)}`;

const Filters = ({ query }: { query: WorkQueueQuery }) => {
  const { t } = useI18n();
  const [draft, setDraft] = useState(query.q ?? '');
  useEffect(() => setDraft(query.q ?? ''), [query.q]);
  const apply = (change: Partial<WorkQueueQuery>) => navigate(hrefFor({ ...query, page: 1, ...change }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = draft.trim();
    apply({ q: q.length >= 3 ? q : undefined });
  };
  return (
    <form className="filters" role="search" onSubmit={onSubmit} aria-label={t('clerk.filters')}>
      <div className="field">
        <label htmlFor="clerk-q">{t('clerk.search')}</label>
        <input
          id="clerk-q"
          name="q"
          type="search"
          value={draft}
          aria-describedby="clerk-q-hint"
          onChange={(event) => setDraft(event.target.value)}
        />
        <p id="clerk-q-hint" className="field-hint">
          {t('clerk.searchHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="clerk-status">{t('clerk.status')}</label>
        <select
          id="clerk-status"
          name="status"
          value={query.status ?? 'all'}
          onChange={(event) =>
            apply({ status: STATUS_FILTERS.find((status) => status === event.target.value) })
          }
        >
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {t(`applicationStatus.${status}`)}
            </option>
          ))}
          <option value="all">{t('clerk.anyStatus')}</option>
        </select>
      </div>
      <div className="choice">
        <input
          id="clerk-breached"
          type="checkbox"
          name="breached"
          checked={query.breached}
          onChange={(event) => apply({ breached: event.target.checked })}
        />
        <label htmlFor="clerk-breached">{t('clerk.breachedOnly')}</label>
      </div>
      <button type="submit" className="button">
        {t('clerk.searchButton')}
      </button>
    </form>
  );
};

const WorkQueue = () => {
  const { t, language } = useI18n();
  const { search } = useLocation();
  const query = parseWorkQueueQuery(search);
  const now = useNow();
  const queueLabel = useQueueLabel();
  const filters = { status: query.status, q: query.q, slaBreached: query.breached };
  const list = useResource(`work-queue${formatWorkQueueQuery(query)}`, (signal) =>
    fetchApplications({ ...filters, page: query.page, pageSize: PAGE_SIZE }, signal),
  );
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('clerk.title')}</h1>
        <a className="button" href={exportHref(filters)} download>
          {t('clerk.export')}
        </a>
      </div>
      <p className="lead">{t('clerk.intro')}</p>
      <Filters query={query} />
      <div className="results-status" data-state={list.status} aria-live="polite">
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ErrorState error={list.error} onRetry={list.retry} />}
        {list.data !== undefined && (
          <p data-testid="result-count" data-total={list.data.total}>
            {t('clerk.found', { count: list.data.total, n: formatNumber(list.data.total, language) })}
          </p>
        )}
      </div>
      {list.data !== undefined && list.data.items.length === 0 && (
        <EmptyState title={t('clerk.empty')}>
          <p>{t('clerk.emptyHint')}</p>
        </EmptyState>
      )}
      {list.data !== undefined && list.data.items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="work-queue-caption" tabIndex={0}>
          <table className="data-table work-queue">
            <caption id="work-queue-caption">{t('clerk.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clerk.number')}</th>
                <th scope="col">{t('application.child')}</th>
                <th scope="col">{t('application.queue')}</th>
                <th scope="col">{t('clerk.status')}</th>
                <th scope="col">{t('clerk.checkDue')}</th>
                <th scope="col">{t('application.originalsDueAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((application) => (
                <tr key={application.id} data-application={application.number}>
                  <th scope="row">
                    <Link to={`/clerk/applications/${application.id}`}>{application.number}</Link>
                  </th>
                  <td data-label={t('application.child')}>{application.child.fullName}</td>
                  <td data-label={t('application.queue')}>
                    <span>
                      {queueLabel(application.queue)} · {application.birthYear}
                    </span>
                  </td>
                  <td data-label={t('clerk.status')}>
                    <StatusBadge status={application.status} />
                  </td>
                  <td data-label={t('clerk.checkDue')}>
                    <span>
                      {formatInstant(application.checkDueAt, language)}
                      {application.status === 'pending' && (
                        <>
                          <br />
                          <SlaTimer due={application.checkDueAt} now={now} />
                        </>
                      )}
                    </span>
                  </td>
                  <td data-label={t('application.originalsDueAt')}>
                    <span>
                      {application.originalsDueAt === null
                        ? '—'
                        : formatInstant(application.originalsDueAt, language)}
                      {application.status === 'pending' && application.originalsDueAt !== null && (
                        <>
                          <br />
                          <SlaTimer due={application.originalsDueAt} now={now} />
                        </>
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data !== undefined && (
        <Pager
          page={query.page}
          total={list.data.total}
          pageSize={PAGE_SIZE}
          hrefFor={(page) => hrefFor({ ...query, page })}
        />
      )}
    </>
  );
};

export const WorkQueuePage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('clerk.title'));
  return <RequireActor audience="staff">{() => <WorkQueue />}</RequireActor>;
};
