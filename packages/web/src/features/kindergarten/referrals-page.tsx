import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AdmissionCase, RefuseAdmission, ReferralView } from '@kezek/contracts';
import { fetchAdmissionCase } from '../../api/admission';
import { admit, fetchReferredChildren, refuse } from '../../api/kindergarten';
import { Field } from '../../app/form';
import { RequireActor } from '../../app/require-actor';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { decisionSignature, PortalRequest, useDecisionFailure } from './portal-request';
import type { Saved } from './saved';
import { formatLocalDate } from '../../i18n/format';

const REFUSALS = [
  'missingDocuments',
  'expiredDocuments',
  'medicalContraindication',
] as const satisfies readonly RefuseAdmission['reason'][];

type Decision = 'admit' | 'refuse';

/** R-ADM-02, R-ADM-05, R-ADM-09: admission on a contract after the document check (Annex 4). */
type DecisionProps = {
  referral: ReferralView;
  admission: AdmissionCase | undefined;
  onDone: (message: Saved) => void;
};

const AdmitForm = ({ referral, admission, onDone }: DecisionProps) => {
  const { t } = useI18n();
  const [contractNumber, setContractNumber] = useState('');
  const [contractDate, setContractDate] = useState('');
  const [certificate, setCertificate] = useState('');
  const [missing, setMissing] = useState(false);
  const { failure, fail, message } = useDecisionFailure();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (contractNumber.trim() === '' || contractDate === '' || certificate === '') {
      setMissing(true);
      return;
    }
    try {
      const contract = { contractNumber: contractNumber.trim(), contractDate };
      const signed = await decisionSignature(admission, {
        referralNumber: referral.number,
        decision: 'admitted',
        ...contract,
      });
      await admit(referral.id, { ...contract, healthCertificateIssuedOn: certificate, ...signed });
      onDone({ key: 'kgDesk.referrals.admitted' });
    } catch (error) {
      fail(error);
    }
  };
  const required = (value: string) =>
    missing && value.trim() === '' ? t('kgDesk.referrals.required') : undefined;
  const fieldError = (name: string) =>
    failure?.field === name ? t(`apiError.code.${failure.code}`) : undefined;
  return (
    <form className="form narrow kg-decision" onSubmit={(event) => void submit(event)} noValidate>
      <Field label={t('kgDesk.referrals.contractNumber')} error={required(contractNumber)}>
        {(props) => (
          <input
            {...props}
            name="contractNumber"
            value={contractNumber}
            onChange={(e) => setContractNumber(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('kgDesk.referrals.contractDate')} error={required(contractDate)}>
        {(props) => (
          <input
            {...props}
            name="contractDate"
            type="date"
            value={contractDate}
            onChange={(e) => setContractDate(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('kgDesk.referrals.healthCertificate')}
        error={required(certificate) ?? fieldError('healthCertificateIssuedOn')}
      >
        {(props) => (
          <input
            {...props}
            name="healthCertificateIssuedOn"
            type="date"
            value={certificate}
            onChange={(e) => setCertificate(e.target.value)}
          />
        )}
      </Field>
      {message}
      <button type="submit" className="button">
        {t('kgDesk.referrals.confirmAdmit')}
      </button>
    </form>
  );
};

/** §34, R-ADM-04: a refusal on a legal ground; the place goes back to the bulletin, the application to the queue. */
const RefuseForm = ({ referral, admission, onDone }: DecisionProps) => {
  const { t } = useI18n();
  const [reason, setReason] = useState<RefuseAdmission['reason']>('missingDocuments');
  const { fail, message } = useDecisionFailure();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const signed = await decisionSignature(admission, {
        referralNumber: referral.number,
        decision: 'refused',
        reason,
      });
      await refuse(referral.id, { reason, ...signed });
      onDone({ key: 'kgDesk.referrals.refused' });
    } catch (error) {
      fail(error);
    }
  };
  return (
    <form className="form narrow kg-decision" onSubmit={(event) => void submit(event)}>
      <Field label={t('kgDesk.referrals.refusalReason')}>
        {(props) => (
          <select
            {...props}
            name="reason"
            value={reason}
            onChange={(e) =>
              setReason(REFUSALS.find((value) => value === e.target.value) ?? 'missingDocuments')
            }
          >
            {REFUSALS.map((value) => (
              <option key={value} value={value}>
                {t(`kgDesk.refusal.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {message}
      <button type="submit" className="button button-danger">
        {t('kgDesk.referrals.confirmRefuse')}
      </button>
    </form>
  );
};

const ReferralCard = ({ referral, onDone }: { referral: ReferralView; onDone: (message: Saved) => void }) => {
  const { t, language } = useI18n();
  const [decision, setDecision] = useState<Decision>();
  const running = referral.phase === 'running';
  const admission = useResource(`kg-admission/${referral.id}/${referral.version}`, (signal) =>
    fetchAdmissionCase(referral.id, signal),
  ).data;
  return (
    <li className="card kg-referral" data-referral={referral.number}>
      <h2 className="card-title">
        {t('kgDesk.referrals.number')} № {referral.number}
      </h2>
      <p className="kg-child" data-testid="kg-child">
        {t('kgDesk.referrals.child', {
          name: referral.child.fullName,
          date: formatLocalDate(referral.child.birthDate, language),
        })}
      </p>
      <p>
        {t('kgDesk.referrals.application')} № {referral.applicationNumber} · {referral.group.ageGroup}
      </p>
      <p>
        {running && referral.validUntil !== null
          ? t('kgDesk.referrals.validUntil', { date: formatLocalDate(referral.validUntil, language) })
          : t('kgDesk.referrals.waiting')}
      </p>
      {running && (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            aria-pressed={decision === 'admit'}
            onClick={() => setDecision('admit')}
          >
            {t('kgDesk.referrals.admit')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={decision === 'refuse'}
            onClick={() => setDecision('refuse')}
          >
            {t('kgDesk.referrals.refuse')}
          </button>
        </div>
      )}
      {admission !== undefined && <PortalRequest admission={admission} />}
      {decision === 'admit' && <AdmitForm referral={referral} admission={admission} onDone={onDone} />}
      {decision === 'refuse' && <RefuseForm referral={referral} admission={admission} onDone={onDone} />}
    </li>
  );
};

const Referrals = () => {
  const { t } = useI18n();
  const [saved, setSaved] = useState<Saved>();
  const [version, setVersion] = useState(0);
  const list = useResource(`kg-referrals/${version}`, (signal) => fetchReferredChildren(signal));
  const done = (message: Saved) => {
    setSaved(message);
    setVersion((n) => n + 1);
  };
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{t('kgDesk.referrals.title')}</h1>
      </div>
      <p className="lead">{t('kgDesk.referrals.lead')}</p>
      {saved !== undefined && (
        <p className="form-saved" role="status" data-testid="kg-saved">
          {t(saved.key, saved.options)}
        </p>
      )}
      {list.status === 'error' && list.data === undefined ? (
        <ErrorState error={list.error} onRetry={list.retry} />
      ) : list.data === undefined ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('kgDesk.referrals.none')} />
      ) : (
        <ul className="cards" data-testid="kg-referrals">
          {list.data.items.map((referral) => (
            <ReferralCard key={referral.id} referral={referral} onDone={done} />
          ))}
        </ul>
      )}
    </>
  );
};

export const ReferralsPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('kgDesk.referrals.title'));
  return <RequireActor audience="staff">{() => <Referrals />}</RequireActor>;
};
