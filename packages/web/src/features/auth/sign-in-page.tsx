import { useState } from 'react';
import type { FormEvent } from 'react';
import { devSign, logInApplicant, requestChallenge } from '../../api/auth';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n';
import { digitsOnly, iinProblem } from './iin-input';

/**
 * Parent sign-in with an electronic signature: the server issues a one-time text, the signature over it proves
 * the IIN. NCALayer is not available in this build, so the server's DEVELOPMENT signing service signs instead.
 */
export const SignInPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('auth.parentTitle'));
  const { adopt } = useSession();
  const [iin, setIin] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const problem = iinProblem(iin);
  const showProblem = touched || iin.length === 12 ? problem : undefined;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (problem !== undefined) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const challenge = await requestChallenge(iin);
      const { signature } = await devSign(iin, challenge.payload);
      adopt(await logInApplicant(challenge.challengeId, signature));
      navigate('/my');
    } catch (error) {
      setFailure(toApiError(error));
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
        <p className="notice">{t('auth.devSignatureNotice')}</p>
        <FormError error={failure} />
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
