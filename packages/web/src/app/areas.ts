import type { SessionActor } from '@kezek/contracts';
import type { ReactNode } from 'react';
import { audienceOf } from './area';
import type { Area, NavEntry } from './area';
import { matchPath } from './router';

/** Every `features/<area>/area.tsx`, collected at build time. */
const modules = import.meta.glob<{ area: Area }>('../features/*/area.tsx', { eager: true });

const AREAS: readonly Area[] = Object.values(modules)
  .map((module) => module.area)
  .sort((a, b) => a.rank - b.rank);

/** The menu for this actor: everyone's entries, then theirs. */
export const navFor = (actor: SessionActor): NavEntry[] => {
  const audience = audienceOf(actor);
  return AREAS.flatMap((area) =>
    area.nav.filter(
      (entry) =>
        entry.audience.includes('everyone') || (audience !== undefined && entry.audience.includes(audience)),
    ),
  );
};

/** The page for a path: the first pattern that matches, in area order; undefined when none does. */
export const renderPath = (pathname: string): ReactNode | undefined => {
  for (const area of AREAS) {
    for (const route of area.pages) {
      const params = matchPath(route.pattern, pathname);
      if (params !== undefined) return route.render(params);
    }
  }
  return undefined;
};
