import type { Territory } from '@kezek/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { addSettlement, fetchTerritory } from '../../api/admin';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { useLocation } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatNumber, localizedName } from '../../i18n/format';
import { AdminGate, ReadOnlyNotice, type AdminAccess } from './admin-gate';
import { pickRegion, RegionSelect } from './policy-page';
import {
  draftFieldOf,
  validateSettlement,
  type SettlementDraft,
  type SettlementProblem,
} from './settlement-form';
import { filterSettlements, pageOf, settlementsOf } from './territory-filter';

type Region = Territory['regions'][number];
const PAGE_SIZE = 20;
const EMPTY: SettlementDraft = { district: '', kato: '', kk: '', ru: '', en: '' };

const AddSettlement = ({ region, onAdded }: { region: Region; onAdded: (message: string) => void }) => {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<SettlementDraft>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<keyof SettlementDraft, SettlementProblem>>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const prefix = draft.district.slice(0, 4);

  const errorOf = (key: keyof SettlementDraft): string | undefined => {
    const problem = problems[key];
    if (problem !== undefined) return t(`regionAdmin.territory.add.errors.${problem}`, { prefix });
    if (failure !== undefined && draftFieldOf(failure.field) === key)
      return failure.code === 'CONFLICT'
        ? t('regionAdmin.territory.add.errors.exists')
        : key === 'kato'
          ? t('regionAdmin.territory.add.errors.katoDistrict', { prefix })
          : t('regionAdmin.territory.add.errors.nameLength');
    return undefined;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(undefined);
    const found = validateSettlement(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const added = await addSettlement({
        district: draft.district,
        kato: draft.kato.trim(),
        name: { kk: draft.kk.trim(), ru: draft.ru.trim(), en: draft.en.trim() },
      });
      setDraft(EMPTY);
      onAdded(
        t('regionAdmin.territory.add.done', { name: localizedName(added.name, language), kato: added.kato }),
      );
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };

  const set = (key: keyof SettlementDraft) => (value: string) =>
    setDraft((previous) => ({ ...previous, [key]: value }));
  const text = (key: 'kato' | 'kk' | 'ru' | 'en', label: string, hint?: string) => (
    <Field label={label} hint={hint} error={errorOf(key)}>
      {(props) => (
        <input
          {...props}
          name={key}
          value={draft[key]}
          inputMode={key === 'kato' ? 'numeric' : undefined}
          maxLength={key === 'kato' ? 9 : 200}
          autoComplete="off"
          onChange={(event) => set(key)(event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <section className="section" aria-labelledby="territory-add">
      <h2 id="territory-add">{t('regionAdmin.territory.add.title')}</h2>
      <p>{t('regionAdmin.territory.add.intro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        data-testid="settlement-form"
      >
        <Field label={t('regionAdmin.territory.add.district')} error={errorOf('district')}>
          {(props) => (
            <select
              {...props}
              name="district"
              value={draft.district}
              onChange={(event) => set('district')(event.target.value)}
            >
              <option value="">{t('regionAdmin.territory.add.choose')}</option>
              {region.districts.map((district) => (
                <option key={district.kato} value={district.kato}>
                  {localizedName(district.name, language)} ({district.kato})
                </option>
              ))}
            </select>
          )}
        </Field>
        {text(
          'kato',
          t('regionAdmin.territory.add.kato'),
          prefix === ''
            ? t('regionAdmin.territory.add.katoHintAny')
            : t('regionAdmin.territory.add.katoHint', { prefix }),
        )}
        {text('kk', t('regionAdmin.territory.add.nameKk'))}
        {text('ru', t('regionAdmin.territory.add.nameRu'))}
        {text('en', t('regionAdmin.territory.add.nameEn'))}
        <FormError error={failure} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('regionAdmin.territory.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
};

const Settlements = ({ region }: { region: Region }) => {
  const { t, language } = useI18n();
  const [q, setQ] = useState('');
  const [district, setDistrict] = useState('');
  const [page, setPage] = useState(1);
  const rows = filterSettlements(settlementsOf(region), { q, district });
  const shown = pageOf(rows, page, PAGE_SIZE);
  const current = Math.min(page, shown.pages);
  return (
    <section className="section" aria-labelledby="territory-settlements">
      <h2 id="territory-settlements">{t('regionAdmin.territory.caption')}</h2>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="territory-q">{t('regionAdmin.territory.search')}</label>
          <input
            id="territory-q"
            name="q"
            type="search"
            value={q}
            onChange={(event) => {
              setQ(event.target.value);
              setPage(1);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="territory-district">{t('regionAdmin.territory.district')}</label>
          <select
            id="territory-district"
            name="district"
            value={district}
            onChange={(event) => {
              setDistrict(event.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('regionAdmin.territory.allDistricts')}</option>
            {region.districts.map((option) => (
              <option key={option.kato} value={option.kato}>
                {localizedName(option.name, language)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p aria-live="polite" data-testid="territory-count" data-total={rows.length}>
        {t('regionAdmin.territory.found', { count: rows.length, n: formatNumber(rows.length, language) })}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={t('regionAdmin.territory.empty')}>
          <p>{t('regionAdmin.territory.emptyHint')}</p>
        </EmptyState>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="territory-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="territory-caption" className="visually-hidden">
              {t('regionAdmin.territory.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('regionAdmin.territory.kato')}</th>
                <th scope="col">{t('regionAdmin.territory.name')}</th>
                <th scope="col">{t('regionAdmin.territory.district')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.items.map((row) => (
                <tr key={row.kato} data-settlement={row.kato}>
                  <th scope="row">{row.kato}</th>
                  <td>{localizedName(row.name, language)}</td>
                  <td>{localizedName(row.district.name, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.pages > 1 && (
        <nav className="pagination" aria-label={t('pagination.label')}>
          {current > 1 && (
            <button type="button" className="button" onClick={() => setPage(current - 1)}>
              {t('pagination.previous')}
            </button>
          )}
          <span>{t('pagination.pageOf', { page: current, pages: shown.pages })}</span>
          {current < shown.pages && (
            <button type="button" className="button" onClick={() => setPage(current + 1)}>
              {t('pagination.next')}
            </button>
          )}
        </nav>
      )}
    </section>
  );
};

const TerritoryBody = ({ access }: { access: AdminAccess }) => {
  const { t, language } = useI18n();
  const { search } = useLocation();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState('');
  const territory = useResource(`admin-territory:${version}`, (signal) => fetchTerritory(signal));
  const region = territory.data === undefined ? undefined : pickRegion(territory.data, search);
  return (
    <>
      <h1 tabIndex={-1}>{t('regionAdmin.territory.title')}</h1>
      <ReadOnlyNotice access={access} />
      <p className="lead">{t('regionAdmin.territory.intro')}</p>
      <div aria-live="polite" data-state={territory.status}>
        {territory.status === 'error' && <ErrorState error={territory.error} onRetry={territory.retry} />}
        {territory.status === 'loading' && territory.data === undefined && <Loading />}
      </div>
      {territory.data !== undefined && region !== undefined && (
        <>
          <RegionSelect territory={territory.data} region={region.kato} path="/admin/territory" />
          <p>
            {t('regionAdmin.region')}: <strong>{localizedName(region.name, language)}</strong> ({region.kato})
          </p>
          <h2>{t('regionAdmin.territory.districtsTitle')}</h2>
          <ul className="admin-plain-list" data-testid="territory-districts">
            {region.districts.map((district) => (
              <li key={district.kato}>
                <strong>{localizedName(district.name, language)}</strong> · {district.kato} ·{' '}
                {t('regionAdmin.territory.settlementsCount', { count: district.settlements.length })}
              </li>
            ))}
          </ul>
          <Settlements region={region} />
          <p className="form-saved" aria-live="polite" data-testid="territory-done">
            {message}
          </p>
          {access.canWrite && (
            <AddSettlement
              region={region}
              onAdded={(text) => {
                setMessage(text);
                setVersion((n) => n + 1);
              }}
            />
          )}
        </>
      )}
    </>
  );
};

export const TerritoryPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('regionAdmin.territory.title'));
  return (
    <AdminGate title={t('regionAdmin.territory.title')} auditorMayRead>
      {(access) => <TerritoryBody access={access} />}
    </AdminGate>
  );
};
