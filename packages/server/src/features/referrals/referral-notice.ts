import { localDate, localDateOf, type Referral } from '@kezek/domain';
import type { ApplicationNotice } from '../applications/application-notice';
import { NOTICE_LABELS } from '../notifications/notice-labels';
import type { ReferralRecord } from './referrals.repository';

type Names = Pick<
  ReferralRecord,
  'application_number' | 'kindergarten_kk' | 'kindergarten_ru' | 'kindergarten_en' | 'free_from'
>;

const about = (record: Names) => ({
  applicationNumber: record.application_number,
  kindergarten: { kk: record.kindergarten_kk, ru: record.kindergarten_ru, en: record.kindergarten_en },
});

/** The refusal grounds of R-ADM-04 in the applicant's words. */
const ADMISSION_REFUSAL: Record<string, keyof typeof NOTICE_LABELS> = {
  missingDocuments: 'missingDocuments',
  expiredDocuments: 'expiredDocuments',
  medicalContraindication: 'medicalContraindication',
  other: 'otherAdmissionGround',
};

/**
 * R-NOTIF-03/04: what the applicant is told when their referral passes a stage — one notice per change of the
 * referral, written in the change's transaction (so a change never lands without its notice, nor twice).
 */
export const referralNotices = {
  /** §3(6), R-REF-06, -07, R-KG-04: issued, with the deadline that matters for its phase. */
  issued(referral: Referral, record: Names): ApplicationNotice {
    const cancelBy = new Date(referral.cancelDeadline);
    if (referral.phase === 'pendingConfirmation' && referral.confirmBy !== undefined)
      return {
        event: 'referralToConfirm',
        params: { ...about(record), cancelBy, confirmBy: referral.confirmBy },
      };
    if (referral.phase === 'running' && referral.validUntil !== undefined)
      return {
        event: 'referralIssued',
        params: { ...about(record), cancelBy, validUntil: referral.validUntil },
      };
    return {
      event: 'referralWaiting',
      params: {
        ...about(record),
        cancelBy,
        // An early-booking place always has its set date (R-KG-04); the issue day only as a last resort.
        freeFrom: record.free_from === null ? localDateOf(referral.issuedAt) : localDate(record.free_from),
      },
    };
  },
  /** R-REF-06, R-SYS-07: documents confirmed or the early-booked place vacated — the validity runs. */
  running: (referral: Referral, record: Names): ApplicationNotice | undefined =>
    referral.phase === 'running' && referral.validUntil !== undefined
      ? { event: 'referralRunning', params: { ...about(record), validUntil: referral.validUntil } }
      : undefined,
  extended: (referral: Referral, record: Names): ApplicationNotice | undefined =>
    referral.validUntil === undefined
      ? undefined
      : { event: 'referralExtended', params: { ...about(record), validUntil: referral.validUntil } },
  expired: (_referral: Referral, record: Names): ApplicationNotice => ({
    event: 'referralExpired',
    params: about(record),
  }),
  cancelled: (_referral: Referral, record: Names): ApplicationNotice => ({
    event: 'referralChanged',
    params: { applicationNumber: record.application_number, change: NOTICE_LABELS.referralCancelled },
  }),
  privilegeNotConfirmed: (_referral: Referral, record: Names): ApplicationNotice => ({
    event: 'referralChanged',
    params: { applicationNumber: record.application_number, change: NOTICE_LABELS.privilegeNotConfirmed },
  }),
  stayEnded: (_referral: Referral, record: Names): ApplicationNotice => ({
    event: 'referralChanged',
    params: { applicationNumber: record.application_number, change: NOTICE_LABELS.stayEnded },
  }),
  refused: (referral: Referral, record: Names): ApplicationNotice => ({
    event: 'referralRefused',
    params: {
      ...about(record),
      reason: NOTICE_LABELS[ADMISSION_REFUSAL[referral.statusReason ?? 'other'] ?? 'otherAdmissionGround'],
    },
  }),
  admitted: (_referral: Referral, record: Names): ApplicationNotice => ({
    event: 'admitted',
    params: about(record),
  }),
};
