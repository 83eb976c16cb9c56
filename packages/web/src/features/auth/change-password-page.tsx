import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SessionActor } from '@kezek/contracts';
import { changeOwnPassword, fetchSession } from '../../api/auth';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { RequireActor } from '../../app/require-actor';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n';
import { landingOf } from './landing';

const MIN_LENGTH = 12;

type Problem = 'required' | 'tooShort' | 'mismatch';

/** What to fix before sending, field by field (the server checks the same length and the current password). */
export const passwordProblems = (form: {
  current: string;
  next: string;
  repeat: string;
}): Partial<Record<'current' | 'next' | 'repeat', Problem>> => ({
  ...(form.current === '' ? { current: 'required' as const } : {}),
  ...(form.next === ''
    ? { next: 'required' as const }
    : form.next.length < MIN_LENGTH
      ? { next: 'tooShort' as const }
      : {}),
  ...(form.repeat !== form.next ? { repeat: 'mismatch' as const } : {}),
});

const ChangePassword = ({ actor }: { actor: Extract<SessionActor, { kind: 'staff' }> }) => {
  const { t } = useI18n();
  const { adopt } = useSession();
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const problems = touched ? passwordProblems(form) : {};
  const messageOf = (field: 'current' | 'next' | 'repeat') => {
    const problem = problems[field];
    if (problem !== undefined) return t(`account.${problem}`);
    const server = failure?.field === (field === 'current' ? 'currentPassword' : 'newPassword');
    return server && field !== 'repeat' && failure !== undefined
      ? t(`apiError.code.${failure.code}`)
      : undefined;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(passwordProblems(form)).length > 0) return;
    setBusy(true);
    try {
      await changeOwnPassword({ currentPassword: form.current, newPassword: form.next });
      const session = await fetchSession();
      adopt(session);
      navigate(landingOf(session.actor));
    } catch (error) {
      setFailure(toApiError(error));
      setBusy(false);
    }
  };
  const input = (field: 'current' | 'next' | 'repeat', autoComplete: string) => (
    <Field
      label={t(`account.${field}`)}
      hint={field === 'next' ? t('account.nextHint') : undefined}
      error={messageOf(field)}
    >
      {(props) => (
        <input
          {...props}
          name={field}
          type="password"
          autoComplete={autoComplete}
          value={form[field]}
          onChange={(e) => setForm((current) => ({ ...current, [field]: e.target.value }))}
        />
      )}
    </Field>
  );
  return (
    <>
      <h1 tabIndex={-1}>{t('account.passwordTitle')}</h1>
      {actor.mustChangePassword && (
        <p className="notice" data-testid="must-change">
          {t('account.mustChange')}
        </p>
      )}
      <form className="form narrow" onSubmit={(event) => void submit(event)} noValidate>
        {input('current', 'current-password')}
        {input('next', 'new-password')}
        {input('repeat', 'new-password')}
        <FormError error={failure} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('account.saving') : t('account.submit')}
        </button>
      </form>
    </>
  );
};

/** A staff member's own password (required first after a one-time password: the app shows nothing else till then). */
export const ChangePasswordPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('account.passwordTitle'));
  return <RequireActor audience="staff">{(actor) => <ChangePassword actor={actor} />}</RequireActor>;
};
