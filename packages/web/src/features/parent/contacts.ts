/** The contact part of the form (Annex 1) as typed: two SMS boxes, e-mail and the notification language. */
export type ContactsDraft = { sms1: string; sms2: string; email: string; language: 'kk' | 'ru' };

export type ContactProblems = Partial<Record<'sms1' | 'sms2' | 'email', true>>;

/**
 * A first check while typing: +7 or 8, then a mobile number starting with 7 and ten digits in all. Which
 * operator codes exist the server decides (its error names the field).
 */
const MOBILE = /^(\+7|8)7\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const compact = (value: string): string => value.replace(/[\s()-]/g, '');

export const contactProblems = (draft: ContactsDraft): ContactProblems => ({
  ...(draft.sms1.trim() !== '' && !MOBILE.test(compact(draft.sms1)) ? { sms1: true } : {}),
  ...(draft.sms2.trim() !== '' && !MOBILE.test(compact(draft.sms2)) ? { sms2: true } : {}),
  ...(draft.email.trim() !== '' && !EMAIL.test(draft.email.trim()) ? { email: true } : {}),
});

/** R-NOTIF-01: at most two SMS numbers and an optional e-mail, empty boxes dropped. */
export const normalizeContacts = (
  draft: ContactsDraft,
): { smsNumbers: string[]; email: string | undefined; language: 'kk' | 'ru' } => ({
  smsNumbers: [draft.sms1, draft.sms2].map(compact).filter((value) => value !== ''),
  email: draft.email.trim() === '' ? undefined : draft.email.trim(),
  language: draft.language,
});
