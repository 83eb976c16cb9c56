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

/** Where a signed-in user's choice is kept, so each person on a shared computer gets their own language. */
export const userLanguageKey = (userId: string): string => `${LANGUAGE_STORAGE_KEY}.${userId}`;

/** The language stored under `key` (the browser's, or a user's), if any. */
export const readLanguageAt = (
  storage: Pick<Storage, 'getItem'> | undefined,
  key: string,
): Language | undefined => {
  try {
    const stored = storage?.getItem(key);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    // Storage can be disabled (privacy mode); the default language still works.
    return undefined;
  }
};

export const readStoredLanguage = (storage: Pick<Storage, 'getItem'> | undefined): Language =>
  readLanguageAt(storage, LANGUAGE_STORAGE_KEY) ?? DEFAULT_LANGUAGE;

/** Remembers the choice for the browser and, when someone is signed in, for that user. */
export const storeLanguage = (
  storage: Pick<Storage, 'setItem'> | undefined,
  language: Language,
  userId?: string,
): void => {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
    if (userId !== undefined) storage?.setItem(userLanguageKey(userId), language);
  } catch {
    // Not remembering the choice is acceptable; failing the switch is not.
  }
};
