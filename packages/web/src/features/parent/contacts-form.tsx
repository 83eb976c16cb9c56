import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ApplicationView } from '@kezek/contracts';
import { modifyApplication } from '../../api/applications';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { useI18n } from '../../i18n';
import { contactProblems, normalizeContacts, type ContactsDraft } from './contacts';

/** The contact fields of the apply wizard and of the contacts form: two SMS numbers, e-mail, language. */
export const ContactFields = ({
  draft,
  set,
  errors,
}: {
  draft: ContactsDraft;
  set: (change: Partial<ContactsDraft>) => void;
  errors: Partial<Record<'sms1' | 'sms2' | 'email', string | undefined>>;
}) => {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('contacts.sms1')} hint={t('contacts.smsHint')} error={errors.sms1}>
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
      <Field label={t('contacts.sms2')} error={errors.sms2}>
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
      <Field label={t('contacts.email')} error={errors.email}>
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
    </>
  );
};

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
      <ContactFields
        draft={draft}
        set={set}
        errors={{
          sms1: problems.sms1 && t('contacts.smsInvalid'),
          sms2: problems.sms2 && t('contacts.smsInvalid'),
          email: problems.email && t('contacts.emailInvalid'),
        }}
      />
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
