import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { PublicQueuePage } from '@kezek/contracts';
import { DISORDERS } from '@kezek/domain';
import { fetchOverview } from '../../api/public';
import { fetchPublicQueue } from '../../api/registers';
import { Link, navigate, useLocation } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatNumber } from '../../i18n/format';
import { useQueueLabel } from '../parent/application-labels';
import { placeName } from './names';
import { Pager } from '../../app/pager';
import { SettlementOptions, StackTable } from './parts';
import { PAGE_SIZE, formatQueueQuery, parseQueueQuery, withoutNumber, type QueueQuery } from './query';

const hrefFor = (query: QueueQuery): string => `/queue${formatQueueQuery(query)}`;
const QUEUE_KINDS = ['general', ...DISORDERS.map((d) => `special:${d}`)];

/** Birth years of children of preschool age, newest first. */
const birthYears = (): number[] => {
  const year = new Date().getFullYear();
  return Array.from({ length: 9 }, (_, i) => year - i);
};

const QueueChooser = ({ query }: { query: QueueQuery }) => {
  const { t } = useI18n();
  const id = useId();
  const queueLabel = useQueueLabel();
  const overview = useResource('overview', (signal) => fetchOverview(signal));
  const [draft, setDraft] = useState({
    settlement: query.settlement ?? '',
    birthYear: query.birthYear === undefined ? '' : String(query.birthYear),
    queue: query.queue,
  });
  const [touched, setTouched] = useState(false);
  useEffect(
    () =>
      setDraft({
        settlement: query.settlement ?? '',
        birthYear: query.birthYear === undefined ? '' : String(query.birthYear),
        queue: query.queue,
      }),
    [query.settlement, query.birthYear, query.queue],
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (draft.settlement === '' || draft.birthYear === '') return;
    navigate(
      hrefFor({
        page: 1,
        settlement: draft.settlement,
        birthYear: Number(draft.birthYear),
        queue: draft.queue,
      }),
    );
  };
  const missing = (value: string) => touched && value === '';
  return (
    <form className="filters" aria-label={t('registers.queue.choose')} noValidate onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-settlement`}>{t('registers.settlement')}</label>
        <select
          id={`${id}-settlement`}
          name="settlement"
          value={draft.settlement}
          aria-invalid={missing(draft.settlement) || undefined}
          aria-describedby={missing(draft.settlement) ? `${id}-settlement-error` : undefined}
          onChange={(e) => setDraft({ ...draft, settlement: e.target.value })}
        >
          <option value="">{t('registers.chooseOne')}</option>
          <SettlementOptions
            overview={overview.data}
            {...(query.settlement ? { chosen: query.settlement } : {})}
          />
        </select>
        {missing(draft.settlement) && (
          <p className="field-error" id={`${id}-settlement-error`}>
            {t('registers.queue.settlementRequired')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('registers.queue.birthYear')}</label>
        <select
          id={`${id}-year`}
          name="birthYear"
          value={draft.birthYear}
          aria-invalid={missing(draft.birthYear) || undefined}
          aria-describedby={missing(draft.birthYear) ? `${id}-year-error` : undefined}
          onChange={(e) => setDraft({ ...draft, birthYear: e.target.value })}
        >
          <option value="">{t('registers.chooseOne')}</option>
          {birthYears().map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
          {query.birthYear !== undefined && !birthYears().includes(query.birthYear) && (
            <option value={query.birthYear}>{query.birthYear}</option>
          )}
        </select>
        {missing(draft.birthYear) && (
          <p className="field-error" id={`${id}-year-error`}>
            {t('registers.queue.birthYearRequired')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('registers.queue.kind')}</label>
        <select
          id={`${id}-kind`}
          name="queue"
          value={draft.queue}
          onChange={(e) => setDraft({ ...draft, queue: e.target.value })}
        >
          {QUEUE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {queueLabel(kind)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-actions">
        <button type="submit" className="button">
          {t('registers.queue.show')}
        </button>
      </div>
    </form>
  );
};

const FindNumber = ({ query, notFound }: { query: QueueQuery; notFound: boolean }) => {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(query.number ?? '');
  useEffect(() => {
    setDraft(query.number ?? '');
  }, [query.number]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const number = draft.trim();
    navigate(hrefFor({ ...query, page: 1, ...(number === '' ? { number: undefined } : { number }) }));
  };
  return (
    <form className="registers-find" role="search" aria-label={t('registers.queue.find')} onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-number`}>{t('registers.queue.findLabel')}</label>
        <p className="field-hint" id={`${id}-hint`}>
          {t('registers.queue.findHint')}
        </p>
        <div className="search-row">
          <input
            id={`${id}-number`}
            name="number"
            type="search"
            value={draft}
            maxLength={40}
            autoComplete="off"
            aria-invalid={notFound || undefined}
            aria-describedby={notFound ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="button">
            {t('registers.queue.findButton')}
          </button>
        </div>
        {notFound && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {t('registers.queue.numberNotFound', { number: query.number ?? '' })}{' '}
            <Link to={hrefFor(withoutNumber(query, 1))}>{t('registers.queue.showWholeQueue')}</Link>
          </p>
        )}
      </div>
    </form>
  );
};

