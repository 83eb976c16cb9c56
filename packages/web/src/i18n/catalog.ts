import type { Language } from '@kezek/contracts';
import type { Catalog, MessageTree } from './define-catalog';

/**
 * Every `features/<area>/messages.ts`, loaded eagerly. They import `defineCatalog` from define-catalog.ts, never from
 * here: a module this one loads must not import it back.
 */
const modules = import.meta.glob<{ messages: Catalog }>('../features/*/messages.ts', { eager: true });

/** Every area's catalog, by module path (for the test's messages). */
export const AREA_CATALOGS: ReadonlyMap<string, Catalog> = new Map(
  Object.entries(modules).map(([path, module]) => [path, module.messages]),
);

/** The core texts plus every area's, for one language. */
export const mergeCatalogs = (core: MessageTree, language: Language): MessageTree =>
  [...AREA_CATALOGS.values()].reduce<MessageTree>((all, catalog) => ({ ...all, ...catalog[language] }), core);
