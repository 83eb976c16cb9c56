import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { SignaturePort } from '../../ports/signature-port';
import { authorizeRecord } from '../auth/authorize';
import { REFERRAL_ACCESS } from '../referrals/referral-access';
import type { ReferralsRepository } from '../referrals/referrals.repository';

export type DecisionSignatureDeps = {
  referrals: Pick<ReferralsRepository, 'byId' | 'admissionRequest'>;
  signature: SignaturePort;
};

/**
 * §32 ¶8, R-ADM-03: a decision on a portal request reaches the parent's account signed with the kindergarten's EDS
 * (NCALayer) over `payload(referralNumber)`; the signature is verified here and stored with the signer's IIN. A
 * decision on an office request is signed on paper with the contract, so it needs none (one given is verified).
 */
export async function decisionSignature(
  deps: DecisionSignatureDeps,
  actor: Actor,
  referralId: string,
  payload: (referralNumber: string) => string,
  signature: string | undefined,
): Promise<{ signature: string | null; signer_iin: string | null }> {
  const record = authorizeRecord(actor, 'write', await deps.referrals.byId(referralId), REFERRAL_ACCESS);
  if (signature === undefined) {
    if ((await deps.referrals.admissionRequest(record.id)) !== undefined)
      throw new AppError('RULE_VIOLATION', 'A decision on a portal request must be signed with the EDS', {
        field: 'signature',
        rule: 'R-ADM-03',
      });
    return { signature: null, signer_iin: null };
  }
  const verdict = await deps.signature.verify({ payload: payload(record.number), signature });
  if (verdict.ok) return { signature, signer_iin: verdict.signerIin };
  if (verdict.retryable)
    throw new AppError('UNAVAILABLE', `The signature could not be checked now: ${verdict.reason}`);
  throw new AppError('RULE_VIOLATION', `The signature does not verify: ${verdict.reason}`, {
    field: 'signature',
    rule: 'R-ADM-03',
  });
}
