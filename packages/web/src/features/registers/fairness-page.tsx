import { useId } from 'react';
import type { Fairness } from '@kezek/contracts';
import { CATEGORIES } from '@kezek/domain';
import { fetchOverview } from '../../api/public';
import { fetchFairness } from '../../api/registers';
import { Link, navigate, useLocation } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatLocalDate, formatNumber, localizedName } from '../../i18n/format';
import { placeName } from './names';
import { Bar, StackTable } from './parts';
import {
  ORDERING_GROUPS,
  formatFairnessQuery,
  parseFairnessQuery,
  percentOf,
  type FairnessQuery,
} from './query';

const hrefFor = (query: FairnessQuery) => `/fairness${formatFairnessQuery(query)}`;

const Filters = ({ query }: { query: FairnessQuery }) => {
  const { t, language } = useI18n();
  const id = useId();
  const overview = useResource('overview', (signal) => fetchOverview(signal));
  const apply = (change: Partial<FairnessQuery>) => navigate(hrefFor({ ...query, ...change }));
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('registers.fairness.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-district`}>{t('registers.district')}</label>
        <select
          id={`${id}-district`}
          value={query.district ?? ''}
          onChange={(e) => apply({ district: e.target.value || undefined })}
        >
          <option value="">{t('registers.allDistricts')}</option>
          {overview.data?.regions.map((region) => (
            <optgroup key={region.kato} label={localizedName(region.name, language)}>
              {region.districts.map((district) => (
                <option key={district.kato} value={district.kato}>
                  {localizedName(district.name, language)}
                </option>
              ))}
            </optgroup>
          ))}
          {query.district !== undefined && overview.data === undefined && (
            <option value={query.district}>{query.district}</option>
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('registers.fairness.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={query.from ?? ''}
          onChange={(e) => apply({ from: e.target.value || undefined })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('registers.fairness.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={query.to ?? ''}
          onChange={(e) => apply({ to: e.target.value || undefined })}
        />
      </div>
      {(query.district !== undefined || query.from !== undefined || query.to !== undefined) && (
        <div className="field field-actions">
          <Link to="/fairness" className="button button-secondary">
            {t('registers.clearFilters')}
          </Link>
        </div>
      )}
    </form>
  );
};

/** A table of counts with their share of the total and a bar; the caption names it, the note explains it. */
const CountTable = ({
  id,
  title,
  note,
  rows,
  total,
  labelHeading,
}: {
  id: string;
  title: string;
  note: string;
  rows: { key: string; label: string; count: number }[];
  total: number;
  labelHeading: string;
}) => {
  const { t, language } = useI18n();
  return (
    <section className="registers-figure" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="registers-explain">{note}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('registers.fairness.none')}</p>
      ) : (
        <table className="data-table registers-figures" data-testid={id}>
          <thead>
            <tr>
              <th scope="col">{labelHeading}</th>
              <th scope="col" className="numeric">
                {t('registers.fairness.count')}
              </th>
              <th scope="col" className="numeric">
                {t('registers.fairness.share')}
              </th>
              <th scope="col" className="registers-bar-cell">
                <span className="visually-hidden">{t('registers.fairness.chart')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="numeric">{formatNumber(row.count, language)}</td>
                <td className="numeric">{formatNumber(percentOf(row.count, total), language)} %</td>
                <td className="registers-bar-cell">
                  <Bar value={row.count} total={total} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

const reasonRows = (byReason: Record<string, number>, label: (code: string) => string) =>
  Object.entries(byReason)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => `${label(code)}: ${count}`)
    .join('; ');

const Figures = ({ data }: { data: Fairness }) => {
  const { t, language } = useI18n();
  const days = (value: number | null) =>
    value === null
      ? '—'
      : t('registers.fairness.days', {
          count: Math.round(value),
          n: formatNumber(Math.round(value), language),
        });
  const categoryLabel = (code: string) =>
    CATEGORIES.find((category) => category.code === code)?.labels[language] ?? code;
  const { referrals, interleave, waitDays } = data;
  return (
    <>
      <dl className="facts registers-headline" data-testid="fairness-summary">
        <div>
          <dt>{t('registers.fairness.total')}</dt>
          <dd className="registers-big">{formatNumber(referrals.total, language)}</dd>
        </div>
        <div>
          <dt>{t('registers.fairness.waitMedian')}</dt>
          <dd className="registers-big">{days(waitDays.median)}</dd>
        </div>
        <div>
          <dt>{t('registers.fairness.waitP90')}</dt>
          <dd className="registers-big">{days(waitDays.p90)}</dd>
        </div>
      </dl>
      <p className="registers-explain">
        {t('registers.fairness.waitExplain', { n: formatNumber(waitDays.referrals, language) })}
      </p>

      <CountTable
        id="fairness-groups"
        title={t('registers.fairness.byGroup')}
        note={t('registers.fairness.byGroupExplain')}
        labelHeading={t('registers.queue.group')}
        total={referrals.total}
        rows={ORDERING_GROUPS.map((group) => ({
          key: group,
          label: `${group} — ${t(`registers.groups.${group}`)}`,
          count: referrals.byGroup[group],
        }))}
      />

      <section className="registers-figure" aria-labelledby="fairness-interleave-title">
        <h2 id="fairness-interleave-title">{t('registers.fairness.interleave')}</h2>
        <p className="registers-explain">
          {t('registers.fairness.interleaveExplain', { target: interleave.target })}
        </p>
        <table className="data-table registers-figures" data-testid="fairness-interleave">
          <tbody>
            <tr>
              <th scope="row">{t('registers.fairness.priorityReferrals')}</th>
              <td className="numeric">{formatNumber(interleave.priority, language)}</td>
            </tr>
            <tr>
              <th scope="row">{t('registers.fairness.generalReferrals')}</th>
              <td className="numeric">{formatNumber(interleave.general, language)}</td>
            </tr>
            <tr>
              <th scope="row">{t('registers.fairness.target')}</th>
              <td className="numeric">{t('registers.fairness.ratio', { n: interleave.target })}</td>
            </tr>
            <tr>
              <th scope="row">{t('registers.fairness.achieved')}</th>
              <td className="numeric" data-testid="interleave-achieved">
                {interleave.achieved === null
                  ? t('registers.fairness.noPriority')
                  : t('registers.fairness.ratio', {
                      n: new Intl.NumberFormat(language === 'en' ? 'en' : 'ru', {
                        maximumFractionDigits: 1,
                      }).format(interleave.achieved),
                    })}
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <CountTable
        id="fairness-categories"
        title={t('registers.fairness.byCategory')}
        note={t('registers.fairness.byCategoryExplain')}
        labelHeading={t('registers.fairness.category')}
        total={referrals.total}
        rows={referrals.byCategory.map((row) => ({
          key: row.category,
          label: categoryLabel(row.category),
          count: row.count,
        }))}
      />

      <CountTable
        id="fairness-outcomes"
        title={t('registers.fairness.byStatus')}
        note={t('registers.fairness.byStatusExplain')}
        labelHeading={t('registers.fairness.outcome')}
        total={referrals.total}
        rows={Object.entries(referrals.byStatus).map(([status, count]) => ({
          key: status,
          label: t(`registers.outcomes.${status}`, { defaultValue: status }),
          count,
        }))}
      />

      <section className="registers-figure" aria-labelledby="fairness-kg-title">
        <h2 id="fairness-kg-title">{t('registers.fairness.kindergartens')}</h2>
        <p className="registers-explain">{t('registers.fairness.kindergartensExplain')}</p>
        {data.kindergartens.length === 0 ? (
          <p className="muted" data-testid="fairness-kindergartens-none">
            {t('registers.fairness.kindergartensNone')}
          </p>
        ) : (
          <StackTable id="fairness-kg-title" testId="fairness-kindergartens">
            <thead>
              <tr>
                <th scope="col">{t('registers.bulletin.kindergarten')}</th>
                <th scope="col" className="numeric">
                  {t('registers.fairness.revokedUnits')}
                </th>
                <th scope="col" className="numeric">
                  {t('registers.fairness.refusals')}
                </th>
                <th scope="col">{t('registers.bulletin.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {data.kindergartens.map((kg) => (
                <tr key={kg.id}>
                  <th scope="row">{localizedName(kg.name, language)}</th>
                  <td className="numeric" data-label={t('registers.fairness.revokedUnits')}>
                    {formatNumber(kg.revokedUnits, language)}
                  </td>
                  <td className="numeric" data-label={t('registers.fairness.refusals')}>
                    {formatNumber(kg.refusals, language)}
                  </td>
                  <td data-label={t('registers.bulletin.reason')}>
                    {[
                      reasonRows(kg.revokedByReason, (code) =>
                        t(`registers.reasons.${code}`, { defaultValue: code }),
                      ),
                      reasonRows(kg.refusalsByReason, (code) =>
                        t(`registers.refusals.${code}`, { defaultValue: code }),
                      ),
                    ]
                      .filter((text) => text !== '')
                      .join(' · ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackTable>
        )}
      </section>
    </>
  );
};

export const FairnessPage = () => {
  const { t, language } = useI18n();
  useDocumentTitle(t('registers.fairness.title'));
  const { search } = useLocation();
  const query = parseFairnessQuery(search);
  const overview = useResource('overview', (signal) => fetchOverview(signal));
  const figures = useResource(`fairness${formatFairnessQuery(query)}`, (signal) =>
    fetchFairness(query, signal),
  );
  const data = figures.data;
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{t('registers.fairness.title')}</h1>
        <p className="lead">{t('registers.fairness.intro')}</p>
      </div>
      <Filters query={query} />
      <div className="results-status" aria-live="polite" data-state={figures.status}>
        {figures.status === 'loading' && data === undefined && <Loading />}
        {figures.status === 'error' && <ErrorState error={figures.error} onRetry={figures.retry} />}
        {data !== undefined && figures.status !== 'error' && (
          <p className="result-count" data-testid="fairness-period">
            {t('registers.fairness.period', {
              place:
                data.district === null
                  ? t('registers.allDistricts')
                  : placeName(overview.data, data.district, language),
              from: formatLocalDate(data.from, language),
              to: formatLocalDate(data.to, language),
            })}{' '}
            <span className="muted">{t('registers.asOf', { date: formatInstant(data.asOf, language) })}</span>
          </p>
        )}
      </div>
      {data !== undefined && figures.status !== 'error' && (
        <div className={figures.status === 'loading' ? 'results is-stale' : 'results'}>
          {data.referrals.total === 0 && data.kindergartens.length === 0 ? (
            <EmptyState title={t('registers.fairness.empty')}>
              <p>{t('registers.fairness.emptyHint')}</p>
            </EmptyState>
          ) : (
            <Figures data={data} />
          )}
        </div>
      )}
    </>
  );
};
