import { useState } from 'react';
import type { AdmissionCase } from '@kezek/contracts';
import { admissionDecisionPayload, DEVELOPMENT_STAFF_SIGNER_IIN } from '@kezek/contracts';
import { toApiError, type ApiError } from '../../api/client';
import { NcaLayerError, type NcaLayerFailure } from '../../api/ncalayer';
import { signText } from '../../api/signing';
import { FormError } from '../../app/form';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { AdmissionDocumentList, useKindName } from '../parent/admission-documents';

type Decision = Parameters<typeof admissionDecisionPayload>[0];

/**
 * R-ADM-03: a decision on a portal request carries the kindergarten's EDS over the decision's text — NCALayer's
 * signing key, or on a development server its stand-in. An office request (no portal request) is signed on paper.
 */
export const decisionSignature = async (
  admission: AdmissionCase | undefined,
  decision: Decision,
): Promise<{ signature?: string }> =>
  admission === undefined || admission.request === null
    ? {}
    : {
        signature: await signText(
          admissionDecisionPayload(decision),
          DEVELOPMENT_STAFF_SIGNER_IIN,
          admission.signer,
          'SIGNATURE',
        ),
      };

/** A decision's failure: the API's refusal, or NCALayer's (not running, cancelled, refused, timed out). */
export const useDecisionFailure = () => {
  const { t } = useI18n();
  const [failure, setFailure] = useState<ApiError>();
  const [ncaLayer, setNcaLayer] = useState<NcaLayerFailure>();
  const fail = (error: unknown) => {
    setNcaLayer(error instanceof NcaLayerError ? error.failure : undefined);
    setFailure(error instanceof NcaLayerError ? undefined : toApiError(error));
  };
  const message = (
    <>
      <FormError error={failure} />
      {ncaLayer !== undefined && (
        <p className="form-error" role="alert" data-testid="ncalayer-failure">
          {t(`kgDesk.portal.ncalayer.${ncaLayer}`)}
        </p>
      )}
    </>
  );
  return { failure, fail, message };
};

/** The parent's portal request on a referral card: when it came, when its check is due, what it lacks. */
export const PortalRequest = ({ admission }: { admission: AdmissionCase }) => {
  const { t, language } = useI18n();
  const { request } = admission;
  if (request === null) return null;
  const kindName = useKindName();
  return (
    <div className="kg-portal-request" data-testid="kg-portal-request">
      <h3>{t('kgDesk.portal.title')}</h3>
      <p>
        {t('kgDesk.portal.received', {
          at: formatInstant(request.receivedAt, language),
          due: formatInstant(request.checkDueAt, language),
        })}
      </p>
      <AdmissionDocumentList documents={request.documents} />
      <p className={request.missing.length > 0 ? 'warning' : 'muted'}>
        {request.missing.length > 0
          ? t('kgDesk.portal.missing', { list: request.missing.map(kindName).join(', ') })
          : t('kgDesk.portal.complete')}
      </p>
      <p className="field-hint">{t('kgDesk.portal.signs')}</p>
    </div>
  );
};
