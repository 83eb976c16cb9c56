import type { Language } from '@kezek/contracts';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en';
import { kk } from './kk';
import { DEFAULT_LANGUAGE, isLanguage, readStoredLanguage, storeLanguage } from './language';
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
    resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['kk', 'ru', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  reflectInDocument(language);
};

export const changeLanguage = async (language: Language): Promise<void> => {
  storeLanguage(browserStorage(), language);
  await i18next.changeLanguage(language);
};

/** `t` plus the current language as a typed value, for Intl formatting and localized names. */
export const useI18n = () => {
  const { t, i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return { t, language };
};
