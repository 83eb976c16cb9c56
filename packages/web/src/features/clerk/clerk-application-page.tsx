import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ApplicationView, AuditEntryView, VerifyApplication } from '@kezek/contracts';
import { CATEGORIES } from '@kezek/domain';
import { fetchApplication, fetchAuditTrail, setStopList, verifyApplication } from '../../api/applications';
import { toApiError, type ApiError } from '../../api/client';
import { fetchOverview } from '../../api/public';
import { Field, FormError } from '../../app/form';
import { RequireActor } from '../../app/require-actor';
import { Link } from '../../app/router';
import { ErrorState, Loading, PendingPage } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useNow } from '../../app/use-now';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatLocalDate } from '../../i18n/format';
import { StatusBadge, useQueueLabel } from '../parent/application-labels';
import { placeName } from '../registers/names';
import { SlaTimer } from './sla-timer';

type Reason = Extract<VerifyApplication, { result: 'rejected' }>['reason'];
/** Annex 3 grounds of a refusal; a Record so the compiler keeps it equal to the contract's list. */
const REASONS: Record<Reason, true> = {
  unreliableData: true,
  nonCompliance: true,
  noConsent: true,
  incompleteDocuments: true,
  expiredDocuments: true,
};
const REASON_CODES = Object.keys(REASONS) as Reason[];
const isReason = (value: string): value is Reason => value in REASONS;

const useCategoryLabel = () => {
  const { language } = useI18n();
  return (code: string) => CATEGORIES.find((category) => category.code === code)?.labels[language] ?? code;
};

/** A change was saved: the application after it, and the sentence that announces it. */
type Changed = (next: ApplicationView, message: string) => void;

