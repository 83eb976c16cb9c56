import type { ApplicantChallenge } from '@kezek/contracts';
import type { Transactor } from '../../platform/transactor';
import { newToken, sha256Hex } from './auth-secrets';
import type { AuthTx } from './auth.repository';
import { challengeExpiry, challengePayload } from './login-challenge';

/** Step 1 of an applicant's sign-in: a single-use text to sign. Anyone may ask, so it reveals nothing about the IIN. */
export async function createLoginChallenge(
  deps: { transaction: Transactor<AuthTx>; signer: ApplicantChallenge['signer'] },
  iin: string,
  now: Date,
): Promise<ApplicantChallenge> {
  const nonce = newToken();
  const expiresAt = challengeExpiry(now);
  await deps.transaction(async ({ auth }) => {
    await auth.deleteExpiredChallenges(now);
    await auth.insertChallenge({ id: sha256Hex(nonce), iin, createdAt: now, expiresAt });
  });
  return {
    challengeId: nonce,
    payload: challengePayload({ iin, nonce, expiresAt }),
    expiresAt: expiresAt.toISOString(),
    signer: deps.signer,
  };
}
