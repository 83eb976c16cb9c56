import type { StaffRole } from '@kezek/db';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;
export type ApplicantActor = Extract<Actor, { kind: 'applicant' }>;

/**
 * The records an actor may see. List queries filter by it; single records are checked with `canAccess` /
 * `authorizeRecord`. Anything not listed here sees nothing personal (`none`): the public reads anonymised data only.
 */
export type Scope =
  | { kind: 'all'; readOnly: boolean }
  | { kind: 'district'; districtKato: string }
  | { kind: 'kindergarten'; kindergartenId: string }
  | { kind: 'applicant'; applicantId: string }
  | { kind: 'none' };

const NONE: Scope = { kind: 'none' };

const STAFF_SCOPE: Record<StaffRole, (actor: StaffActor) => Scope> = {
  regionalAdmin: () => ({ kind: 'all', readOnly: false }),
  auditor: () => ({ kind: 'all', readOnly: true }),
  // A clerk serves one provider area (Order 254 §4), kindergarten staff their own organisation.
  clerk: (actor) =>
    actor.districtKato === null ? NONE : { kind: 'district', districtKato: actor.districtKato },
  kindergartenStaff: (actor) =>
    actor.kindergartenId === null ? NONE : { kind: 'kindergarten', kindergartenId: actor.kindergartenId },
  // The operator runs the system (jobs, backups) and needs no one's personal records.
  operator: () => NONE,
};

export function scopeOf(actor: Actor): Scope {
  if (actor.kind === 'public') return NONE;
  if (actor.kind === 'applicant') return { kind: 'applicant', applicantId: actor.applicantId };
  if (actor.kind === 'staff') return STAFF_SCOPE[actor.role](actor);
  // A scheduled job applies the rules to every record (archive at 6, expiries).
  return { kind: 'all', readOnly: false };
}

/** Whom a record concerns; a feature fills in what applies to it (an application: applicant and district). */
export type RecordOwner = {
  applicantId?: string | null;
  districtKato?: string | null;
  kindergartenId?: string | null;
};

export type Access = 'read' | 'write';

const owns = (value: string | null | undefined, scoped: string): boolean => value === scoped;

export function canSee(actor: Actor, owner: RecordOwner): boolean {
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'district':
      return owns(owner.districtKato, scope.districtKato);
    case 'kindergarten':
      return owns(owner.kindergartenId, scope.kindergartenId);
    case 'applicant':
      return owns(owner.applicantId, scope.applicantId);
    case 'none':
      return false;
  }
}

export function canAccess(actor: Actor, access: Access, owner: RecordOwner): boolean {
  const scope = scopeOf(actor);
  return canSee(actor, owner) && !(access === 'write' && scope.kind === 'all' && scope.readOnly);
}

export function requireSignedIn(actor: Actor): Exclude<Actor, { kind: 'public' }> {
  if (actor.kind === 'public') throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return actor;
}

export function requireApplicant(actor: Actor): ApplicantActor {
  const signedIn = requireSignedIn(actor);
  if (signedIn.kind !== 'applicant') throw new AppError('FORBIDDEN', 'Only an applicant may do this');
  return signedIn;
}

/** The role check comes before any record is loaded, so its refusal cannot depend on what exists. */
export function requireStaff(actor: Actor, roles: readonly StaffRole[]): StaffActor {
  const signedIn = requireSignedIn(actor);
  if (signedIn.kind !== 'staff' || !roles.includes(signedIn.role))
    throw new AppError('FORBIDDEN', `Only ${roles.join(', ')} may do this`);
  return signedIn;
}

/**
 * A loaded record (or undefined when none) checked against the actor. One the actor may not see answers exactly
 * like a missing one — NOT_FOUND with the caller's `missing` message — so a refusal never reveals that someone
 * else's record exists. A visible record the actor may only read (the auditor) gets FORBIDDEN for writes: that
 * discloses nothing they could not read anyway.
 */
export function authorizeRecord<T>(
  actor: Actor,
  access: Access,
  record: T | undefined,
  rule: { owner: (record: T) => RecordOwner; missing: string },
): T {
  if (record === undefined || !canSee(actor, rule.owner(record)))
    throw new AppError('NOT_FOUND', rule.missing);
  if (!canAccess(actor, access, rule.owner(record))) throw new AppError('FORBIDDEN', 'Read-only access');
  return record;
}
