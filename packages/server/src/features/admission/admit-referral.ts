import type { AdmitReferral, ReferralView } from '@kezek/contracts';
import {
  admitReferral as admit,
  enrollApplication,
  healthCertificateValid,
  parseLocalDate,
  type LocalDate,
} from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireStaff } from '../auth/authorize';
import { changeReferral, type ReferralChangeDeps } from '../referrals/referral-change';
import { referralNotices } from '../referrals/referral-notice';

function date(text: string, field: string): LocalDate {
  const parsed = parseLocalDate(text);
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', parsed.error, { field });
  return parsed.value;
}

/**
 * R-ADM-02, R-ADM-05, R-ADM-09 (service 2): the kindergarten checked the documents and admits the child on a
 * contract — only on a running referral before the end of its last valid day; the unit becomes occupied and the
 * application enrolled (a temporary stay keeps the queue, R-REF-13). A health certificate more than 3 days older
 * than the contract is no ground to admit: the kindergarten refuses with `expiredDocuments` instead (R-ADM-04).
 */
export async function admitReferral(
  deps: ReferralChangeDeps,
  actor: Actor,
  id: string,
  input: AdmitReferral,
  now: Date,
): Promise<ReferralView> {
  const contractDate = date(input.contractDate, 'contractDate');
  if (
    !healthCertificateValid(date(input.healthCertificateIssuedOn, 'healthCertificateIssuedOn'), contractDate)
  )
    throw new AppError(
      'RULE_VIOLATION',
      'The health certificate must be issued 0 to 3 days before the contract',
      {
        field: 'healthCertificateIssuedOn',
        rule: 'R-ADM-05',
      },
    );
  return changeReferral(deps, actor, id, now, {
    allowed: (who) => requireStaff(who, ['kindergartenStaff']),
    action: 'referral.admitted',
    decide: (referral, at) => admit(referral, at),
    unit: 'occupy',
    application: (application, referral) =>
      enrollApplication(application, referral.admission === 'temporary'),
    admission: {
      decision: 'admitted',
      contract_number: input.contractNumber,
      contract_date: contractDate,
      decided_by: actor.kind === 'staff' ? actor.userId : null,
    },
    notice: referralNotices.admitted,
  });
}
