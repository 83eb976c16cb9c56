import type { Language } from '@kezek/contracts';

export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** The Kazakh shape, with room for the plural forms only Russian has (`_few`, `_many`). */
type WithPlurals<T> = {
  [K in keyof T]: T[K] extends string ? string : WithPlurals<T[K]>;
} & { [plural: `${string}_${'few' | 'many'}`]: string };

export type MessageTree = { [key: string]: string | MessageTree };

/** An area's texts in the three languages. Kazakh sets the shape; the test checks every language fills it. */
export type Catalog = Record<Language, MessageTree>;

/**
 * Declares `features/<area>/messages.ts`: one top-level key of its own (the area's namespace), in kk, ru
 * and en. The app merges every area's catalog into the core texts of `i18n/{kk,ru,en}.ts`.
 */
export const defineCatalog = <T extends MessageTree>(catalog: {
  kk: T;
  ru: WithPlurals<T>;
  en: DeepStrings<T>;
}): Catalog => catalog;
