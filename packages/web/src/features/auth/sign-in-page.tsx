import { useState } from 'react';
import type { FormEvent } from 'react';
import { logInApplicant, requestChallenge } from '../../api/auth';
import { NcaLayerError, type NcaLayerFailure } from '../../api/ncalayer';
import { signText } from '../../api/signing';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { Link, navigate } from '../../app/router';
import { useSession, useSigner } from '../../app/session';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n';
import { digitsOnly, iinProblem } from './iin-input';

/**
 * Parent sign-in with an electronic signature: the server issues a one-time text, the signature over it proves
 * the IIN. The challenge says who signs: NCALayer on the parent's computer, or on a development server its
 * DEVELOPMENT stand-in.
 */
export const SignInPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('auth.parentTitle'));
  const { adopt } = useSession();
  const signer = useSigner();
  const [iin, setIin] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [ncaFailure, setNcaFailure] = useState<NcaLayerFailure>();
  const problem = iinProblem(iin);
  const showProblem = touched || iin.length === 12 ? problem : undefined;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (problem !== undefined) return;
    setBusy(true);
    setFailure(undefined);
    setNcaFailure(undefined);
    try {
      const challenge = await requestChallenge(iin);
      const signature = await signText(challenge.payload, iin, challenge.signer, 'AUTHENTICATION');
      adopt(await logInApplicant(challenge.challengeId, signature));
      navigate('/my');
    } catch (error) {
      if (error instanceof NcaLayerError) setNcaFailure(error.failure);
      else setFailure(toApiError(error));
      setBusy(false);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('auth.parentTitle')}</h1>
      <p className="lead">{t('auth.parentIntro')}</p>
      <form className="form narrow" noValidate onSubmit={(event) => void onSubmit(event)}>
        <Field
          label={t('auth.iin')}
          hint={t('auth.iinHint')}
          error={showProblem === undefined ? undefined : t(`iin.${showProblem}`)}
        >
          {(props) => (
            <input
              {...props}
              name="iin"
              inputMode="numeric"
              autoComplete="off"
              value={iin}
              onChange={(event) => setIin(digitsOnly(event.target.value))}
              onBlur={() => setTouched(true)}
            />
          )}
        </Field>
        {signer === 'development' && <p className="notice">{t('auth.devSignatureNotice')}</p>}
        <FormError error={failure} />
        {ncaFailure !== undefined && (
          <p className="form-error" role="alert" data-testid="ncalayer-failure">
            {t(`account.ncalayer.${ncaFailure}`)}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.signWithEds')}
        </button>
      </form>
      <p>
        <Link to="/staff/signin">{t('auth.staffLink')}</Link>
      </p>
    </>
  );
};
