import type { Language } from '@kezek/contracts';

export const UI_LANGUAGES = ['kk', 'ru', 'en'] as const satisfies readonly Language[];
/** Kazakh is the state language and the default of the interface. */
export const DEFAULT_LANGUAGE: Language = 'kk';
export const LANGUAGE_STORAGE_KEY = 'kezek.language';

/** BCP 47 locales for Intl: Kazakhstan's conventions for kk and ru. */
const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);

export const toLocale = (language: Language): string => LOCALES[language];

export const readStoredLanguage = (storage: Pick<Storage, 'getItem'> | undefined): Language => {
  try {
    const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled (privacy mode); the default language still works.
    return DEFAULT_LANGUAGE;
  }
};

export const storeLanguage = (storage: Pick<Storage, 'setItem'> | undefined, language: Language): void => {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is acceptable; failing the switch is not.
  }
};
