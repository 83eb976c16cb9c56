import type { ReferralRecord } from './referrals.repository';

/**
 * Who sees a referral: the applicant, the clerks of the application's district, and the kindergarten's staff once
 * the provider has confirmed the documents (§22 ¶2, R-KG-07: never while it awaits the originals).
 */
export const REFERRAL_ACCESS = {
  owner: (record: ReferralRecord) => ({
    applicantId: record.applicant_id,
    districtKato: record.district_kato,
    kindergartenId: record.phase === 'pendingConfirmation' ? null : record.kindergarten_id,
  }),
  missing: 'No such referral',
};
