import type { PolicyOverview, Territory } from '@kezek/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { fetchPolicy, fetchTerritory, schedulePolicyChange } from '../../api/admin';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { navigate, useLocation } from '../../app/router';
import { ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatLocalDate, localizedName } from '../../i18n/format';
import { AdminGate, ReadOnlyNotice, type AdminAccess } from './admin-gate';
import {
  dateOfInstant,
  draftText,
  nationalDate,
  nextDate,
  POLICY_FIELDS,
  policyChangeFromDraft,
  type PolicyDraftError,
  type PolicyField,
} from './policy-fields';

type Value = PolicyOverview['inForce'][string];

const useValueText = () => {
  const { t } = useI18n();
  return (field: PolicyField | undefined, value: Value | undefined): string => {
    if (value === undefined) return '—';
    if (typeof value === 'boolean') return t(value ? 'regionAdmin.yes' : 'regionAdmin.no');
    if (field?.kind.type === 'choice') return t(`regionAdmin.policy.choices.${field.key}.${String(value)}`);
    return String(value);
  };
};

const fieldOf = (key: string) => POLICY_FIELDS.find((field) => field.key === key);

const GROUPS = ['times', 'numbers', 'readings'] as const;

const InForce = ({ policy }: { policy: PolicyOverview }) => {
  const { t } = useI18n();
  const valueText = useValueText();
  return (
    <section className="section" aria-labelledby="policy-in-force">
      <h2 id="policy-in-force">{t('regionAdmin.policy.inForceTitle')}</h2>
      {GROUPS.map((group) => (
        <div
          key={group}
          className="table-scroll"
          role="region"
          aria-labelledby={`policy-group-${group}`}
          tabIndex={0}
        >
          <table className="data-table admin-policy-table">
            <caption id={`policy-group-${group}`}>{t(`regionAdmin.policy.groups.${group}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('regionAdmin.policy.setting')}</th>
                <th scope="col">{t('regionAdmin.policy.value')}</th>
              </tr>
            </thead>
            <tbody>
              {POLICY_FIELDS.filter((field) => field.group === group).map((field) => {
                const value = policy.inForce[field.key];
                const byDefault = policy.defaults[field.key];
                return (
                  <tr key={field.key} data-policy-field={field.key}>
                    <th scope="row">
                      <span className="admin-setting-label">
                        {t(`regionAdmin.policy.fields.${field.key}.label`)}
                      </span>
                      <span className="admin-setting-meaning">
                        {t(`regionAdmin.policy.fields.${field.key}.meaning`)}
                      </span>
                      <span className="rule-ref">
                        {t('regionAdmin.ruleRef', { rule: field.rule })} · {field.source}
                      </span>
                    </th>
                    <td>
                      <strong data-value>{valueText(field, value)}</strong>
                      {value !== byDefault && (
                        <span className="admin-setting-meaning">
                          {t('regionAdmin.policy.defaultValue', { value: valueText(field, byDefault) })}
                        </span>
                      )}
                      {field.fixed && (
                        <span className="badge admin-fixed">{t('regionAdmin.policy.fixed')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
};

const History = ({
  policy,
  regionName,
  today,
}: {
  policy: PolicyOverview;
  regionName: string;
  today: string;
}) => {
  const { t, language } = useI18n();
  const valueText = useValueText();
  return (
    <section className="section" aria-labelledby="policy-history">
      <h2 id="policy-history">{t('regionAdmin.policy.history.title')}</h2>
      {policy.changes.length === 0 ? (
        <p className="muted">{t('regionAdmin.policy.history.empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="policy-history-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="policy-history-caption">{t('regionAdmin.policy.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('regionAdmin.policy.history.effectiveFrom')}</th>
                <th scope="col">{t('regionAdmin.policy.history.scope')}</th>
                <th scope="col">{t('regionAdmin.policy.history.changes')}</th>
                <th scope="col">{t('regionAdmin.policy.history.reason')}</th>
                <th scope="col">{t('regionAdmin.policy.history.recorded')}</th>
              </tr>
            </thead>
            <tbody>
              {policy.changes.map((change) => {
                const scheduled = dateOfInstant(change.effectiveFrom) > today;
                return (
                  <tr key={change.id} data-policy-change={change.id}>
                    <th scope="row">
                      {formatInstant(change.effectiveFrom, language)}
                      <br />
                      <span className={scheduled ? 'badge admin-scheduled' : 'badge'}>
                        {t(
                          scheduled
                            ? 'regionAdmin.policy.history.scheduled'
                            : 'regionAdmin.policy.history.inForce',
                        )}
                      </span>
                    </th>
                    <td>
                      {change.region === null ? t('regionAdmin.policy.history.nationwide') : regionName}
                    </td>
                    <td>
                      <ul className="admin-plain-list">
                        {Object.entries(change.set).map(([key, value]) => (
                          <li key={key}>
                            {fieldOf(key) === undefined ? key : t(`regionAdmin.policy.fields.${key}.label`)}:{' '}
                            <strong>{valueText(fieldOf(key), value)}</strong>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{change.reason}</td>
                    <td>{formatInstant(change.createdAt, language)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};

const FieldInput = ({
  field,
  value,
  onChange,
  error,
}: {
  field: PolicyField;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) => {
  const { t } = useI18n();
  const label = t(`regionAdmin.policy.fields.${field.key}.label`);
  const hint = field.fixed
    ? t('regionAdmin.policy.fixedNote')
    : `${t(`regionAdmin.policy.fields.${field.key}.meaning`)} (${field.rule})`;
  const { kind } = field;
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) =>
        kind.type === 'boolean' || kind.type === 'choice' ? (
          <select
            {...props}
            name={field.key}
            value={value}
            disabled={field.fixed}
            onChange={(event) => onChange(event.target.value)}
          >
            {(kind.type === 'boolean' ? ['true', 'false'] : kind.options).map((option) => (
              <option key={option} value={option}>
                {kind.type === 'boolean'
                  ? t(option === 'true' ? 'regionAdmin.yes' : 'regionAdmin.no')
                  : t(`regionAdmin.policy.choices.${field.key}.${option}`)}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...props}
            name={field.key}
            value={value}
            readOnly={field.fixed}
            aria-readonly={field.fixed ? true : undefined}
            inputMode={kind.type === 'integer' ? 'numeric' : undefined}
            type={kind.type === 'time' ? 'time' : 'text'}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
};

const initialDraft = (inForce: PolicyOverview['inForce']): Record<string, string> =>
  Object.fromEntries(POLICY_FIELDS.map((field) => [field.key, draftText(inForce[field.key])]));

const ScheduleForm = ({
  policy,
  region,
  regionName,
  today,
  onScheduled,
}: {
  policy: PolicyOverview;
  region: string;
  regionName: string;
  today: string;
  onScheduled: (message: string) => void;
}) => {
  const { t, language } = useI18n();
  const valueText = useValueText();
  const earliest = nextDate(today);
  const [draft, setDraft] = useState(() => initialDraft(policy.inForce));
  const [effectiveFrom, setEffectiveFrom] = useState(earliest);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<PolicyDraftError[]>([]);
  const [formProblem, setFormProblem] = useState<{ date?: boolean; reason?: boolean; nothing?: boolean }>({});
  const [review, setReview] = useState<Record<string, Value> | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const errorOf = (field: PolicyField): string | undefined => {
    const found = errors.find((error) => error.key === field.key);
    if (found === undefined) {
      return failure?.field === `set.${field.key}` ? t('regionAdmin.policy.form.errors.choice') : undefined;
    }
    return t(`regionAdmin.policy.form.errors.${found.problem}`, {
      min: field.kind.type === 'integer' ? field.kind.min : 0,
    });
  };

  const onReview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(undefined);
    const { set, errors: found } = policyChangeFromDraft(draft, policy.inForce);
    const problems = {
      date: !/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) || effectiveFrom <= today,
      reason: reason.trim().length < 3,
      nothing: found.length === 0 && Object.keys(set).length === 0,
    };
    setErrors(found);
    setFormProblem(problems);
    if (found.length > 0 || problems.date || problems.reason || problems.nothing) return;
    setReview(set);
  };

  const onConfirm = async () => {
    if (review === undefined) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await schedulePolicyChange({ region, effectiveFrom, set: review, reason: reason.trim() });
      onScheduled(t('regionAdmin.policy.form.done', { date: formatLocalDate(effectiveFrom, language) }));
    } catch (error) {
      setFailure(toApiError(error));
      setReview(undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="policy-schedule">
      <h2 id="policy-schedule">{t('regionAdmin.policy.form.title')}</h2>
      <p>{t('regionAdmin.policy.form.intro')}</p>
      {review === undefined ? (
        <form className="form" noValidate onSubmit={onReview} data-testid="policy-form">
          <Field
            label={t('regionAdmin.policy.form.effectiveFrom')}
            hint={t('regionAdmin.policy.form.effectiveFromHint', {
              date: formatLocalDate(earliest, language),
            })}
            error={
              formProblem.date === true || failure?.field === 'effectiveFrom'
                ? t('regionAdmin.policy.form.errors.date')
                : undefined
            }
          >
            {(props) => (
              <input
                {...props}
                type="date"
                name="effectiveFrom"
                min={earliest}
                value={effectiveFrom}
                onChange={(event) => setEffectiveFrom(event.target.value)}
              />
            )}
          </Field>
          {GROUPS.map((group) => (
            <fieldset key={group} className="fieldset">
              <legend>{t(`regionAdmin.policy.groups.${group}`)}</legend>
              {POLICY_FIELDS.filter((field) => field.group === group).map((field) => (
                <FieldInput
                  key={field.key}
                  field={field}
                  value={draft[field.key] ?? ''}
                  error={errorOf(field)}
                  onChange={(value) => setDraft((previous) => ({ ...previous, [field.key]: value }))}
                />
              ))}
            </fieldset>
          ))}
          <Field
            label={t('regionAdmin.policy.form.reason')}
            hint={t('regionAdmin.policy.form.reasonHint')}
            error={
              formProblem.reason === true || failure?.field === 'reason'
                ? t('regionAdmin.policy.form.errors.reason')
                : undefined
            }
          >
            {(props) => (
              <textarea
                {...props}
                name="reason"
                rows={2}
                maxLength={500}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            )}
          </Field>
          {formProblem.nothing === true && (
            <p className="warning" role="alert">
              {t('regionAdmin.policy.form.errors.nothing')}
            </p>
          )}
          <FormError error={failure} />
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('regionAdmin.policy.form.review')}
            </button>
          </div>
        </form>
      ) : (
        <div className="card" data-testid="policy-review">
          <h3 tabIndex={-1}>{t('regionAdmin.policy.form.reviewTitle')}</h3>
          <p>
            {t('regionAdmin.policy.form.reviewIntro', {
              date: formatLocalDate(effectiveFrom, language),
              region: regionName,
            })}
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('regionAdmin.policy.setting')}</th>
                  <th scope="col">{t('regionAdmin.policy.form.from')}</th>
                  <th scope="col">{t('regionAdmin.policy.form.to')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(review).map(([key, value]) => (
                  <tr key={key}>
                    <th scope="row">{t(`regionAdmin.policy.fields.${key}.label`)}</th>
                    <td>{valueText(fieldOf(key), policy.inForce[key])}</td>
                    <td>
                      <strong>{valueText(fieldOf(key), value)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {t('regionAdmin.policy.history.reason')}: {reason.trim()}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void onConfirm()}
            >
              {t('regionAdmin.policy.form.confirm')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setReview(undefined)}>
              {t('regionAdmin.back')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
};

/** The region shown: `?region=` when it names one of the territory's regions, else the first. */
export const pickRegion = (
  territory: Territory,
  search: string,
): Territory['regions'][number] | undefined => {
  const wanted = new URLSearchParams(search).get('region');
  return territory.regions.find((region) => region.kato === wanted) ?? territory.regions[0];
};

export const RegionSelect = ({
  territory,
  region,
  path,
}: {
  territory: Territory;
  region: string;
  path: string;
}) => {
  const { t, language } = useI18n();
  if (territory.regions.length < 2) return null;
  return (
    <div className="field admin-region">
      <label htmlFor="admin-region">{t('regionAdmin.region')}</label>
      <select
        id="admin-region"
        value={region}
        onChange={(event) => navigate(`${path}?region=${event.target.value}`)}
      >
        {territory.regions.map((option) => (
          <option key={option.kato} value={option.kato}>
            {localizedName(option.name, language)}
          </option>
        ))}
      </select>
    </div>
  );
};

const PolicyBody = ({ access }: { access: AdminAccess }) => {
  const { t, language } = useI18n();
  const { search } = useLocation();
  const territory = useResource('admin-territory', (signal) => fetchTerritory(signal));
  const region = territory.data === undefined ? undefined : pickRegion(territory.data, search);
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState('');
  const policy = useResource(`admin-policy:${region?.kato ?? ''}:${version}`, (signal) =>
    region === undefined ? Promise.resolve(undefined) : fetchPolicy(region.kato, signal),
  );
  const today = nationalDate(Date.now());
  const regionName = region === undefined ? '' : localizedName(region.name, language);
  return (
    <>
      <h1 tabIndex={-1}>{t('regionAdmin.policy.title')}</h1>
      <ReadOnlyNotice access={access} />
      <p className="lead">{t('regionAdmin.policy.intro')}</p>
      {territory.data !== undefined && region !== undefined && (
        <>
          <RegionSelect territory={territory.data} region={region.kato} path="/admin/policy" />
          <p>
            {t('regionAdmin.region')}: <strong>{regionName}</strong> ({region.kato})
          </p>
        </>
      )}
      <div aria-live="polite" data-state={policy.status}>
        {territory.status === 'error' && <ErrorState error={territory.error} onRetry={territory.retry} />}
        {policy.status === 'error' && <ErrorState error={policy.error} onRetry={policy.retry} />}
        {(territory.status === 'loading' || (policy.status === 'loading' && policy.data === undefined)) && (
          <Loading />
        )}
      </div>
      {policy.data !== undefined && region !== undefined && (
        <>
          <InForce policy={policy.data} />
          <History policy={policy.data} regionName={regionName} today={today} />
          <p className="form-saved" aria-live="polite" data-testid="policy-done">
            {done}
          </p>
          {access.canWrite && (
            <ScheduleForm
              key={`${region.kato}:${version}`}
              policy={policy.data}
              region={region.kato}
              regionName={regionName}
              today={today}
              onScheduled={(message) => {
                setDone(message);
                setVersion((n) => n + 1);
              }}
            />
          )}
        </>
      )}
    </>
  );
};

export const PolicyPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('regionAdmin.policy.title'));
  return (
    <AdminGate title={t('regionAdmin.policy.title')} auditorMayRead>
      {(access) => <PolicyBody access={access} />}
    </AdminGate>
  );
};
