import type { AdmissionCase, RequestAdmission } from '@kezek/contracts';
import { admissionRequestTerms, instantFromEpochMs, isLive } from '@kezek/domain';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Rules } from '../../platform/rules';
import type { Transactor } from '../../platform/transactor';
import { requireApplicant, authorizeRecord } from '../auth/authorize';
import { REFERRAL_ACCESS } from '../referrals/referral-access';
import type { ReferralRepos } from '../referrals/referral-change';
import { toDomainReferral } from '../referrals/referral-view';
import { loadAdmissionCase } from './admission-case';

/**
 * Service 2 on the portal (§32 ¶6–8, R-ADM-01, R-ADM-03): the parent sends the e-copies of the admission documents
 * for a running referral. The request is registered on the day it arrives (after the office's hours, the next
 * working day) and the kindergarten is due to check its completeness within 30 minutes of working time; it then
 * admits on a contract or refuses with a reason, signing the decision with its EDS. One request per referral.
 */
export async function requestAdmission(
  deps: {
    transaction: Transactor<ReferralRepos>;
    rules: Rules;
    format: (at: Date) => string;
    signer: AdmissionCase['signer'];
  },
  actor: Actor,
  id: string,
  input: RequestAdmission,
  now: Date,
): Promise<AdmissionCase> {
  const applicant = requireApplicant(actor);
  return deps.transaction(async ({ referrals, audit }) => {
    const record = authorizeRecord(actor, 'write', await referrals.lockById(id), REFERRAL_ACCESS);
    const referral = toDomainReferral(record);
    if (!isLive(referral) || referral.phase !== 'running')
      throw new AppError('CONFLICT', 'Admission can be asked for on a running referral only', {
        field: 'id',
        rule: 'R-ADM-03',
      });
    if ((await referrals.admissionRequest(record.id)) !== undefined)
      throw new AppError('CONFLICT', 'The documents for this referral have been sent already', {
        field: 'id',
        rule: 'R-ADM-03',
      });
    const terms = admissionRequestTerms(instantFromEpochMs(now.getTime()), deps.rules.calendar);
    await referrals.insertAdmissionRequest({
      id: randomUUID(),
      referral_id: record.id,
      documents: JSON.stringify(input.documents),
      received_at: now,
      registered_on: terms.registeredOn,
      check_due_at: new Date(terms.checkDueAt),
      submitted_by: applicant.applicantId,
    });
    await audit.record({
      at: now,
      actor,
      action: 'admission.requested',
      entityType: 'referral',
      entityId: record.id,
      data: { documents: input.documents.map((document) => document.kind), rule: 'R-ADM-03' },
    });
    return loadAdmissionCase(referrals, { id: record.id, sen: record.child_sen }, deps);
  });
}
