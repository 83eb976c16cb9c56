import type { Language } from '@kezek/contracts';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { mergeCatalogs } from './catalog';
import { en } from './en';
import { kk } from './kk';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  readLanguageAt,
  readStoredLanguage,
  storeLanguage,
  userLanguageKey,
} from './language';
import { ru } from './ru';

const browserStorage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

// No document when components are rendered to a string (component tests run in Node).
const reflectInDocument = (language: Language): void => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};

/** Starts i18next with the remembered language (Kazakh by default) and keeps `<html lang>` in step. */
export const initI18n = async (): Promise<void> => {
  const language = readStoredLanguage(browserStorage());
  i18next.on('languageChanged', (next) => {
    if (isLanguage(next)) reflectInDocument(next);
  });
  await i18next.use(initReactI18next).init({
    resources: {
      kk: { translation: mergeCatalogs(kk, 'kk') },
      ru: { translation: mergeCatalogs(ru, 'ru') },
      en: { translation: mergeCatalogs(en, 'en') },
    },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['kk', 'ru', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  reflectInDocument(language);
};

let signedInUser: string | undefined;

export const changeLanguage = async (language: Language): Promise<void> => {
  storeLanguage(browserStorage(), language, signedInUser);
  await i18next.changeLanguage(language);
};

/**
 * Issue 8: the language is kept per user. On sign-in the user's last choice comes back (if they made one here);
 * otherwise the current language becomes theirs. `undefined` on sign-out: later choices are the browser's only.
 */
export const adoptUserLanguage = async (userId: string | undefined): Promise<void> => {
  signedInUser = userId;
  if (userId === undefined) return;
  const theirs = readLanguageAt(browserStorage(), userLanguageKey(userId));
  const current = isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
  await changeLanguage(theirs ?? current);
};

/** `t` plus the current language as a typed value, for Intl formatting and localized names. */
export const useI18n = () => {
  const { t, i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return { t, language };
};