const useAction = (onChanged: Changed) => {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const run = async (change: () => Promise<ApplicationView>, message: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      onChanged(await change(), message);
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
};

/** R-ELIG-11..15: confirm with the confirmed categories, or reject with an Annex 3 ground. */
const VerificationForm = ({
  application,
  onChanged,
}: {
  application: ApplicationView;
  onChanged: Changed;
}) => {
  const { t } = useI18n();
  const categoryLabel = useCategoryLabel();
  const [result, setResult] = useState<'confirmed' | 'rejected'>('confirmed');
  const [confirmed, setConfirmed] = useState<string[]>(application.pendingCategories);
  const [reason, setReason] = useState<Reason | ''>('');
  const [missing, setMissing] = useState('');
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, failure, run } = useAction(onChanged);
  const reasonMissing = result === 'rejected' && reason === '';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (reasonMissing) return;
    const body: VerifyApplication =
      result === 'confirmed'
        ? { result, version: application.version, confirmedCategories: confirmed }
        : {
            result,
            version: application.version,
            reason: reason === '' ? 'incompleteDocuments' : reason,
            missingDocuments: missing
              .split('\n')
              .map((line) => line.trim())
              .filter((line) => line !== ''),
            ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
          };
    void run(
      () => verifyApplication(application.id, body),
      t(result === 'confirmed' ? 'verify.confirmedDone' : 'verify.rejectedDone'),
    );
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('verify.title')}</h2>
      <fieldset className="fieldset">
        <legend>{t('verify.result')}</legend>
        {(['confirmed', 'rejected'] as const).map((value) => (
          <div className="choice" key={value}>
            <input
              type="radio"
              id={`result-${value}`}
              name="result"
              checked={result === value}
              onChange={() => setResult(value)}
            />
            <label htmlFor={`result-${value}`}>{t(`verify.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      {result === 'confirmed' && application.pendingCategories.length > 0 && (
        <fieldset className="fieldset">
          <legend>{t('verify.categories')}</legend>
          {application.pendingCategories.map((code) => (
            <div className="choice" key={code}>
              <input
                type="checkbox"
                id={`confirm-${code}`}
                checked={confirmed.includes(code)}
                onChange={(event) =>
                  setConfirmed(
                    event.target.checked ? [...confirmed, code] : confirmed.filter((c) => c !== code),
                  )
                }
              />
              <label htmlFor={`confirm-${code}`}>{categoryLabel(code)}</label>
            </div>
          ))}
        </fieldset>
      )}
      {result === 'rejected' && (
        <>
          <Field label={t('verify.reason')} error={touched && reasonMissing ? t('form.required') : undefined}>
            {(props) => (
              <select
                {...props}
                name="reason"
                value={reason}
                onChange={(event) => setReason(isReason(event.target.value) ? event.target.value : '')}
              >
                <option value="">{t('apply.choose')}</option>
                {REASON_CODES.map((code) => (
                  <option key={code} value={code}>
                    {t(`rejection.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('verify.missing')} hint={t('verify.missingHint')}>
            {(props) => (
              <textarea
                {...props}
                name="missingDocuments"
                rows={3}
                value={missing}
                onChange={(e) => setMissing(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('verify.comment')}>
            {(props) => (
              <textarea
                {...props}
                name="comment"
                rows={2}
                maxLength={500}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            )}
          </Field>
        </>
      )}
      <FormError error={failure} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('verify.submit')}
      </button>
    </form>
  );
};

/** R-SYS-12: put a queued application on the stop list with a reason, or lift it. */
const StopListForm = ({ application, onChanged }: { application: ApplicationView; onChanged: Changed }) => {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, failure, run } = useAction(onChanged);
  const on = application.status === 'queued';
  const reasonShort = on && reason.trim().length < 3;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (reasonShort) return;
    void run(
      () =>
        setStopList(
          application.id,
          on
            ? { on: true, reason: reason.trim() }
            : { on: false, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) },
        ),
      t(on ? 'stopList.onDone' : 'stopList.offDone'),
    );
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="stop-heading">
      <h2 id="stop-heading">{t('stopList.title')}</h2>
      <p className="field-hint">{t(on ? 'stopList.onHint' : 'stopList.offHint')}</p>
      <Field
        label={t('stopList.reason')}
        error={touched && reasonShort ? t('stopList.reasonShort') : undefined}
      >
        {(props) => (
          <input
            {...props}
            name="stopReason"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <FormError error={failure} />
      <button type="submit" className="button" disabled={busy}>
        {t(on ? 'stopList.on' : 'stopList.off')}
      </button>
    </form>
  );
};

const AUDIT_ACTIONS = [
  'application.submitted',
  'application.verified',
  'application.rejected',
  'application.modified',
  'application.categoriesChanged',
  'application.withdrawn',
  'application.stopListed',
  'application.stopListLifted',
  'application.interestConfirmed',
  'application.interestReminded',
  'application.archived',
] as const;
const actionKey = (action: string): string =>
  (AUDIT_ACTIONS as readonly string[]).includes(action)
    ? `audit.action.${action.replace('application.', '')}`
    : 'audit.action.other';

const cellText = (value: unknown): string =>
  Array.isArray(value)
    ? value.map(cellText).join(', ')
    : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);

