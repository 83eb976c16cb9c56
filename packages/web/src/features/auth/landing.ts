import type { SessionActor } from '@kezek/contracts';

/** Where a staff member starts: kindergarten staff at their places, everyone else at the work queue. */
export const landingOf = (actor: SessionActor): string =>
  actor.kind === 'staff' && actor.role === 'kindergartenStaff' ? '/kindergarten' : '/clerk';
