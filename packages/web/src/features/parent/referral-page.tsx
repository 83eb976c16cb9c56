import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Language, ReferralView } from '@kezek/contracts';
import { toApiError, type ApiError } from '../../api/client';
import { cancelReferral, extendReferral, fetchReferral, referralPdfHref } from '../../api/placement';
import { Field } from '../../app/form';
import { RequireActor } from '../../app/require-actor';
import { Link } from '../../app/router';
import { PendingPage } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useNow } from '../../app/use-now';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatLocalDate, localizedName } from '../../i18n/format';
import {
  EXTENSION_REASONS,
  canCancel,
  canExtend,
  validateExtension,
  type ExtensionDraft,
  type ExtensionProblems,
} from './placement';
import { AdmissionSection } from './admission-section';
import { RefusalMessage, ReferralStatusBadge } from './placement-parts';

/** A deadline the API gives as a national date (`2026-03-10`) or an instant. */
const formatMoment = (value: string, language: Language): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatLocalDate(value, language) : formatInstant(value, language);

const CancelAction = ({
  referral,
  onChanged,
}: {
  referral: ReferralView;
  onChanged: (r: ReferralView) => void;
}) => {
  const { t, language } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const cancel = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      onChanged(await cancelReferral(referral.id));
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <section className="section" aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t('placement.referral.cancelTitle')}</h2>
      <p>{t('placement.referral.cancelHint', { date: formatInstant(referral.cancelDeadline, language) })}</p>
      <RefusalMessage error={failure} title={t('form.refused')} />
      {confirming ? (
        <div role="group" aria-label={t('placement.referral.cancelConfirm')} className="button-row">
          <p className="warning">{t('placement.referral.cancelConfirm')}</p>
          <button
            type="button"
            className="button button-danger"
            data-testid="cancel-yes"
            disabled={busy}
            onClick={() => void cancel()}
          >
            {t('placement.referral.cancelYes')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('placement.referral.keep')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          data-testid="cancel-referral"
          onClick={() => setConfirming(true)}
        >
          {t('placement.referral.cancel')}
        </button>
      )}
    </section>
  );
};

