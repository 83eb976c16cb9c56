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

const modules = import.meta.glob<{ messages: Catalog }>('../features/*/messages.ts', { eager: true });

/** Every area's catalog, by module path (for the test's messages). */
export const AREA_CATALOGS: ReadonlyMap<string, Catalog> = new Map(
  Object.entries(modules).map(([path, module]) => [path, module.messages]),
);

/** The core texts plus every area's, for one language. */
export const mergeCatalogs = (core: MessageTree, language: Language): MessageTree =>
  [...AREA_CATALOGS.values()].reduce<MessageTree>((all, catalog) => ({ ...all, ...catalog[language] }), core);
