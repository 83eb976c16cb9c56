import { describe, expect, it } from 'vitest';
import {
  LANGUAGE_STORAGE_KEY,
  readLanguageAt,
  readStoredLanguage,
  storeLanguage,
  userLanguageKey,
} from './language';

const memoryStorage = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
};

describe('remembered language', () => {
  it('is Kazakh until a choice is made; a choice is kept for the browser', () => {
    const storage = memoryStorage();
    expect(readStoredLanguage(storage)).toBe('kk');
    storeLanguage(storage, 'ru');
    expect(readStoredLanguage(storage)).toBe('ru');
  });

  it('is kept per signed-in user as well, so each person on a shared computer gets theirs back', () => {
    const storage = memoryStorage();
    storeLanguage(storage, 'en', 'user-a');
    storeLanguage(storage, 'ru', 'user-b');
    expect(readLanguageAt(storage, userLanguageKey('user-a'))).toBe('en');
    expect(readLanguageAt(storage, userLanguageKey('user-b'))).toBe('ru');
    expect(readLanguageAt(storage, userLanguageKey('user-c'))).toBeUndefined();
    expect(storage.items.get(LANGUAGE_STORAGE_KEY)).toBe('ru');
  });

  it('ignores a stored value that is not a language, and storage that throws', () => {
    const storage = memoryStorage();
    storage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    expect(readStoredLanguage(storage)).toBe('kk');
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(readStoredLanguage(broken)).toBe('kk');
  });
});
