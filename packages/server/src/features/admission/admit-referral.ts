import { admissionDecisionPayload, type AdmitReferral, type ReferralView } from '@kezek/contracts';
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
import { recipientsOf } from '../applications/application-notice';
import { decisionSignature, type DecisionSignatureDeps } from './decision-signature';
import { queueKeyOf } from '../applications/application-view';
import { noticeLabel } from '../notifications/notice-labels';
import { changeReferral, type ReferralChangeDeps, type ReferralRepos } from '../referrals/referral-change';
import type { ReferralRecord } from '../referrals/referrals.repository';
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
  deps: ReferralChangeDeps & DecisionSignatureDeps,
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
  requireStaff(actor, ['kindergartenStaff']);
  const signed = await decisionSignature(
    deps,
    actor,
    id,
    (referralNumber) =>
      admissionDecisionPayload({
        referralNumber,
        decision: 'admitted',
        contractNumber: input.contractNumber,
        contractDate: input.contractDate,
      }),
    input.signature,
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
      ...signed,
    },
    notice: referralNotices.admitted,
    also: (repos, referral, record) =>
      referral.admission === 'temporary'
        ? Promise.resolve()
        : archiveOtherApplications(repos, actor, record, now),
  });
}

/**
 * R-ADM-09: admitted under a permanent referral, the child's other applications still waiting (another queue, a
 * special or sanatorium one) go to the archive (`enrolledElsewhere`), each applicant told; a temporary stay keeps
 * them (R-REF-13).
 */
async function archiveOtherApplications(
  { applications, audit, notify }: ReferralRepos,
  actor: Actor,
  record: ReferralRecord,
  now: Date,
): Promise<void> {
  for (const other of await applications.waitingOfChild(record.child_id, record.application_id)) {
    if (
      !(await applications.update(other.id, other.version, {
        status: 'archived',
        status_reason: 'enrolledElsewhere',
        updated_at: now,
      }))
    )
      throw new AppError('CONFLICT', 'An application of the child changed meanwhile; retry');
    if (other.status === 'queued')
      await applications.recordQueueEvent({
        queue_key: queueKeyOf(other),
        at: now,
        kind: 'archived',
        application_id: other.id,
      });
    await audit.record({
      at: now,
      actor,
      action: 'application.archived',
      entityType: 'application',
      entityId: other.id,
      data: {
        from: other.status,
        to: 'archived',
        reason: 'enrolledElsewhere',
        referral: record.id,
        rule: 'R-ADM-09',
      },
    });
    const to = recipientsOf(other, now);
    await notify(
      {
        event: 'archived',
        params: { applicationNumber: other.number, reason: noticeLabel('enrolledElsewhere', to.language) },
      },
      to,
    );
  }
}
