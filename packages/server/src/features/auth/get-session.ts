import type { Session, SessionActor } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import type { AuthRepository } from './auth.repository';

/** Who is signed in, with the names a UI shows; `csrfToken` is null for an anonymous visitor. */
export async function getSession(
  repo: Pick<AuthRepository, 'staffProfile' | 'applicantName'>,
  actor: Actor,
  csrfToken: string | null,
  signer: Session['signer'],
): Promise<Session> {
  return {
    actor: await describe(repo, actor),
    csrfToken: actor.kind === 'public' ? null : csrfToken,
    signer,
  };
}

async function describe(
  repo: Pick<AuthRepository, 'staffProfile' | 'applicantName'>,
  actor: Actor,
): Promise<SessionActor> {
  if (actor.kind === 'applicant') {
    const name = await repo.applicantName(actor.applicantId);
    return name === undefined
      ? { kind: 'public' }
      : { kind: 'applicant', applicantId: actor.applicantId, ...name };
  }
  if (actor.kind !== 'staff') return { kind: 'public' };
  const profile = await repo.staffProfile(actor.userId);
  return profile === undefined
    ? { kind: 'public' }
    : {
        kind: 'staff',
        userId: actor.userId,
        login: profile.login,
        fullName: profile.full_name,
        role: actor.role,
        districtKato: actor.districtKato,
        kindergartenId: actor.kindergartenId,
        mustChangePassword: profile.must_change_password,
      };
}
