import type { AdmissionCase } from '@kezek/contracts';
import type { AdmissionRequestsTable, AdmissionsTable } from '@kezek/db';
import {
  localDate,
  missingAdmissionDocuments,
  requiredAdmissionDocuments,
  type AdmissionDocumentKind,
} from '@kezek/domain';
import type { Selectable } from 'kysely';
import type { ReferralsRepository } from '../referrals/referrals.repository';

const documentsOf = (request: Selectable<AdmissionRequestsTable>) =>
  request.documents.map((document) => ({
    kind: document.kind as AdmissionDocumentKind,
    reference: document.reference,
    ...(document.issuedOn === undefined ? {} : { issuedOn: localDate(document.issuedOn) }),
  }));

/** The admission case of a referral as the parent and the kindergarten see it (R-ADM-01, R-ADM-03). */
export async function loadAdmissionCase(
  referrals: Pick<ReferralsRepository, 'admissionRequest' | 'admissionDecision'>,
  referral: { id: string; sen: boolean },
  deps: { format: (at: Date) => string; signer: AdmissionCase['signer'] },
): Promise<AdmissionCase> {
  const { format, signer } = deps;
  const request = await referrals.admissionRequest(referral.id);
  const decision = await referrals.admissionDecision(referral.id);
  return {
    referralId: referral.id,
    required: requiredAdmissionDocuments(referral.sen),
    signer,
    request: request === undefined ? null : toRequestView(request, referral.sen, format),
    decision: decision === undefined ? null : toDecisionView(decision, format),
  };
}

function toRequestView(
  request: Selectable<AdmissionRequestsTable>,
  sen: boolean,
  format: (at: Date) => string,
): NonNullable<AdmissionCase['request']> {
  const documents = documentsOf(request);
  return {
    receivedAt: format(request.received_at),
    registeredOn: request.registered_on,
    checkDueAt: format(request.check_due_at),
    documents: documents.map((document) => ({
      kind: document.kind,
      reference: document.reference,
      issuedOn: document.issuedOn ?? null,
    })),
    missing: missingAdmissionDocuments(documents, sen),
  };
}

const toDecisionView = (
  decision: Selectable<AdmissionsTable>,
  format: (at: Date) => string,
): NonNullable<AdmissionCase['decision']> => ({
  decision: decision.decision,
  reason: decision.reason,
  contractNumber: decision.contract_number,
  contractDate: decision.contract_date,
  decidedAt: format(decision.decided_at),
  signed: decision.signature !== null,
  signerIin: decision.signer_iin,
});
