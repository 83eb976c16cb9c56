import { randomUUID } from 'node:crypto';
import type { ApplicantLoginRequest } from '@kezek/contracts';
import { PUBLIC_ACTOR, type Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Transactor } from '../../platform/transactor';
import type { SignaturePort } from '../../ports/signature-port';
import { sha256Hex } from './auth-secrets';
import type { AuthRepository, AuthTx, PersonName } from './auth.repository';
import { challengePayload } from './login-challenge';
import { authAudit, openSession, type OpenedSession, type RequestMeta } from './open-session';

/** The individuals database: the name of the person with this IIN, or undefined when nobody has it. */
export type LookupName = (iin: string) => Promise<PersonName | undefined>;

const UNUSABLE_CHALLENGE = 'The sign-in challenge is unknown, expired or already used; request a new one';

/**
 * Step 2 of an applicant's sign-in: the challenge must be live, the signature valid for its exact payload, and
 * the signer the person the challenge was issued to. The first sign-in registers the applicant under the name
 * the individuals database holds. A failed signature does not spend the challenge (only its holder's valid
 * signature can), so a stranger who learns a challenge ID cannot lock its owner out.
 */
export async function logInApplicant(
  deps: {
    repo: Pick<AuthRepository, 'liveChallenge' | 'applicantIdByIin'>;
    transaction: Transactor<AuthTx>;
    signatures: SignaturePort;
    lookupName: LookupName;
  },
  input: ApplicantLoginRequest,
  meta: RequestMeta,
): Promise<OpenedSession & { actor: Actor }> {
  const { repo } = deps;
  const challengeHash = sha256Hex(input.challengeId);
  const challenge = await repo.liveChallenge(challengeHash, meta.now);
  if (challenge === undefined)
    throw new AppError('UNAUTHENTICATED', UNUSABLE_CHALLENGE, { field: 'challengeId' });
  const { iin } = challenge;
  const event = (action: string, data: Record<string, unknown>, actor: Actor = PUBLIC_ACTOR) =>
    authAudit(meta, { actor, action, entityType: 'login_challenge', entityId: challengeHash, data });
  const refuse = async (reason: string, message: string): Promise<never> => {
    await deps.transaction(({ audit }) => audit.record(event('auth.applicantLogin.failed', { reason })));
    throw new AppError('UNAUTHENTICATED', message, { field: 'signature' });
  };

  const verdict = await deps.signatures.verify({
    payload: challengePayload({ iin, nonce: input.challengeId, expiresAt: challenge.expires_at }),
    signature: input.signature,
  });
  if (!verdict.ok) {
    if (verdict.retryable)
      throw new AppError(
        'UNAVAILABLE',
        'Signature verification is temporarily unavailable; try again shortly',
      );
    return refuse(verdict.reason, `The signature is not valid for this challenge: ${verdict.reason}`);
  }
  if (verdict.signerIin !== iin)
    return refuse('signer', 'The signature was made by someone other than the person signing in');

  const known = await repo.applicantIdByIin(iin);
  const applicant =
    known === undefined ? await deps.lookupName(iin).then((name) => name && { name }) : { id: known };
  if (applicant === undefined)
    return refuse('unknownPerson', 'The signer is not found in the individuals database');

  return deps.transaction(async ({ auth, audit }) => {
    if (!(await auth.useChallenge(challengeHash, meta.now)))
      throw new AppError('UNAUTHENTICATED', UNUSABLE_CHALLENGE, { field: 'challengeId' });
    const applicantId =
      'id' in applicant
        ? applicant.id
        : await auth.ensureApplicant({ id: randomUUID(), iin, name: applicant.name, now: meta.now });
    const actor: Actor = { kind: 'applicant', applicantId, iin };
    const session = await openSession(auth, { kind: 'applicant', applicantId }, meta);
    await audit.record(event('auth.applicantLogin.succeeded', { firstLogin: 'name' in applicant }, actor));
    return { ...session, actor };
  });
}
