import type { ReactNode } from 'react';
import type { SessionActor } from '@kezek/contracts';

type StaffRole = Extract<SessionActor, { kind: 'staff' }>['role'];

/** Who sees a menu entry: everyone, a signed-in parent, or staff in one of the roles. */
export type Audience = 'everyone' | 'applicant' | StaffRole;

export type NavEntry = {
  path: string;
  /** An i18n key. */
  label: string;
  audience: readonly Audience[];
};

export type PageRoute = {
  /** `/my/applications/:id`: fixed segments and named parameters (see matchPath). */
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
};

/**
 * One part of the app (public pages, the parent's pages, the clerk's…): its menu entries and its pages.
 * Each `features/<area>/area.tsx` exports one as `area`; the app collects them all, so adding a part of
 * the app touches no shared file. `rank` orders the menu: lower first.
 */
export type Area = { rank: number; nav: readonly NavEntry[]; pages: readonly PageRoute[] };

export const audienceOf = (actor: SessionActor): Audience | undefined =>
  actor.kind === 'applicant' ? 'applicant' : actor.kind === 'staff' ? actor.role : undefined;
