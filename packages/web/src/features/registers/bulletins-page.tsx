import { useId } from 'react';
import type { BulletinPage } from '@kezek/contracts';
import { fetchOverview } from '../../api/public';
import { fetchBulletins } from '../../api/registers';
import { Link, navigate, useLocation } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatLocalDate, formatNumber, localizedName } from '../../i18n/format';
import { Pager } from '../../app/pager';
import { SettlementOptions, StackTable } from './parts';
import { PAGE_SIZE, formatBulletinListQuery, parseBulletinListQuery, type BulletinListQuery } from './query';

const hrefFor = (query: BulletinListQuery): string => `/bulletins${formatBulletinListQuery(query)}`;
const filtered = (query: BulletinListQuery): boolean =>
  query.settlement !== undefined || query.from !== undefined || query.to !== undefined;

const Filters = ({ query }: { query: BulletinListQuery }) => {
  const { t } = useI18n();
  const id = useId();
  const overview = useResource('overview', (signal) => fetchOverview(signal));
  const apply = (change: Partial<BulletinListQuery>) => navigate(hrefFor({ ...query, ...change, page: 1 }));
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('registers.bulletins.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-settlement`}>{t('registers.settlement')}</label>
        <select
          id={`${id}-settlement`}
          name="settlement"
          value={query.settlement ?? ''}
          onChange={(event) => apply({ settlement: event.target.value || undefined })}
        >
          <option value="">{t('registers.allSettlements')}</option>
          <SettlementOptions
            overview={overview.data}
            {...(query.settlement ? { chosen: query.settlement } : {})}
          />
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('registers.bulletins.from')}</label>
        <input
          id={`${id}-from`}
          name="from"
          type="date"
          value={query.from ?? ''}
          onChange={(event) => apply({ from: event.target.value || undefined })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('registers.bulletins.to')}</label>
        <input
          id={`${id}-to`}
          name="to"
          type="date"
          value={query.to ?? ''}
          onChange={(event) => apply({ to: event.target.value || undefined })}
        />
      </div>
      {filtered(query) && (
        <div className="field field-actions">
          <Link to="/bulletins" className="button button-secondary">
            {t('registers.clearFilters')}
          </Link>
        </div>
      )}
    </form>
  );
};

const Results = ({ query, result }: { query: BulletinListQuery; result: BulletinPage }) => {
  const { t, language } = useI18n();
  if (result.items.length === 0)
    return (
      <EmptyState title={t(result.total === 0 ? 'registers.bulletins.empty' : 'registers.pageEmpty')}>
        {result.total > 0 ? (
          <p>
            <Link to={hrefFor({ ...query, page: 1 })}>{t('registers.toFirstPage')}</Link>
          </p>
        ) : (
          filtered(query) && (
            <p>
              {t('registers.bulletins.emptyHint')} <Link to="/bulletins">{t('registers.clearFilters')}</Link>
            </p>
          )
        )}
      </EmptyState>
    );
  return (
    <>
      <StackTable id="bulletins-caption" testId="bulletins-table" caption={t('registers.bulletins.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('registers.bulletins.date')}</th>
            <th scope="col">{t('registers.settlement')}</th>
            <th scope="col">{t('registers.bulletins.publishedAt')}</th>
            <th scope="col" className="numeric">
              {t('registers.bulletins.vacated')}
            </th>
            <th scope="col" className="numeric">
              {t('registers.bulletins.revoked')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((bulletin) => (
            <tr key={bulletin.id} data-bulletin={bulletin.id}>
              <th scope="row">
                <Link to={`/bulletins/${bulletin.id}`}>
                  {t('registers.bulletins.of', { date: formatLocalDate(bulletin.date, language) })}
                </Link>
              </th>
              <td data-label={t('registers.settlement')}>
                {localizedName(bulletin.settlement.name, language)}
              </td>
              <td data-label={t('registers.bulletins.publishedAt')}>
                {formatInstant(bulletin.publishedAt, language)}
              </td>
              <td className="numeric" data-label={t('registers.bulletins.vacated')}>
                {formatNumber(bulletin.vacated, language)}
              </td>
              <td className="numeric" data-label={t('registers.bulletins.revoked')}>
                {formatNumber(bulletin.revoked, language)}
              </td>
            </tr>
          ))}
        </tbody>
      </StackTable>
      <Pager
        page={query.page}
        total={result.total}
        pageSize={result.pageSize}
        hrefFor={(page) => hrefFor({ ...query, page })}
      />
    </>
  );
};

export const BulletinsPage = () => {
  const { t, language } = useI18n();
  useDocumentTitle(t('registers.bulletins.title'));
  const { search } = useLocation();
  const query = parseBulletinListQuery(search);
  const key = formatBulletinListQuery(query);
  const list = useResource(`bulletins${key}`, (signal) =>
    fetchBulletins({ ...query, pageSize: PAGE_SIZE }, signal),
  );
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{t('registers.bulletins.title')}</h1>
        <p className="lead">{t('registers.bulletins.intro')}</p>
      </div>
      <Filters query={query} />
      <div className="results-status" aria-live="polite" data-state={list.status}>
        {list.status === 'loading' && list.data === undefined && <Loading />}
        {list.status === 'error' && <ErrorState error={list.error} onRetry={list.retry} />}
        {list.data !== undefined && list.status !== 'error' && (
          <p className="result-count" data-testid="result-count" data-total={list.data.total}>
            {t('registers.bulletins.found', {
              count: list.data.total,
              n: formatNumber(list.data.total, language),
            })}
          </p>
        )}
      </div>
      {list.data !== undefined && list.status !== 'error' && (
        <div className={list.status === 'loading' ? 'results is-stale' : 'results'}>
          <Results query={query} result={list.data} />
        </div>
      )}
    </>
  );
};