/** The audit row's data as `key: value` pairs, leaving out empty values. */
const detailsOf = (data: Record<string, unknown>): string =>
  Object.entries(data)
    .filter(
      ([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    )
    .map(([key, value]) => `${key}: ${cellText(value)}`)
    .join('; ');

const AuditTrail = ({ id, version }: { id: string; version: number }) => {
  const { t, language } = useI18n();
  const trail = useResource(`audit:${id}:${version}`, (signal) => fetchAuditTrail(id, signal));
  const actor = (entry: AuditEntryView) =>
    entry.actor.name === null
      ? t(`audit.actor.${entry.actor.kind}`)
      : `${t(`audit.actor.${entry.actor.kind}`)}: ${entry.actor.name}`;
  return (
    <section className="section" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.title')}</h2>
      <div aria-live="polite">
        {trail.status === 'loading' && <Loading />}
        {trail.status === 'error' && <ErrorState error={trail.error} onRetry={trail.retry} />}
      </div>
      {trail.data !== undefined && (
        <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table className="data-table audit-table">
            <caption id="audit-caption">{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {trail.data.entries.map((entry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <td>{formatInstant(entry.at, language)}</td>
                  <td>{t(actionKey(entry.action))}</td>
                  <td>{actor(entry)}</td>
                  <td>{detailsOf(entry.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};

const ClerkApplication = ({ id }: { id: string }) => {
  const { t, language } = useI18n();
  const now = useNow();
  const queueLabel = useQueueLabel();
  const categoryLabel = useCategoryLabel();
  const loaded = useResource(`clerk-application:${id}`, (signal) => fetchApplication(id, signal));
  // The locality's name from the public overview (the KATO code itself while it loads or if it fails).
  const overview = useResource('overview', (signal) => fetchOverview(signal));
  const [latest, setLatest] = useState<ApplicationView | undefined>();
  const [notice, setNotice] = useState('');
  const application = latest !== undefined && latest.id === id ? latest : loaded.data;
  const changed: Changed = (next, message) => {
    setLatest(next);
    setNotice(message);
  };
  if (application === undefined) {
    return <PendingPage title={t('clerk.detailTitle')} resource={loaded} />;
  }
  const categories = (codes: readonly string[]) =>
    codes.length === 0 ? '—' : codes.map(categoryLabel).join('; ');
  return (
    <>
      <p>
        <Link to="/clerk">{t('clerk.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('parent.applicationNumber', { number: application.number })}</h1>
      <p>
        <StatusBadge status={application.status} />
        {application.statusReason !== null && <span className="muted"> · {application.statusReason}</span>}
      </p>
      <p className="form-saved" role="status" data-testid="notice">
        {notice}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('application.child')}</dt>
          <dd>
            {application.child.fullName} · {formatLocalDate(application.child.birthDate, language)}
            {application.child.iin !== null && ` · ${t('apply.iinShort', { iin: application.child.iin })}`}
          </dd>
        </div>
        <div>
          <dt>{t('application.applicant')}</dt>
          <dd>
            {application.applicant.fullName} · {t('apply.iinShort', { iin: application.applicant.iin })}
          </dd>
        </div>
        <div>
          <dt>{t('application.queue')}</dt>
          <dd>
            {queueLabel(application.queue)} · {application.birthYear} ·{' '}
            <span data-testid="settlement" data-kato={application.settlement}>
              {placeName(overview.data, application.settlement, language)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('application.categories')}</dt>
          <dd>{categories(application.categories)}</dd>
        </div>
        <div>
          <dt>{t('application.pendingCategories')}</dt>
          <dd>{categories(application.pendingCategories)}</dd>
        </div>
        <div>
          <dt>{t('application.channel')}</dt>
          <dd>{t(`channel.${application.channel}`)}</dd>
        </div>
        <div>
          <dt>{t('application.submittedAt')}</dt>
          <dd>{formatInstant(application.submittedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('clerk.checkDue')}</dt>
          <dd>
            {formatInstant(application.checkDueAt, language)}
            {application.status === 'pending' && (
              <>
                {' · '}
                <SlaTimer due={application.checkDueAt} now={now} />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('contacts.title')}</dt>
          <dd>
            {[...application.smsNumbers, application.email ?? ''].filter((c) => c !== '').join(', ') || '—'}
          </dd>
        </div>
      </dl>
      {application.status === 'pending' && <VerificationForm application={application} onChanged={changed} />}
      {(application.status === 'queued' || application.status === 'stopped') && (
        <StopListForm application={application} onChanged={changed} />
      )}
      <AuditTrail id={application.id} version={application.version} />
    </>
  );
};

export const ClerkApplicationPage = ({ id }: { id: string }) => {
  const { t } = useI18n();
  useDocumentTitle(t('clerk.detailTitle'));
  return <RequireActor audience="staff">{() => <ClerkApplication id={id} />}</RequireActor>;
};
