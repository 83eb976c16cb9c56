import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AdmissionCase, ReferralView, RequestAdmission } from '@kezek/contracts';
import { fetchAdmissionCase, requestAdmission } from '../../api/admission';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { Pending } from '../../app/status';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatLocalDate } from '../../i18n/format';
import { AdmissionDocumentList, useKindName, type AdmissionKind } from './admission-documents';

type Kind = AdmissionKind;
type Draft = Record<string, { reference: string; issuedOn: string }>;

/** The e-copies the parent may send: the required ones first, then the birth certificate (optional). */
const kindsOf = (admission: AdmissionCase): Kind[] => [
  ...admission.required,
  ...(['birthCertificate'] as const).filter((kind) => !admission.required.includes(kind)),
];

/** R-ADM-01: the body of the request, or the required kinds left without a reference. */
export const admissionBody = (
  admission: AdmissionCase,
  draft: Draft,
): { ok: true; body: RequestAdmission } | { ok: false; missing: Kind[] } => {
  const missing = admission.required.filter((kind) => (draft[kind]?.reference.trim() ?? '') === '');
  if (missing.length > 0) return { ok: false, missing };
  const documents = kindsOf(admission).flatMap((kind) => {
    const entry = draft[kind];
    const reference = entry?.reference.trim() ?? '';
    if (entry === undefined || reference === '') return [];
    return [{ kind, reference, ...(entry.issuedOn === '' ? {} : { issuedOn: entry.issuedOn }) }];
  });
  return { ok: true, body: { documents } };
};

const SendForm = ({
  admission,
  onSent,
}: {
  admission: AdmissionCase;
  onSent: (next: AdmissionCase) => void;
}) => {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>({});
  const [missing, setMissing] = useState<readonly Kind[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  const set = (kind: Kind, change: Partial<Draft[string]>) =>
    setDraft({ ...draft, [kind]: { reference: '', issuedOn: '', ...draft[kind], ...change } });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = admissionBody(admission, draft);
    if (!checked.ok) {
      setMissing(checked.missing);
      return;
    }
    setMissing([]);
    setBusy(true);
    setFailure(undefined);
    try {
      onSent(await requestAdmission(admission.referralId, checked.body));
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form admission-request" noValidate onSubmit={(event) => void submit(event)}>
      {kindsOf(admission).map((kind) => {
        const required = admission.required.includes(kind);
        return (
          <fieldset key={kind} className="fieldset" data-kind={kind}>
            <legend>{t(`placement.admission.kinds.${kind}`)}</legend>
            {!required && <p className="field-hint">{t('placement.admission.optional')}</p>}
            <Field
              label={t('placement.admission.referenceHint')}
              error={missing.includes(kind) ? t('placement.admission.referenceRequired') : undefined}
            >
              {(props) => (
                <input
                  {...props}
                  name={`reference-${kind}`}
                  required={required}
                  value={draft[kind]?.reference ?? ''}
                  onChange={(e) => set(kind, { reference: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('placement.admission.issuedOn')}>
              {(props) => (
                <input
                  {...props}
                  name={`issuedOn-${kind}`}
                  type="date"
                  value={draft[kind]?.issuedOn ?? ''}
                  onChange={(e) => set(kind, { issuedOn: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
        );
      })}
      <FormError error={failure} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('placement.admission.send')}
      </button>
    </form>
  );
};

/** What the parent sent and what the kindergarten decided (R-ADM-03: the decision is EDS-signed). */
const CaseView = ({ admission }: { admission: AdmissionCase }) => {
  const { t, language } = useI18n();
  const { request, decision } = admission;
  const kindName = useKindName();
  return (
    <>
      {request !== null && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('placement.admission.receivedAt')}</dt>
              <dd>{formatInstant(request.receivedAt, language)}</dd>
            </div>
            <div>
              <dt>{t('placement.admission.registeredOn')}</dt>
              <dd>{formatLocalDate(request.registeredOn, language)}</dd>
            </div>
            <div>
              <dt>{t('placement.admission.checkDueAt')}</dt>
              <dd>{formatInstant(request.checkDueAt, language)}</dd>
            </div>
          </dl>
          <h3>{t('placement.admission.documents')}</h3>
          <AdmissionDocumentList documents={request.documents} />
          <p className={request.missing.length > 0 ? 'warning' : 'muted'} data-testid="admission-missing">
            {request.missing.length > 0
              ? t('placement.admission.missing', { list: request.missing.map(kindName).join(', ') })
              : t('placement.admission.complete')}
          </p>
        </>
      )}
      {decision === null ? (
        request !== null && <p className="notice">{t('placement.admission.waiting')}</p>
      ) : (
        <div className="admission-decision" data-decision={decision.decision}>
          <h3>{t('placement.admission.decision')}</h3>
          <p>
            {decision.decision === 'admitted'
              ? t('placement.admission.admitted', {
                  number: decision.contractNumber ?? '—',
                  date:
                    decision.contractDate === null ? '—' : formatLocalDate(decision.contractDate, language),
                })
              : t('placement.admission.refused', {
                  reason: t(`kgDesk.refusal.${decision.reason ?? 'missingDocuments'}`),
                })}
          </p>
          <p className="muted" data-testid="admission-signed">
            {decision.signed
              ? t('placement.admission.signed', { iin: decision.signerIin ?? '—' })
              : t('placement.admission.paper')}
          </p>
        </div>
      )}
    </>
  );
};

/**
 * Service 2 on the portal (R-ADM-01, R-ADM-03): on a running referral the parent sends the e-copies of the
 * admission documents, then sees what is missing, when the check is due and the kindergarten's signed decision.
 */
export const AdmissionSection = ({ referral }: { referral: ReferralView }) => {
  const { t, language } = useI18n();
  const loaded = useResource(`admission:${referral.id}`, (signal) => fetchAdmissionCase(referral.id, signal));
  const [sent, setSent] = useState<AdmissionCase>();
  const admission = sent ?? loaded.data;
  const live = referral.status === 'issued' || referral.status === 'extended';
  const canSend = live && referral.phase === 'running' && admission?.request === null;
  if (!live && (admission === undefined || admission.decision === null)) return null;
  return (
    <section className="section" aria-labelledby="admission-heading" data-testid="admission">
      <h2 id="admission-heading">{t('placement.admission.title')}</h2>
      {admission === undefined ? (
        <Pending resource={loaded} />
      ) : (
        <>
          {sent !== undefined && sent.request !== null && (
            <p className="form-saved" role="status">
              {t('placement.admission.sent', { date: formatInstant(sent.request.checkDueAt, language) })}
            </p>
          )}
          {canSend && <p>{t('placement.admission.intro')}</p>}
          {live && referral.phase !== 'running' && <p className="muted">{t('placement.admission.notYet')}</p>}
          {canSend ? <SendForm admission={admission} onSent={setSent} /> : <CaseView admission={admission} />}
        </>
      )}
    </section>
  );
};
