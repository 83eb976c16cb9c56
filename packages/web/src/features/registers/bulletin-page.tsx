import { useId } from 'react';
import type { BulletinView, Language } from '@kezek/contracts';
import { fetchBulletin } from '../../api/registers';
import { Link, navigate, useLocation } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatLocalDate, formatNumber, localizedName } from '../../i18n/format';
import { useQueueLabel } from '../parent/application-labels';
import { Pager } from '../../app/pager';
import {
  GROUP_LANGUAGES,
  PAGE_SIZE,
  PLACE_ADMISSIONS,
  PLACE_MODES,
  formatBulletinItemsQuery,
  parseBulletinItemsQuery,
  verifyHref,
  type BulletinItemsQuery,
} from './query';
import { StackTable } from './parts';

type Item = BulletinView['items']['items'][number];

/** The kind of group from the queue key `settlement/birthYear/kind`. */
const kindOf = (queueKey: string): string => queueKey.split('/')[2] ?? 'general';

const Filters = ({ id, query }: { id: number; query: BulletinItemsQuery }) => {
  const { t } = useI18n();
  const fieldId = useId();
  const apply = (change: Partial<BulletinItemsQuery>) => {
    const next: BulletinItemsQuery = { ...query, ...change, page: 1 };
    navigate(`/bulletins/${id}${formatBulletinItemsQuery(next)}`);
  };
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('registers.bulletin.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${fieldId}-age`}>{t('registers.bulletin.age')}</label>
        <select
          id={`${fieldId}-age`}
          value={query.age ?? ''}
          onChange={(e) => apply({ age: e.target.value === '' ? undefined : Number(e.target.value) })}
        >
          <option value="">{t('registers.any')}</option>
          {[0, 1, 2, 3, 4, 5, 6, 7].map((age) => (
            <option key={age} value={age}>
              {t('registers.bulletin.ageValue', { count: age })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${fieldId}-language`}>{t('registers.bulletin.language')}</label>
        <select
          id={`${fieldId}-language`}
          value={query.language ?? ''}
          onChange={(e) => apply({ language: GROUP_LANGUAGES.find((v) => v === e.target.value) })}
        >
          <option value="">{t('registers.any')}</option>
          {GROUP_LANGUAGES.map((value) => (
            <option key={value} value={value}>
              {t(`registers.languages.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${fieldId}-mode`}>{t('registers.bulletin.mode')}</label>
        <select
          id={`${fieldId}-mode`}
          value={query.mode ?? ''}
          onChange={(e) => apply({ mode: PLACE_MODES.find((v) => v === e.target.value) })}
        >
          <option value="">{t('registers.any')}</option>
          {PLACE_MODES.map((value) => (
            <option key={value} value={value}>
              {t(`registers.modes.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${fieldId}-admission`}>{t('registers.bulletin.admission')}</label>
        <select
          id={`${fieldId}-admission`}
          value={query.admission ?? ''}
          onChange={(e) => apply({ admission: PLACE_ADMISSIONS.find((v) => v === e.target.value) })}
        >
          <option value="">{t('registers.any')}</option>
          {PLACE_ADMISSIONS.map((value) => (
            <option key={value} value={value}>
              {t(`registers.admissions.${value}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
};

const AdmissionCell = ({ item }: { item: Item }) => {
  const { t, language } = useI18n();
  return (
    <>
      {t(`registers.admissions.${item.admission}`)}
      {item.freeFrom !== null && (
        <span className="registers-note">
          {t('registers.bulletin.freeFrom', { date: formatLocalDate(item.freeFrom, language) })}
        </span>
      )}
      {item.until !== null && (
        <span className="registers-note">
          {t('registers.bulletin.until', { date: formatLocalDate(item.until, language) })}
        </span>
      )}
      {item.startDate !== null && (
        <span className="registers-note">
          {t('registers.bulletin.startDate', { date: formatLocalDate(item.startDate, language) })}
        </span>
      )}
    </>
  );
};

const Items = ({ view, query, id }: { view: BulletinView; query: BulletinItemsQuery; id: number }) => {
  const { t, language } = useI18n();
  const queueLabel = useQueueLabel();
  const items = view.items;
  if (items.items.length === 0)
    return (
      <EmptyState
        title={t(
          view.bulletin.vacated === 0 ? 'registers.bulletin.noPlaces' : 'registers.bulletin.noMatchingPlaces',
        )}
      />
    );
  return (
    <>
      <StackTable id="places-caption" testId="places-table" caption={t('registers.bulletin.placesCaption')}>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              №
            </th>
            <th scope="col">{t('registers.bulletin.kindergarten')}</th>
            <th scope="col">{t('registers.bulletin.ageGroup')}</th>
            <th scope="col">{t('registers.bulletin.language')}</th>
            <th scope="col">{t('registers.bulletin.groupType')}</th>
            <th scope="col">{t('registers.bulletin.mode')}</th>
            <th scope="col">{t('registers.bulletin.admission')}</th>
          </tr>
        </thead>
        <tbody>
          {items.items.map((item) => (
            <tr key={`${item.placeId}/${item.unit}`} data-place={item.placeId}>
              <td className="numeric" data-label="№">
                {formatNumber(item.position, language)}
              </td>
              <th scope="row">{localizedName(item.kindergarten.name, language)}</th>
              <td data-label={t('registers.bulletin.ageGroup')}>
                {t('registers.bulletin.ageGroupValue', { count: item.age, year: item.birthYear })}
              </td>
              <td data-label={t('registers.bulletin.language')}>
                {t(`registers.languages.${item.language}`, { defaultValue: item.language })}
              </td>
              <td data-label={t('registers.bulletin.groupType')}>{queueLabel(kindOf(item.queueKey))}</td>
              <td data-label={t('registers.bulletin.mode')}>{t(`registers.modes.${item.mode}`)}</td>
              <td data-label={t('registers.bulletin.admission')}>
                <span>
                  <AdmissionCell item={item} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </StackTable>
      <Pager
        page={query.page}
        total={items.total}
        pageSize={items.pageSize}
        hrefFor={(page) => `/bulletins/${id}${formatBulletinItemsQuery({ ...query, page })}`}
      />
    </>
  );
};

const Revocations = ({ view }: { view: BulletinView }) => {
  const { t, language } = useI18n();
  if (view.revocations.length === 0)
    return <p data-testid="no-revocations">{t('registers.bulletin.noRevocations')}</p>;
  return (
    <StackTable
      id="revocations-caption"
      testId="revocations-table"
      caption={t('registers.bulletin.revocationsTitle')}
    >
      <thead>
        <tr>
          <th scope="col">{t('registers.bulletin.kindergarten')}</th>
          <th scope="col" className="numeric">
            {t('registers.bulletin.units')}
          </th>
          <th scope="col">{t('registers.bulletin.reason')}</th>
          <th scope="col">{t('registers.bulletin.revokedAt')}</th>
          <th scope="col" className="numeric">
            {t('registers.bulletin.cancelledReferrals')}
          </th>
        </tr>
      </thead>
      <tbody>
        {view.revocations.map((revocation) => (
          <tr key={`${revocation.placeId}/${revocation.revokedAt}`}>
            <th scope="row">{localizedName(revocation.kindergarten.name, language)}</th>
            <td className="numeric" data-label={t('registers.bulletin.units')}>
              {formatNumber(revocation.units, language)}
            </td>
            <td data-label={t('registers.bulletin.reason')}>
              <span>
                {t(`registers.reasons.${revocation.reason}`)}
                <span className="registers-note">{t('registers.bulletin.reasonLaw')}</span>
              </span>
            </td>
            <td data-label={t('registers.bulletin.revokedAt')}>
              {formatInstant(revocation.revokedAt, language)}
            </td>
            <td className="numeric" data-label={t('registers.bulletin.cancelledReferrals')}>
              {formatNumber(revocation.cancelledReferrals, language)}
            </td>
          </tr>
        ))}
      </tbody>
    </StackTable>
  );
};

/** The bulletin's entry in the bulletins register (R-SYS-08), as the bulletin itself names it. */
const RegisterEntry = ({ leafHash }: { leafHash: string | undefined }) => {
  const { t } = useI18n();
  if (leafHash === undefined)
    return (
      <p data-testid="register-entry-missing">
        {t('registers.bulletin.entryMissing')} <Link to="/registers">{t('registers.heads.title')}</Link>
      </p>
    );
  return (
    <p data-testid="register-entry">
      <Link to={verifyHref('bulletins', leafHash)}>{t('registers.bulletin.entryLink')}</Link>
      <span className="registers-hash"> {leafHash}</span>
    </p>
  );
};

const Bulletin = ({ id, view, query }: { id: number; view: BulletinView; query: BulletinItemsQuery }) => {
  const { t, language } = useI18n();
  const { bulletin } = view;
  const title = titleOf(view, t, language);
  return (
    <>
      <p>
        <Link to="/bulletins">
          <span aria-hidden="true">← </span>
          {t('registers.bulletins.title')}
        </Link>
      </p>
      <div className="page-heading">
        <h1 tabIndex={-1}>{title}</h1>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('registers.bulletins.publishedAt')}</dt>
          <dd data-testid="published-at">{formatInstant(bulletin.publishedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('registers.bulletins.vacated')}</dt>
          <dd>{formatNumber(bulletin.vacated, language)}</dd>
        </div>
        <div>
          <dt>{t('registers.bulletins.revoked')}</dt>
          <dd>{formatNumber(bulletin.revoked, language)}</dd>
        </div>
      </dl>
      <p className="notice" data-testid="immutable">
        {t('registers.bulletin.immutable')}
      </p>
      <RegisterEntry leafHash={view.ledger?.leafHash} />
      <h2 className="registers-section">{t('registers.bulletin.placesTitle')}</h2>
      <Filters id={id} query={query} />
      <Items view={view} query={query} id={id} />
      <h2 className="registers-section">{t('registers.bulletin.revocationsTitle')}</h2>
      <Revocations view={view} />
    </>
  );
};

const titleOf = (
  view: BulletinView,
  t: (key: string, values?: Record<string, string>) => string,
  language: Language,
) =>
  t('registers.bulletin.title', {
    date: formatLocalDate(view.bulletin.date, language),
    settlement: localizedName(view.bulletin.settlement.name, language),
  });

export const BulletinPage = ({ id }: { id: string }) => {
  const { t, language } = useI18n();
  const { search } = useLocation();
  const query = parseBulletinItemsQuery(search);
  const numeric = /^\d{1,9}$/.test(id) && Number(id) >= 1 ? Number(id) : undefined;
  const key = `bulletin/${id}${formatBulletinItemsQuery(query)}`;
  const view = useResource(key, (signal) =>
    numeric === undefined
      ? Promise.reject(new Error('not a bulletin number'))
      : fetchBulletin(numeric, { ...query, pageSize: PAGE_SIZE }, signal),
  );
  useDocumentTitle(
    view.data === undefined ? t('registers.bulletins.title') : titleOf(view.data, t, language),
  );
  if (numeric === undefined || (view.status === 'error' && view.error.code === 'NOT_FOUND'))
    return (
      <>
        <h1>{t('registers.bulletin.notFound')}</h1>
        <p>
          <Link to="/bulletins">{t('registers.bulletins.title')}</Link>
        </p>
      </>
    );
  if (view.status === 'error') return <ErrorState error={view.error} onRetry={view.retry} />;
  if (view.data === undefined) return <Loading />;
  return <Bulletin id={numeric} view={view.data} query={query} />;
};
