import type { AdmissionCase } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { authorizeRecord, requireSignedIn } from '../auth/authorize';
import { REFERRAL_ACCESS } from '../referrals/referral-access';
import type { ReferralsRepository } from '../referrals/referrals.repository';
import { loadAdmissionCase } from './admission-case';

/** The admission case of a referral the actor may see: the portal request with what it lacks, and the decision. */
export async function getAdmissionCase(
  deps: {
    referrals: Pick<ReferralsRepository, 'byId' | 'admissionRequest' | 'admissionDecision'>;
    format: (at: Date) => string;
    signer: AdmissionCase['signer'];
  },
  actor: Actor,
  id: string,
): Promise<AdmissionCase> {
  const record = authorizeRecord(
    requireSignedIn(actor),
    'read',
    await deps.referrals.byId(id),
    REFERRAL_ACCESS,
  );
  return loadAdmissionCase(deps.referrals, { id: record.id, sen: record.child_sen }, deps);
}
