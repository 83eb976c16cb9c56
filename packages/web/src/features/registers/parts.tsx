import type { Overview } from '@kezek/contracts';
import { Link } from '../../app/router';
import { useI18n } from '../../i18n';
import { formatNumber, localizedName } from '../../i18n/format';
import { pageCount, percentOf } from './query';

/** Previous / next links with "page n of m"; nothing when everything fits on one page. */
export const Pager = ({
  page,
  total,
  pageSize,
  hrefFor,
}: {
  page: number;
  total: number;
  pageSize: number;
  hrefFor: (page: number) => string;
}) => {
  const { t, language } = useI18n();
  const pages = pageCount(total, pageSize);
  if (pages <= 1 && page <= 1) return null;
  const disabled = (label: string, arrow: 'prev' | 'next') => (
    <span className="button button-secondary is-disabled" aria-disabled="true">
      {arrow === 'prev' && <span aria-hidden="true">← </span>}
      {label}
      {arrow === 'next' && <span aria-hidden="true"> →</span>}
    </span>
  );
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link to={hrefFor(Math.min(page - 1, pages))} rel="prev" className="button button-secondary">
          <span aria-hidden="true">← </span>
          {t('pagination.previous')}
        </Link>
      ) : (
        disabled(t('pagination.previous'), 'prev')
      )}
      <p className="pagination-status" data-testid="page-status" data-page={page} data-pages={pages}>
        {t('pagination.pageOf', { page: formatNumber(page, language), pages: formatNumber(pages, language) })}
      </p>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} rel="next" className="button button-secondary">
          {t('pagination.next')}
          <span aria-hidden="true"> →</span>
        </Link>
      ) : (
        disabled(t('pagination.next'), 'next')
      )}
    </nav>
  );
};

/**
 * The settlements one can choose, grouped by region, from the public overview (its districts are the
 * settlements of the demo's city). While the overview is missing, a chosen code still shows as itself.
 */
export const SettlementOptions = ({
  overview,
  chosen,
}: {
  overview: Overview | undefined;
  chosen?: string;
}) => {
  const { language } = useI18n();
  return (
    <>
      {overview?.regions.map((region) => (
        <optgroup key={region.kato} label={localizedName(region.name, language)}>
          {region.districts.map((district) => (
            <option key={district.kato} value={district.kato}>
              {localizedName(district.name, language)}
            </option>
          ))}
        </optgroup>
      ))}
      {chosen !== undefined && overview === undefined && <option value={chosen}>{chosen}</option>}
    </>
  );
};

/** A bar as wide as the value's share; decoration only — the number next to it carries the meaning. */
export const Bar = ({ value, total }: { value: number; total: number }) => (
  <span className="registers-bar" aria-hidden="true">
    <span className="registers-bar-fill" style={{ width: `${percentOf(value, total)}%` }} />
  </span>
);
