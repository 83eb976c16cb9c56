import type { SubmitApplication } from '@kezek/contracts';
import { DISORDERS } from '@kezek/domain';
import { contactProblems, normalizeContacts, type ContactsDraft } from './contacts';

export const STEPS = ['child', 'queue', 'categories', 'settlement', 'contacts', 'consent'] as const;
export type Step = (typeof STEPS)[number];

export type Disorder = (typeof DISORDERS)[number];
export { DISORDERS };

/** The apply wizard's state as typed (Annex 1 and the Annex 5 consent). */
export type ApplyDraft = ContactsDraft & {
  childIin: string;
  sen: boolean;
  pmpcConclusion: boolean;
  queueFamily: 'general' | 'special';
  disorder: Disorder | '';
  categories: string[];
  settlement: string;
  consent: boolean;
};

export const EMPTY_DRAFT: ApplyDraft = {
  childIin: '',
  sen: false,
  pmpcConclusion: false,
  queueFamily: 'general',
  disorder: '',
  categories: [],
  settlement: '',
  sms1: '',
  sms2: '',
  email: '',
  language: 'kk',
  consent: false,
};

/** A problem names the field (as the API does) and a message key under `apply.problem`. */
export type Problem = { field: string; key: string };

export const stepProblems = (step: Step, draft: ApplyDraft): Problem[] => {
  switch (step) {
    case 'child':
      return draft.childIin === '' ? [{ field: 'child.iin', key: 'chooseChild' }] : [];
    case 'queue':
      return draft.queueFamily === 'special' && draft.disorder === ''
        ? [{ field: 'queue', key: 'chooseDisorder' }]
        : [];
    case 'categories':
      return draft.categories.length > 10 ? [{ field: 'categories', key: 'tooManyCategories' }] : [];
    case 'settlement':
      return draft.settlement === '' ? [{ field: 'settlement', key: 'chooseSettlement' }] : [];
    case 'contacts': {
      const problems = Object.keys(contactProblems(draft)).map((field) => ({
        field,
        key: field === 'email' ? 'email' : 'mobile',
      }));
      return draft.sms1.trim() === '' && draft.sms2.trim() === '' && draft.email.trim() === ''
        ? [...problems, { field: 'sms1', key: 'contactRequired' }]
        : problems;
    }
    case 'consent':
      return draft.consent ? [] : [{ field: 'consent', key: 'consentRequired' }];
  }
};

/** The step where the user fixes a field the API refused (its `field`), so the wizard can go back to it. */
export const stepOfField = (field: string | undefined): Step => {
  if (field === undefined) return 'consent';
  if (field.startsWith('child')) return 'child';
  if (field === 'queue') return 'queue';
  if (field.startsWith('categories')) return 'categories';
  if (field === 'settlement') return 'settlement';
  if (field.startsWith('smsNumbers') || field === 'email' || field === 'language') return 'contacts';
  return 'consent';
};

export const toSubmission = (draft: ApplyDraft): SubmitApplication => {
  const { smsNumbers, email, language } = normalizeContacts(draft);
  return {
    channel: 'portal',
    child: { iin: draft.childIin, sen: draft.sen, pmpcConclusion: draft.pmpcConclusion },
    settlement: draft.settlement,
    queue: draft.queueFamily === 'special' && draft.disorder !== '' ? `special:${draft.disorder}` : 'general',
    categories: draft.categories,
    smsNumbers,
    ...(email === undefined ? {} : { email }),
    language,
    consent: true,
  };
};
