import type { Language, Overview } from '@kezek/contracts';
import { fetchOverview } from '../../api/public';
import { Link } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatNumber, localizedName } from '../../i18n/format';

type Figures = Overview['totals'];
type FigureKey = keyof Figures;

const FIGURES: readonly FigureKey[] = ['kindergartens', 'groups', 'capacity', 'queued', 'pending'];

const sumFigures = (rows: readonly Figures[]): Figures =>
  rows.reduce<Figures>(
    (sum, row) => ({
      kindergartens: sum.kindergartens + row.kindergartens,
      groups: sum.groups + row.groups,
      capacity: sum.capacity + row.capacity,
      queued: sum.queued + row.queued,
      pending: sum.pending + row.pending,
    }),
    { kindergartens: 0, groups: 0, capacity: 0, queued: 0, pending: 0 },
  );

const Totals = ({ totals, language }: { totals: Figures; language: Language }) => {
  const { t } = useI18n();
  return (
    <section aria-labelledby="totals-heading" className="section">
      <h2 id="totals-heading">{t('home.totalsHeading')}</h2>
      <dl className="totals" data-testid="totals">
        {FIGURES.map((key) => (
          <div key={key} className={`total total-${key}`} data-figure={key}>
            <dt>{t(`figures.${key}`)}</dt>
            <dd>{formatNumber(totals[key], language)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
};

const RegionTable = ({ region, language }: { region: Overview['regions'][number]; language: Language }) => {
  const { t } = useI18n();
  const total = sumFigures(region.districts);
  return (
    <div className="table-scroll" role="region" aria-labelledby={`region-${region.kato}`} tabIndex={0}>
      <table className="data-table overview-table" data-region={region.kato}>
        <caption id={`region-${region.kato}`}>
          {t('home.regionCaption', { region: localizedName(region.name, language) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('home.district')}</th>
            {FIGURES.map((key) => (
              <th key={key} scope="col" className="numeric">
                {t(`figures.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {region.districts.map((district) => (
            <tr key={district.kato} data-district={district.kato}>
              <th scope="row">{localizedName(district.name, language)}</th>
              {FIGURES.map((key) => (
                <td key={key} className="numeric">
                  {formatNumber(district[key], language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {region.districts.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{t('home.total')}</th>
              {FIGURES.map((key) => (
                <td key={key} className="numeric">
                  {formatNumber(total[key], language)}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
};

export const HomePage = () => {
  const { t, language } = useI18n();
  useDocumentTitle(t('nav.home'));
  const overview = useResource('overview', (signal) => fetchOverview(signal));
  const data = overview.data;

  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        {data && <p className="as-of">{t('home.asOf', { date: formatInstant(data.asOf, language) })}</p>}
      </div>

      <div aria-live="polite" aria-busy={overview.status === 'loading'}>
        {overview.status === 'loading' && data === undefined && <Loading />}
        {overview.status === 'error' && <ErrorState error={overview.error} onRetry={overview.retry} />}
      </div>

      {data && data.regions.length === 0 && <EmptyState title={t('home.empty')} />}

      {data && data.regions.length > 0 && (
        <>
          <Totals totals={data.totals} language={language} />
          <section aria-labelledby="regions-heading" className="section">
            <h2 id="regions-heading">{t('home.regionsHeading')}</h2>
            {data.regions.map((region) => (
              <RegionTable key={region.kato} region={region} language={language} />
            ))}
            <p>
              <Link to="/kindergartens" className="button button-secondary">
                {t('home.toList')}
              </Link>
            </p>
          </section>
        </>
      )}
    </>
  );
};
