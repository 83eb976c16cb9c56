import { useI18n } from '../i18n';
import { formatNumber } from '../i18n/format';
import { Link } from './router';

/** How many pages `total` items make at `pageSize` a page; at least one (an empty list is one empty page). */
export const pageCount = (total: number, pageSize: number): number =>
  Math.max(1, Math.ceil(Math.max(0, total) / Math.max(1, pageSize)));

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
