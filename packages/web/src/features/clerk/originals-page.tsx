import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ConfirmReferral, ReferralView } from '@kezek/contracts';
import { daysBetween, instantFromEpochMs, localDate, localDateOf } from '@kezek/domain';
import { confirmOriginals, fetchReferralsAwaitingOriginals } from '../../api/clerk';
import { toApiError, type ApiError } from '../../api/client';
import { FormError } from '../../app/form';
import { RequireActor } from '../../app/require-actor';
import { Link } from '../../app/router';
import { EmptyState, Pending } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useNow } from '../../app/use-now';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatLocalDate, localizedName } from '../../i18n/format';

type Result = ConfirmReferral['result'];
const RESULTS: readonly Result[] = ['confirmed', 'privilegeNotConfirmed', 'identityNotConfirmed'];

/** Whole days from today (national time) to the originals' last day: 0 on the last day itself. */
export const daysLeft = (confirmBy: string, nowMs: number): number =>
  daysBetween(localDateOf(instantFromEpochMs(nowMs)), localDate(confirmBy));

/** R-REF-07, R-REF-08: the result of the check, chosen with what it does; a negative one asks again. */
const CheckForm = ({ referral, onDone }: { referral: ReferralView; onDone: (number: string) => void }) => {
  const { t } = useI18n();
  const [result, setResult] = useState<Result>();
  const [missing, setMissing] = useState(false);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  const record = async (chosen: Result) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await confirmOriginals(referral.id, { result: chosen });
      onDone(referral.number);
    } catch (error) {
      setFailure(toApiError(error));
      setAsking(false);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (result === undefined) {
      setMissing(true);
      return;
    }
    if (result === 'confirmed') void record(result);
    else setAsking(true);
  };
  const name = `result-${referral.id}`;
  return (
    <form className="originals-check" noValidate onSubmit={submit}>
      <fieldset className="fieldset" aria-describedby={missing ? `${name}-error` : undefined}>
        <legend>{t('clerkDesk.originals.result')}</legend>
        {RESULTS.map((value) => (
          <div className="choice" key={value}>
            <input
              type="radio"
              id={`${name}-${value}`}
              name={name}
              value={value}
              checked={result === value}
              onChange={() => {
                setResult(value);
                setMissing(false);
                setAsking(false);
              }}
            />
            <label htmlFor={`${name}-${value}`}>
              <strong>{t(`clerkDesk.originals.results.${value}`)}</strong>
              <span className="field-hint">{t(`clerkDesk.originals.explain.${value}`)}</span>
            </label>
          </div>
        ))}
        {missing && (
          <p id={`${name}-error`} className="field-error">
            {t('clerkDesk.originals.choose')}
          </p>
        )}
      </fieldset>
      <FormError error={failure} />
      {asking && result !== undefined ? (
        <div role="group" aria-label={t('clerkDesk.originals.sure')} className="button-row">
          <p className="warning">{t('clerkDesk.originals.sure')}</p>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => void record(result)}
          >
            {t('clerkDesk.originals.yes')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
            {t('clerkDesk.originals.no')}
          </button>
        </div>
      ) : (
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('clerkDesk.originals.record')}
        </button>
      )}
    </form>
  );
};

const ReferralCard = ({ referral, onDone }: { referral: ReferralView; onDone: (number: string) => void }) => {
  const { t, language } = useI18n();
  const now = useNow(60_000);
  const left = referral.confirmBy === null ? undefined : daysLeft(referral.confirmBy, now);
  return (
    <li className="card originals-card" data-referral={referral.number}>
      <h2 className="card-title">{t('clerkDesk.originals.referral', { number: referral.number })}</h2>
      <dl className="facts">
        <div>
          <dt>{t('clerkDesk.originals.child')}</dt>
          <dd>{referral.child.fullName}</dd>
        </div>
        <div>
          <dt>{t('clerkDesk.originals.application')}</dt>
          <dd>
            <Link to={`/clerk/applications/${referral.applicationId}`}>{referral.applicationNumber}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('clerkDesk.originals.kindergarten')}</dt>
          <dd>
            {localizedName(referral.kindergarten.name, language)} · {referral.group.ageGroup}
          </dd>
        </div>
        {referral.confirmBy !== null && left !== undefined && (
          <div>
            <dt>{t('clerkDesk.originals.confirmBy')}</dt>
            <dd data-testid="confirm-by" data-days-left={left}>
              {formatLocalDate(referral.confirmBy, language)} ·{' '}
              {left <= 0
                ? t('clerkDesk.originals.today')
                : t('clerkDesk.originals.daysLeft', { count: left })}
            </dd>
          </div>
        )}
      </dl>
      <CheckForm referral={referral} onDone={onDone} />
    </li>
  );
};

const Originals = () => {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState<string>();
  const list = useResource(`clerk-originals/${version}`, (signal) => fetchReferralsAwaitingOriginals(signal));
  const recorded = (number: string) => {
    setDone(number);
    setVersion((n) => n + 1);
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('clerkDesk.originals.title')}</h1>
      <p className="lead">{t('clerkDesk.originals.lead')}</p>
      <p className="form-saved" role="status" data-testid="originals-saved">
        {done === undefined ? '' : t('clerkDesk.originals.done', { number: done })}
      </p>
      {list.data === undefined ? (
        <Pending resource={list} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('clerkDesk.originals.none')} />
      ) : (
        <ul className="cards originals-list" data-testid="originals">
          {list.data.items.map((referral) => (
            <ReferralCard key={referral.id} referral={referral} onDone={recorded} />
          ))}
        </ul>
      )}
    </>
  );
};

/** §22 ¶2, R-REF-07, R-REF-08: the district clerk's check of the originals shown after a referral. */
export const OriginalsPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('clerkDesk.originals.title'));
  return <RequireActor audience="staff">{() => <Originals />}</RequireActor>;
};