const ExtendForm = ({
  referral,
  onChanged,
}: {
  referral: ReferralView;
  onChanged: (r: ReferralView) => void;
}) => {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ExtensionDraft>({ days: '', reason: '' });
  const [problems, setProblems] = useState<ExtensionProblems>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateExtension(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    setFailure(undefined);
    try {
      onChanged(await extendReferral(referral.id, checked.value));
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };
  const daysError =
    problems.days === 'required'
      ? t('placement.referral.daysRequired')
      : problems.days === 'range'
        ? t('placement.referral.daysRange')
        : undefined;
  return (
    <section className="section" aria-labelledby="extend-heading">
      <h2 id="extend-heading">{t('placement.referral.extendTitle')}</h2>
      <p>{t('placement.referral.extendHint')}</p>
      <form className="form placement-extend" noValidate onSubmit={(e) => void submit(e)}>
        <Field label={t('placement.referral.days')} hint={t('placement.referral.daysHint')} error={daysError}>
          {(props) => (
            <input
              {...props}
              name="days"
              type="number"
              inputMode="numeric"
              min={1}
              max={30}
              value={draft.days}
              onChange={(e) => setDraft({ ...draft, days: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('placement.referral.reason')}
          error={problems.reason === undefined ? undefined : t('placement.referral.reasonRequired')}
        >
          {(props) => (
            <select
              {...props}
              name="reason"
              value={draft.reason}
              onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
            >
              <option value="">{t('placement.referral.choose')}</option>
              {EXTENSION_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`placement.referral.reasons.${reason}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <RefusalMessage error={failure} title={t('form.refused')} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('placement.referral.extend')}
        </button>
      </form>
    </section>
  );
};

const ReferralDetail = ({ id }: { id: string }) => {
  const { t, language } = useI18n();
  const now = useNow(60_000);
  const loaded = useResource(`referral:${id}`, (signal) => fetchReferral(id, signal));
  const [latest, setLatest] = useState<
    { referral: ReferralView; message: 'extended' | 'cancelled' } | undefined
  >();
  const referral = latest !== undefined && latest.referral.id === id ? latest.referral : loaded.data;
  if (referral === undefined) {
    return <PendingPage title={t('placement.referral.title')} resource={loaded} />;
  }
  const cancellable = canCancel(referral, now);
  const extendable = canExtend(referral);
  return (
    <>
      <p>
        <Link to="/my">{t('placement.referral.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('placement.referrals.number', { number: referral.number })}</h1>
      <p>
        <ReferralStatusBadge status={referral.status} />
      </p>
      <p className="form-saved" role="status">
        {latest?.message === 'extended' &&
          t('placement.referral.extendedDone', {
            date: referral.validUntil === null ? '—' : formatLocalDate(referral.validUntil, language),
          })}
        {latest?.message === 'cancelled' && t('placement.referral.cancelled')}
      </p>
      <p className="notice" data-testid="referral-explain">
        {t(
          `placement.referrals.explain.${
            referral.status === 'issued' && referral.phase !== 'running' ? referral.phase : referral.status
          }`,
        )}
        {referral.extended && referral.status !== 'extended' ? ` ${t('placement.referral.extended')}` : ''}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('application.child')}</dt>
          <dd>{referral.child.fullName}</dd>
        </div>
        <div>
          <dt>{t('placement.referrals.kindergarten')}</dt>
          <dd>{localizedName(referral.kindergarten.name, language)}</dd>
        </div>
        <div>
          <dt>{t('placement.referrals.application')}</dt>
          <dd>
            <Link to={`/my/applications/${referral.applicationId}`}>{referral.applicationNumber}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('placement.referral.admission')}</dt>
          <dd>{t(`placement.place.admissions.${referral.admission}`)}</dd>
        </div>
        {(referral.status === 'issued' || referral.status === 'extended') && (
          <div>
            <dt>{t('placement.referral.statusLabel')}</dt>
            <dd>{t(`placement.referrals.phase.${referral.phase}`)}</dd>
          </div>
        )}
        <div>
          <dt>{t('placement.referrals.issuedAt')}</dt>
          <dd>{formatInstant(referral.issuedAt, language)}</dd>
        </div>
        {referral.validUntil !== null && (
          <div>
            <dt>{t('placement.referrals.validUntil')}</dt>
            <dd data-testid="valid-until" data-date={referral.validUntil}>
              {formatLocalDate(referral.validUntil, language)}
            </dd>
          </div>
        )}
        {referral.confirmBy !== null && (
          <div>
            <dt>{t('placement.referrals.confirmBy')}</dt>
            <dd>{formatMoment(referral.confirmBy, language)}</dd>
          </div>
        )}
        {cancellable && (
          <div>
            <dt>{t('placement.referrals.cancelDeadline')}</dt>
            <dd>{formatInstant(referral.cancelDeadline, language)}</dd>
          </div>
        )}
      </dl>
      <section className="section" aria-labelledby="pdf-heading">
        <h2 id="pdf-heading">{t('placement.referral.pdfTitle')}</h2>
        <p className="button-row">
          <a
            className="button"
            href={referralPdfHref(referral.id, 'kk')}
            download
            data-lang="kk"
            hrefLang="kk"
          >
            {t('placement.referral.pdfKk')}
          </a>
          <a
            className="button"
            href={referralPdfHref(referral.id, 'ru')}
            download
            data-lang="ru"
            hrefLang="ru"
          >
            {t('placement.referral.pdfRu')}
          </a>
        </p>
      </section>
      <AdmissionSection referral={referral} />
      {extendable && (
        <ExtendForm
          referral={referral}
          onChanged={(next) => setLatest({ referral: next, message: 'extended' })}
        />
      )}
      {cancellable && (
        <CancelAction
          referral={referral}
          onChanged={(next) => setLatest({ referral: next, message: 'cancelled' })}
        />
      )}
      {!extendable && !cancellable && <p className="muted">{t('placement.referral.noActions')}</p>}
    </>
  );
};

export const ReferralPage = ({ id }: { id: string }) => {
  const { t } = useI18n();
  useDocumentTitle(t('placement.referral.title'));
  return <RequireActor audience="applicant">{() => <ReferralDetail id={id} />}</RequireActor>;
};
