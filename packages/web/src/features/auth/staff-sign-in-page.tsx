import { useState } from 'react';
import type { FormEvent } from 'react';
import { logInStaff } from '../../api/auth';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { Link, navigate } from '../../app/router';
import { landingOf } from './landing';
import { useSession } from '../../app/session';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n';

export const StaffSignInPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('auth.staffTitle'));
  const { adopt } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const loginMissing = touched && login.trim() === '';
  const passwordMissing = touched && password === '';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (login.trim() === '' || password === '') return;
    setBusy(true);
    setFailure(undefined);
    try {
      const session = await logInStaff({ login: login.trim(), password });
      adopt(session);
      // A one-time password is changed before anything else (the app shows only that page till then).
      navigate(
        session.actor.kind === 'staff' && session.actor.mustChangePassword
          ? '/staff/password'
          : landingOf(session.actor),
      );
    } catch (error) {
      setFailure(toApiError(error));
      setBusy(false);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('auth.staffTitle')}</h1>
      <form className="form narrow" noValidate onSubmit={(event) => void onSubmit(event)}>
        <Field label={t('auth.login')} error={loginMissing ? t('form.required') : undefined}>
          {(props) => (
            <input
              {...props}
              name="login"
              autoComplete="username"
              value={login}
              onChange={(event) => setLogin(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('auth.password')} error={passwordMissing ? t('form.required') : undefined}>
          {(props) => (
            <input
              {...props}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <FormError error={failure} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
      <p>
        <Link to="/signin">{t('auth.parentLink')}</Link>
      </p>
    </>
  );
};
