import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ApplicationView } from '@kezek/contracts';
import { modifyApplication } from '../../api/applications';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { useI18n } from '../../i18n';
import { contactProblems, normalizeContacts, type ContactsDraft } from './contacts';

/** R-APPL-02: the parent changes the SMS numbers, e-mail and notification language. */
export const ContactsForm = ({
  application,
  onSaved,
}: {
  application: ApplicationView;
  onSaved: (next: ApplicationView) => void;
}) => {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ContactsDraft>({
    sms1: application.smsNumbers[0] ?? '',
    sms2: application.smsNumbers[1] ?? '',
    email: application.email ?? '',
    language: application.language === 'ru' ? 'ru' : 'kk',
  });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  const problems = contactProblems(draft);
  const set = (change: Partial<ContactsDraft>) => {
    setDraft({ ...draft, ...change });
    setSaved(false);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const { smsNumbers, email, language } = normalizeContacts(draft);
      onSaved(
        await modifyApplication(application.id, {
          version: application.version,
          smsNumbers,
          email: email ?? null,
          language,
        }),
      );
      setSaved(true);
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-label={t('contacts.title')}
    >
      <Field
        label={t('contacts.sms1')}
        hint={t('contacts.smsHint')}
        error={problems.sms1 && t('contacts.smsInvalid')}
      >
        {(props) => (
          <input
            {...props}
            name="sms1"
            type="tel"
            autoComplete="tel"
            value={draft.sms1}
            onChange={(e) => set({ sms1: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('contacts.sms2')} error={problems.sms2 && t('contacts.smsInvalid')}>
        {(props) => (
          <input
            {...props}
            name="sms2"
            type="tel"
            value={draft.sms2}
            onChange={(e) => set({ sms2: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('contacts.email')} error={problems.email && t('contacts.emailInvalid')}>
        {(props) => (
          <input
            {...props}
            name="email"
            type="email"
            autoComplete="email"
            value={draft.email}
            onChange={(e) => set({ email: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('contacts.language')}>
        {(props) => (
          <select
            {...props}
            name="language"
            value={draft.language}
            onChange={(e) => set({ language: e.target.value === 'ru' ? 'ru' : 'kk' })}
          >
            <option value="kk">{t('language.kk')}</option>
            <option value="ru">{t('language.ru')}</option>
          </select>
        )}
      </Field>
      <FormError error={failure} />
      <p className="form-saved" aria-live="polite">
        {saved ? t('contacts.saved') : ''}
      </p>
      <button type="submit" className="button" disabled={busy}>
        {t('contacts.save')}
      </button>
    </form>
  );
};
