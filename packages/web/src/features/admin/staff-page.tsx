import type { StaffAccountView, Territory } from '@kezek/contracts';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import {
  fetchKindergartenChoices,
  fetchStaff,
  fetchTerritory,
  openStaffAccount,
  resetStaffPassword,
  setStaffDisabled,
} from '../../api/admin';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { Link, navigate, useLocation } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatNumber, localizedName } from '../../i18n/format';
import { AdminGate, ReadOnlyNotice, type AdminAccess } from './admin-gate';
import {
  disabledFilter,
  formatStaffQuery,
  parseStaffQuery,
  STAFF_ROLES,
  type StaffQuery,
} from './staff-query';

const PAGE_SIZE = 20;
const hrefFor = (query: StaffQuery) => `/admin/staff${formatStaffQuery(query)}`;
const LOGIN = /^[a-z][a-z0-9._-]{2,39}$/;

type Role = StaffAccountView['role'];
type Issued = { login: string; password: string };

/** The one-time password, shown once: a copy button, and a warning that it cannot be shown again. */
const OneTimePassword = ({ issued, onHide }: { issued: Issued; onHide: () => void }) => {
  const { t } = useI18n();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(issued.password);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <section
      className="card admin-password"
      aria-labelledby="admin-password-title"
      data-testid="one-time-password"
      role="alert"
    >
      <h2 id="admin-password-title">{t('regionAdmin.staff.password.title', { login: issued.login })}</h2>
      <p className="warning">{t('regionAdmin.staff.password.warning')}</p>
      <p>
        <span className="muted">{t('regionAdmin.staff.password.label')}: </span>
        <code className="admin-password-value" data-testid="one-time-password-value">
          {issued.password}
        </code>
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void onCopy()}>
          {t('regionAdmin.staff.password.copy')}
        </button>
        <button type="button" className="button" onClick={onHide}>
          {t('regionAdmin.staff.password.hide')}
        </button>
      </div>
      <p aria-live="polite">
        {copy === 'copied' && t('regionAdmin.staff.password.copied')}
        {copy === 'failed' && t('regionAdmin.staff.password.copyFailed')}
      </p>
    </section>
  );
};

type Draft = { login: string; fullName: string; role: Role; district: string; kindergarten: string };
const EMPTY: Draft = { login: '', fullName: '', role: 'clerk', district: '', kindergarten: '' };

export const validateAccount = (draft: Draft): Partial<Record<keyof Draft, string>> => {
  const problems: Partial<Record<keyof Draft, string>> = {};
  if (!LOGIN.test(draft.login.trim())) problems.login = 'login';
  if (draft.fullName.trim().length < 3) problems.fullName = 'fullName';
  if (draft.role === 'clerk' && draft.district === '') problems.district = 'district';
  if (draft.role === 'kindergartenStaff' && draft.kindergarten === '') problems.kindergarten = 'kindergarten';
  return problems;
};

