import type { ApplicantChallenge } from '@kezek/contracts';
import { newToken, sha256Hex } from './auth-secrets';
import type { AuthRepository } from './auth.repository';
import { challengeExpiry, challengePayload } from './login-challenge';

/** Step 1 of an applicant's sign-in: a single-use text to sign. Anyone may ask, so it reveals nothing about the IIN. */
export async function createLoginChallenge(
  repo: Pick<AuthRepository, 'transaction'>,
  iin: string,
  now: Date,
): Promise<ApplicantChallenge> {
  const nonce = newToken();
  const expiresAt = challengeExpiry(now);
  await repo.transaction(async (tx) => {
    await tx.deleteExpiredChallenges(now);
    await tx.insertChallenge({ id: sha256Hex(nonce), iin, createdAt: now, expiresAt });
  });
  return {
    challengeId: nonce,
    payload: challengePayload({ iin, nonce, expiresAt }),
    expiresAt: expiresAt.toISOString(),
  };
}