const Entries = ({ query, result }: { query: QueueQuery; result: PublicQueuePage }) => {
  const { t, language } = useI18n();
  const found = useRef<HTMLTableRowElement>(null);
  // Braces: the effect must return nothing (newer browsers' scrollIntoView returns a promise, not a cleanup).
  useEffect(() => {
    found.current?.scrollIntoView({ block: 'center' });
  }, [query.number, result.page]);
  const match =
    query.number === undefined ? undefined : result.items.find((item) => item.number === query.number);
  if (result.items.length === 0)
    return (
      <EmptyState title={t(result.total === 0 ? 'registers.queue.empty' : 'registers.pageEmpty')}>
        {result.total === 0 ? (
          <p>{t('registers.queue.emptyHint')}</p>
        ) : (
          <p>
            <Link to={hrefFor(withoutNumber(query, 1))}>{t('registers.toFirstPage')}</Link>
          </p>
        )}
      </EmptyState>
    );
  return (
    <>
      {match !== undefined && (
        <p className="notice" data-testid="found-number" role="status">
          {t('registers.queue.foundAt', {
            number: match.number,
            position: formatNumber(match.position, language),
            page: formatNumber(result.page, language),
          })}
        </p>
      )}
      <StackTable id="queue-caption" testId="queue-table" caption={t('registers.queue.caption')}>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('registers.queue.position')}
            </th>
            <th scope="col">{t('registers.queue.number')}</th>
            <th scope="col">{t('registers.queue.group')}</th>
            <th scope="col">{t('registers.queue.submittedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((entry) => {
            const isMatch = entry.number === query.number;
            return (
              <tr
                key={entry.number}
                data-number={entry.number}
                className={isMatch ? 'registers-match' : undefined}
                aria-current={isMatch ? 'true' : undefined}
                ref={isMatch ? found : undefined}
              >
                <td className="numeric" data-label={t('registers.queue.position')}>
                  {formatNumber(entry.position, language)}
                </td>
                <th scope="row">{entry.number}</th>
                <td data-label={t('registers.queue.group')}>
                  <span>
                    <span className="badge registers-group" data-group={entry.group}>
                      {entry.group}
                    </span>{' '}
                    {t(`registers.groups.${entry.group}`)}
                  </span>
                </td>
                <td data-label={t('registers.queue.submittedAt')}>
                  {formatInstant(entry.submittedAt, language)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </StackTable>
      <Pager
        page={result.page}
        total={result.total}
        pageSize={result.pageSize}
        hrefFor={(page) => hrefFor(withoutNumber(query, page))}
      />
    </>
  );
};

const Queue = ({
  query,
  settlement,
  birthYear,
}: {
  query: QueueQuery;
  settlement: string;
  birthYear: number;
}) => {
  const { t, language } = useI18n();
  const queueLabel = useQueueLabel();
  const overview = useResource('overview', (signal) => fetchOverview(signal));
  const list = useResource(`queue${formatQueueQuery(query)}`, (signal) =>
    fetchPublicQueue(
      {
        settlement,
        birthYear,
        queue: query.queue,
        page: query.page,
        pageSize: PAGE_SIZE,
        ...(query.number === undefined ? {} : { number: query.number }),
      },
      signal,
    ),
  );
  const notFound =
    list.status === 'error' && list.error.code === 'NOT_FOUND' && list.error.field === 'number';
  return (
    <>
      <h2 data-testid="queue-title">
        {t('registers.queue.heading', {
          settlement: placeName(overview.data, settlement, language),
          year: birthYear,
          kind: queueLabel(query.queue),
        })}
      </h2>
      <FindNumber query={query} notFound={notFound} />
      <div className="results-status" aria-live="polite" data-state={list.status}>
        {list.status === 'loading' && list.data === undefined && <Loading />}
        {list.status === 'error' && !notFound && <ErrorState error={list.error} onRetry={list.retry} />}
        {list.data !== undefined && list.status !== 'error' && (
          <p className="result-count" data-testid="result-count" data-total={list.data.total}>
            {t('registers.queue.total', {
              count: list.data.total,
              n: formatNumber(list.data.total, language),
            })}{' '}
            <span className="muted">
              {t('registers.asOf', { date: formatInstant(list.data.asOf, language) })}
            </span>
          </p>
        )}
      </div>
      {list.data !== undefined && list.status !== 'error' && (
        <div className={list.status === 'loading' ? 'results is-stale' : 'results'}>
          <Entries query={query} result={list.data} />
        </div>
      )}
    </>
  );
};

export const QueuePage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('registers.queue.title'));
  const { search } = useLocation();
  const query = parseQueueQuery(search);
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{t('registers.queue.title')}</h1>
        <p className="lead">{t('registers.queue.intro')}</p>
      </div>
      <QueueChooser query={query} />
      {query.settlement !== undefined && query.birthYear !== undefined ? (
        <Queue query={query} settlement={query.settlement} birthYear={query.birthYear} />
      ) : (
        <EmptyState title={t('registers.queue.chooseFirst')}>
          <p>{t('registers.queue.privacy')}</p>
        </EmptyState>
      )}
    </>
  );
};