const OpenAccount = ({
  territory,
  onOpened,
}: {
  territory: Territory | undefined;
  onOpened: (issued: Issued) => void;
}) => {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<keyof Draft, string>>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const districts = territory?.regions.flatMap((region) => region.districts) ?? [];
  const kindergartens = useResource(
    `admin-kindergartens:${draft.role === 'kindergartenStaff' ? draft.district : 'none'}`,
    (signal) =>
      draft.role === 'kindergartenStaff'
        ? fetchKindergartenChoices(draft.district === '' ? undefined : draft.district, signal)
        : Promise.resolve(undefined),
  );

  const set = (key: keyof Draft) => (value: string) =>
    setDraft((previous) => ({ ...previous, [key]: value }));
  const apiFieldError = (key: keyof Draft): string | undefined => {
    if (failure?.field === undefined) return undefined;
    const map: Record<string, keyof Draft> = {
      login: 'login',
      fullName: 'fullName',
      districtKato: 'district',
      kindergartenId: 'kindergarten',
    };
    if (map[failure.field] !== key) return undefined;
    return failure.code === 'CONFLICT'
      ? t('regionAdmin.staff.open.errors.taken')
      : t(`regionAdmin.staff.open.errors.${key}`);
  };
  const errorOf = (key: keyof Draft) => {
    const problem = problems[key];
    return problem === undefined ? apiFieldError(key) : t(`regionAdmin.staff.open.errors.${problem}`);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(undefined);
    const found = validateAccount(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const opened = await openStaffAccount({
        login: draft.login.trim(),
        fullName: draft.fullName.trim(),
        role: draft.role,
        districtKato: draft.role === 'clerk' ? draft.district : null,
        kindergartenId: draft.role === 'kindergartenStaff' ? draft.kindergarten : null,
      });
      setDraft(EMPTY);
      onOpened({ login: opened.account.login, password: opened.temporaryPassword });
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="staff-open">
      <h2 id="staff-open">{t('regionAdmin.staff.open.title')}</h2>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} data-testid="staff-form">
        <Field
          label={t('regionAdmin.staff.open.login')}
          hint={t('regionAdmin.staff.open.loginHint')}
          error={errorOf('login')}
        >
          {(props) => (
            <input
              {...props}
              name="login"
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              value={draft.login}
              onChange={(event) => set('login')(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('regionAdmin.staff.open.fullName')} error={errorOf('fullName')}>
          {(props) => (
            <input
              {...props}
              name="fullName"
              autoComplete="off"
              maxLength={200}
              value={draft.fullName}
              onChange={(event) => set('fullName')(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('regionAdmin.staff.open.role')}>
          {(props) => (
            <select
              {...props}
              name="role"
              value={draft.role}
              onChange={(event) => {
                const role = STAFF_ROLES.find((value) => value === event.target.value) ?? 'clerk';
                setDraft((previous) => ({ ...previous, role, kindergarten: '' }));
              }}
            >
              {STAFF_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`regionAdmin.staff.roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(draft.role === 'clerk' || draft.role === 'kindergartenStaff') && (
          <Field
            label={
              draft.role === 'clerk'
                ? t('regionAdmin.staff.open.district')
                : t('regionAdmin.territory.district')
            }
            error={errorOf('district')}
          >
            {(props) => (
              <select
                {...props}
                name="district"
                value={draft.district}
                onChange={(event) =>
                  setDraft((previous) => ({ ...previous, district: event.target.value, kindergarten: '' }))
                }
              >
                <option value="">{t('regionAdmin.staff.open.chooseDistrict')}</option>
                {districts.map((district) => (
                  <option key={district.kato} value={district.kato}>
                    {localizedName(district.name, language)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {draft.role === 'kindergartenStaff' && (
          <Field label={t('regionAdmin.staff.open.kindergarten')} error={errorOf('kindergarten')}>
            {(props) => (
              <select
                {...props}
                name="kindergarten"
                value={draft.kindergarten}
                onChange={(event) => set('kindergarten')(event.target.value)}
              >
                <option value="">{t('regionAdmin.staff.open.chooseKindergarten')}</option>
                {(kindergartens.data?.items ?? []).map((kindergarten) => (
                  <option key={kindergarten.id} value={kindergarten.id}>
                    {localizedName(kindergarten.name, language)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <FormError error={failure} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('regionAdmin.staff.open.submit')}
          </button>
        </div>
      </form>
    </section>
  );
};

/** A row's actions: reset the password or disable (each confirmed first), or enable again. */
const RowActions = ({
  account,
  self,
  onIssued,
  onChanged,
}: {
  account: StaffAccountView;
  self: boolean;
  onIssued: (issued: Issued) => void;
  onChanged: (message: string) => void;
}) => {
  const { t } = useI18n();
  const [asking, setAsking] = useState<'reset' | 'disable' | 'enable' | undefined>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const login = account.login;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
      setAsking(undefined);
      setReason('');
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };
  const withReason = (disabled: boolean) => {
    if (reason.trim().length < 3) {
      setReasonError(true);
      return;
    }
    setReasonError(false);
    void run(async () => {
      await setStaffDisabled(account.id, { disabled, reason: reason.trim() });
      onChanged(t(disabled ? 'regionAdmin.staff.disable.done' : 'regionAdmin.staff.enable.done', { login }));
    });
  };

  if (asking === 'reset')
    return (
      <div className="admin-confirm" role="group" aria-label={t('regionAdmin.staff.reset.button')}>
        <p className="warning">{t('regionAdmin.staff.reset.confirm', { login })}</p>
        <FormError error={failure} />
        <div className="button-row">
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const reset = await resetStaffPassword(account.id);
                onIssued({ login, password: reset.temporaryPassword });
              })
            }
          >
            {t('regionAdmin.staff.reset.yes')}
          </button>
          <button type="button" className="button" onClick={() => setAsking(undefined)}>
            {t('regionAdmin.cancel')}
          </button>
        </div>
      </div>
    );
  if (asking === 'disable' || asking === 'enable') {
    const disabling = asking === 'disable';
    return (
      <div
        className="admin-confirm"
        role="group"
        aria-label={t(disabling ? 'regionAdmin.staff.disable.button' : 'regionAdmin.staff.enable.button')}
      >
        {disabling && <p className="warning">{t('regionAdmin.staff.disable.confirm', { login })}</p>}
        <Field
          label={t(disabling ? 'regionAdmin.staff.disable.reason' : 'regionAdmin.staff.enable.reason')}
          hint={t('regionAdmin.staff.disable.reasonHint')}
          error={
            reasonError || failure?.field === 'reason'
              ? t('regionAdmin.staff.disable.reasonError')
              : undefined
          }
        >
          {(props) => (
            <input
              {...props}
              name="reason"
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
        <FormError error={failure} />
        <div className="button-row">
          <button
            type="button"
            className={disabling ? 'button button-danger' : 'button button-primary'}
            disabled={busy}
            onClick={() => withReason(disabling)}
          >
            {t(disabling ? 'regionAdmin.staff.disable.yes' : 'regionAdmin.staff.enable.yes')}
          </button>
          <button type="button" className="button" onClick={() => setAsking(undefined)}>
            {t('regionAdmin.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="button-row admin-row-actions">
      <button type="button" className="button" onClick={() => setAsking('reset')}>
        {t('regionAdmin.staff.reset.button')}
      </button>
      {account.disabled ? (
        <button type="button" className="button" onClick={() => setAsking('enable')}>
          {t('regionAdmin.staff.enable.button')}
        </button>
      ) : self ? (
        <span className="muted">{t('regionAdmin.staff.disable.self')}</span>
      ) : (
        <button type="button" className="button button-danger" onClick={() => setAsking('disable')}>
          {t('regionAdmin.staff.disable.button')}
        </button>
      )}
    </div>
  );
};

const Filters = ({ query }: { query: StaffQuery }) => {
  const { t } = useI18n();
  const [draft, setDraft] = useState(query.q ?? '');
  useEffect(() => setDraft(query.q ?? ''), [query.q]);
  const apply = (change: Partial<StaffQuery>) => navigate(hrefFor({ ...query, page: 1, ...change }));
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('regionAdmin.staff.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        const q = draft.trim();
        apply({ q: q === '' ? undefined : q });
      }}
    >
      <div className="field">
        <label htmlFor="staff-q">{t('regionAdmin.staff.search')}</label>
        <input
          id="staff-q"
          name="q"
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="staff-role">{t('regionAdmin.staff.role')}</label>
        <select
          id="staff-role"
          name="role"
          value={query.role ?? ''}
          onChange={(event) => apply({ role: STAFF_ROLES.find((role) => role === event.target.value) })}
        >
          <option value="">{t('regionAdmin.staff.anyRole')}</option>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`regionAdmin.staff.roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="staff-state">{t('regionAdmin.staff.state')}</label>
        <select
          id="staff-state"
          name="state"
          value={query.state ?? ''}
          onChange={(event) =>
            apply({
              state:
                event.target.value === 'active' || event.target.value === 'disabled'
                  ? event.target.value
                  : undefined,
            })
          }
        >
          <option value="">{t('regionAdmin.staff.anyState')}</option>
          <option value="active">{t('regionAdmin.staff.active')}</option>
          <option value="disabled">{t('regionAdmin.staff.disabled')}</option>
        </select>
      </div>
      <button type="submit" className="button">
        {t('regionAdmin.staff.apply')}
      </button>
    </form>
  );
};

const StaffBody = ({ access }: { access: AdminAccess }) => {
  const { t, language } = useI18n();
  const { search } = useLocation();
  const query = parseStaffQuery(search);
  const [version, setVersion] = useState(0);
  const [issued, setIssued] = useState<Issued | undefined>();
  const [message, setMessage] = useState('');
  const territory = useResource('admin-territory', (signal) => fetchTerritory(signal));
  const list = useResource(`admin-staff${formatStaffQuery(query)}:${version}`, (signal) =>
    fetchStaff(
      {
        role: query.role,
        disabled: disabledFilter(query.state),
        q: query.q,
        page: query.page,
        pageSize: PAGE_SIZE,
      },
      signal,
    ),
  );
  const districtName = (kato: string) => {
    const district = territory.data?.regions
      .flatMap((region) => region.districts)
      .find((d) => d.kato === kato);
    return district === undefined ? kato : localizedName(district.name, language);
  };
  const pages = list.data === undefined ? 1 : Math.max(1, Math.ceil(list.data.total / PAGE_SIZE));
  const reload = () => setVersion((n) => n + 1);
  return (
    <>
      <h1 tabIndex={-1}>{t('regionAdmin.staff.title')}</h1>
      <ReadOnlyNotice access={access} />
      <p className="lead">{t('regionAdmin.staff.intro')}</p>
      {issued !== undefined && <OneTimePassword issued={issued} onHide={() => setIssued(undefined)} />}
      <p className="form-saved" aria-live="polite" data-testid="staff-done">
        {message}
      </p>
      <Filters query={query} />
      <div className="results-status" data-state={list.status} aria-live="polite">
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ErrorState error={list.error} onRetry={list.retry} />}
        {list.data !== undefined && (
          <p data-testid="staff-count" data-total={list.data.total}>
            {t('regionAdmin.staff.found', {
              count: list.data.total,
              n: formatNumber(list.data.total, language),
            })}
          </p>
        )}
      </div>
      {list.data !== undefined && list.data.items.length === 0 && (
        <EmptyState title={t('regionAdmin.staff.empty')}>
          <p>{t('regionAdmin.staff.emptyHint')}</p>
        </EmptyState>
      )}
      {list.data !== undefined && list.data.items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="staff-caption" tabIndex={0}>
          <table className="data-table admin-staff-table">
            <caption id="staff-caption">{t('regionAdmin.staff.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('regionAdmin.staff.login')}</th>
                <th scope="col">{t('regionAdmin.staff.fullName')}</th>
                <th scope="col">{t('regionAdmin.staff.role')}</th>
                <th scope="col">{t('regionAdmin.staff.scope')}</th>
                <th scope="col">{t('regionAdmin.staff.status')}</th>
                {access.canWrite && <th scope="col">{t('regionAdmin.staff.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((account) => {
                const self = account.id === access.actor.userId;
                return (
                  <tr key={account.id} data-login={account.login} data-disabled={account.disabled}>
                    <th scope="row">
                      {account.login}
                      {self && <span className="muted"> ({t('regionAdmin.staff.you')})</span>}
                    </th>
                    <td>{account.fullName}</td>
                    <td>{t(`regionAdmin.staff.roles.${account.role}`)}</td>
                    <td>
                      {account.districtKato !== null
                        ? districtName(account.districtKato)
                        : account.kindergartenId !== null
                          ? t('regionAdmin.staff.roles.kindergartenStaff')
                          : '—'}
                    </td>
                    <td>
                      <span className={account.disabled ? 'badge admin-badge-off' : 'badge'}>
                        {t(account.disabled ? 'regionAdmin.staff.disabled' : 'regionAdmin.staff.active')}
                      </span>
                      {account.locked && (
                        <span className="badge admin-badge-off">{t('regionAdmin.staff.locked')}</span>
                      )}
                      {account.mustChangePassword && (
                        <span className="admin-setting-meaning">{t('regionAdmin.staff.mustChange')}</span>
                      )}
                    </td>
                    {access.canWrite && (
                      <td>
                        <RowActions
                          account={account}
                          self={self}
                          onIssued={(next) => {
                            setMessage('');
                            setIssued(next);
                            reload();
                          }}
                          onChanged={(text) => {
                            setIssued(undefined);
                            setMessage(text);
                            reload();
                          }}
                        />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="pagination" aria-label={t('pagination.label')}>
          {query.page > 1 && (
            <Link to={hrefFor({ ...query, page: query.page - 1 })} rel="prev">
              {t('pagination.previous')}
            </Link>
          )}
          <span>{t('pagination.pageOf', { page: query.page, pages })}</span>
          {query.page < pages && (
            <Link to={hrefFor({ ...query, page: query.page + 1 })} rel="next">
              {t('pagination.next')}
            </Link>
          )}
        </nav>
      )}
      {access.canWrite && (
        <OpenAccount
          territory={territory.data}
          onOpened={(next) => {
            setMessage('');
            setIssued(next);
            reload();
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </>
  );
};

export const StaffPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('regionAdmin.staff.title'));
  return (
    <AdminGate title={t('regionAdmin.staff.title')} auditorMayRead>
      {(access) => <StaffBody access={access} />}
    </AdminGate>
  );
};
