import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { KindergartenPage, KindergartenSummary, Language, Overview } from '@kezek/contracts';
import { fetchKindergartens, fetchOverview } from '../../api/public';
import { Pager } from '../../app/pager';
import { Link, navigate, useLocation } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatNumber, localizedName } from '../../i18n/format';
import { isLanguage } from '../../i18n/language';
import {
  GROUP_LANGUAGES,
  OWNERSHIPS,
  formatKindergartenQuery,
  hasFilters,
  normalizeSearch,
  parseKindergartenQuery,
  withFilters,
} from './kindergarten-query';
import type { KindergartenListQuery, Ownership } from './kindergarten-query';

const PATH = '/kindergartens';

const hrefFor = (query: KindergartenListQuery): string => PATH + formatKindergartenQuery(query);

const Filters = ({ query, overview }: { query: KindergartenListQuery; overview: Overview | undefined }) => {
  const { t, language } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(query.q ?? '');

  // Back/forward changes the URL under the form; the search box follows it.
  useEffect(() => setDraft(query.q ?? ''), [query.q]);

  const apply = (change: Parameters<typeof withFilters>[1]) => navigate(hrefFor(withFilters(query, change)));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ q: normalizeSearch(draft) });
  };

  return (
    <form className="filters" role="search" onSubmit={onSubmit} aria-labelledby={`${id}-legend`}>
      <h2 id={`${id}-legend`} className="visually-hidden">
        {t('kindergartens.filters')}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-district`}>{t('kindergartens.district')}</label>
        <select
          id={`${id}-district`}
          name="district"
          value={query.district ?? ''}
          onChange={(event) => apply({ district: event.target.value || undefined })}
        >
          <option value="">{t('kindergartens.allDistricts')}</option>
          {overview?.regions.map((region) => (
            <optgroup key={region.kato} label={localizedName(region.name, language)}>
              {region.districts.map((district) => (
                <option key={district.kato} value={district.kato}>
                  {localizedName(district.name, language)}
                </option>
              ))}
            </optgroup>
          ))}
          {query.district !== undefined && overview === undefined && (
            <option value={query.district}>{query.district}</option>
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-ownership`}>{t('kindergartens.ownership')}</label>
        <select
          id={`${id}-ownership`}
          name="ownership"
          value={query.ownership ?? ''}
          onChange={(event) =>
            apply({ ownership: OWNERSHIPS.find((value: Ownership) => value === event.target.value) })
          }
        >
          <option value="">{t('kindergartens.anyOwnership')}</option>
          {OWNERSHIPS.map((value) => (
            <option key={value} value={value}>
              {t(`kindergartens.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('kindergartens.language')}</label>
        <select
          id={`${id}-language`}
          name="language"
          value={query.language ?? ''}
          onChange={(event) =>
            apply({ language: isLanguage(event.target.value) ? event.target.value : undefined })
          }
        >
          <option value="">{t('kindergartens.anyLanguage')}</option>
          {GROUP_LANGUAGES.map((value) => (
            <option key={value} value={value}>
              {t(`groupLanguage.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-search">
        <label htmlFor={`${id}-q`}>{t('kindergartens.search')}</label>
        <div className="search-row">
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            value={draft}
            maxLength={100}
            autoComplete="off"
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button">
            {t('kindergartens.searchButton')}
          </button>
        </div>
      </div>
      {hasFilters(query) && (
        <div className="field field-actions">
          <Link to={hrefFor({ page: 1, pageSize: query.pageSize })} className="button button-secondary">
            {t('kindergartens.clearFilters')}
          </Link>
        </div>
      )}
    </form>
  );
};

const groupLanguageName = (code: string, t: (key: string) => string): string =>
  isLanguage(code) ? t(`groupLanguage.${code}`) : code;

const Row = ({ item, language }: { item: KindergartenSummary; language: Language }) => {
  const { t } = useI18n();
  return (
    <tr data-kindergarten={item.id} role="row">
      <th scope="row" role="rowheader">
        <span className="kg-name">{localizedName(item.name, language)}</span>
        <span className="kg-meta">
          {t('kindergartens.bin')} {item.bin}
        </span>
      </th>
      <td role="cell" data-column="district" data-label={t('kindergartens.district')}>
        {localizedName(item.district.name, language)}
      </td>
      <td role="cell" data-label={t('kindergartens.ownership')}>
        <span>
          {t(`kindergartens.${item.ownership}`)}
          {item.stateOrder && <span className="badge">{t('kindergartens.stateOrder')}</span>}
        </span>
      </td>
      <td role="cell" data-label={t('kindergartens.languages')}>
        {item.languages.map((code) => groupLanguageName(code, t)).join(', ')}
      </td>
      <td role="cell" className="numeric" data-label={t('figures.groups')}>
        {formatNumber(item.groups, language)}
      </td>
      <td role="cell" className="numeric" data-label={t('figures.capacity')}>
        {formatNumber(item.capacity, language)}
      </td>
      <td role="cell" className="kg-address" data-label={t('kindergartens.address')}>
        {item.address}
      </td>
    </tr>
  );
};

const Results = ({ query, result }: { query: KindergartenListQuery; result: KindergartenPage }) => {
  const { t, language } = useI18n();
  if (result.total === 0) {
    return (
      <EmptyState title={t('kindergartens.empty')}>
        {hasFilters(query) && (
          <p>
            {t('kindergartens.emptyHint')}{' '}
            <Link to={hrefFor({ page: 1, pageSize: query.pageSize })}>{t('kindergartens.clearFilters')}</Link>
          </p>
        )}
      </EmptyState>
    );
  }
  if (result.items.length === 0) {
    return (
      <EmptyState title={t('kindergartens.pageEmpty')}>
        <p>
          <Link to={hrefFor({ ...query, page: 1 })}>{t('kindergartens.toFirstPage')}</Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <div className="table-scroll" role="region" aria-labelledby="kindergartens-caption" tabIndex={0}>
        {/* Explicit roles keep the table semantics when narrow screens restyle it as cards. */}
        <table className="data-table kindergartens-table" role="table">
          <caption id="kindergartens-caption" className="visually-hidden">
            {t('kindergartens.tableCaption')}
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {t('kindergartens.name')}
              </th>
              <th scope="col" role="columnheader">
                {t('kindergartens.district')}
              </th>
              <th scope="col" role="columnheader">
                {t('kindergartens.ownership')}
              </th>
              <th scope="col" role="columnheader">
                {t('kindergartens.languages')}
              </th>
              <th scope="col" role="columnheader" className="numeric">
                {t('figures.groups')}
              </th>
              <th scope="col" role="columnheader" className="numeric">
                {t('figures.capacity')}
              </th>
              <th scope="col" role="columnheader">
                {t('kindergartens.address')}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {result.items.map((item) => (
              <Row key={item.id} item={item} language={language} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={query.page}
        total={result.total}
        pageSize={result.pageSize}
        hrefFor={(page) => hrefFor({ ...query, page })}
      />
    </>
  );
};

export const KindergartensPage = () => {
  const { t, language } = useI18n();
  useDocumentTitle(t('kindergartens.title'));
  const { search } = useLocation();
  const query = parseKindergartenQuery(search);
  const key = formatKindergartenQuery(query);

  // The district list comes from the overview; the page still works if that request fails.
  const overview = useResource('overview', (signal) => fetchOverview(signal));
  const listKey = `kindergartens${key}`;
  const list = useResource(listKey, (signal) => fetchKindergartens(query, signal));
  const result = list.data;
  const loading = list.status === 'loading';

  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{t('kindergartens.title')}</h1>
        <p className="lead">{t('kindergartens.intro')}</p>
      </div>

      <Filters query={query} overview={overview.data} />

      <div
        className="results-status"
        aria-live="polite"
        aria-busy={loading}
        data-state={list.status === 'ready' && list.key !== listKey ? 'loading' : list.status}
      >
        {loading && result === undefined && <Loading />}
        {list.status === 'error' && <ErrorState error={list.error} onRetry={list.retry} />}
        {result && list.status !== 'error' && (
          <p className="result-count" data-testid="result-count" data-total={result.total}>
            {t('kindergartens.found', { count: result.total, n: formatNumber(result.total, language) })}
            {loading && <span className="spinner spinner-inline" aria-hidden="true" />}
          </p>
        )}
      </div>

      {result && list.status !== 'error' && (
        <div className={loading ? 'results is-stale' : 'results'}>
          <Results query={query} result={result} />
        </div>
      )}
    </>
  );
};
