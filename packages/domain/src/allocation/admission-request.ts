import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { addOfficeMinutes } from '../calendar/office-hours';
import { localDateOf, type Instant } from '../time/instant';
import type { LocalDate } from '../time/local-date';

/**
 * Ann.4 i.8, R-ADM-01: the documents of admission. On the portal the parent sends e-copies of the medical ones
 * (vaccination card 065/е, health certificate 027/е) and, for a SEN child, the PMPC conclusion; the referral is
 * electronic and the identity document and birth certificate come from the state databases (e-documents), so
 * the parent may attach them but need not.
 */
export const ADMISSION_DOCUMENT_KINDS = [
  'vaccinationCard065',
  'healthCertificate027',
  'pmpcConclusion',
  'identityDocument',
  'birthCertificate',
] as const;
export type AdmissionDocumentKind = (typeof ADMISSION_DOCUMENT_KINDS)[number];

export type AdmissionDocument = {
  readonly kind: AdmissionDocumentKind;
  /** The e-copy's reference: an e-document number or the stored file's name. */
  readonly reference: string;
  readonly issuedOn?: LocalDate;
};

/** R-ADM-01: what a portal request must carry for the child (`sen`: the PMPC conclusion too). */
export const requiredAdmissionDocuments = (sen: boolean): AdmissionDocumentKind[] =>
  sen
    ? ['vaccinationCard065', 'healthCertificate027', 'pmpcConclusion']
    : ['vaccinationCard065', 'healthCertificate027'];

/** R-ADM-01, R-ADM-04(1): the required documents the request lacks — a ground for a reasoned refusal. */
export const missingAdmissionDocuments = (
  documents: readonly AdmissionDocument[],
  sen: boolean,
): AdmissionDocumentKind[] =>
  requiredAdmissionDocuments(sen).filter((kind) => !documents.some((document) => document.kind === kind));

/**
 * §32 ¶6–8, R-ADM-03: a request sent on the portal is registered on the day it arrives — after the office's hours,
 * on the next working day (R-SCOPE-09) — and its completeness is checked within 30 minutes of working time.
 */
export const ADMISSION_CHECK_MINUTES = 30;

export function admissionRequestTerms(
  receivedAt: Instant,
  calendar: WorkingDayCalendar,
): { registeredOn: LocalDate; checkDueAt: Instant } {
  return {
    registeredOn: localDateOf(addOfficeMinutes(receivedAt, 0, calendar)),
    checkDueAt: addOfficeMinutes(receivedAt, ADMISSION_CHECK_MINUTES, calendar),
  };
}
