import { addMonths, daysBetween, type LocalDate } from '../time/local-date';

/**
 * Ann.2 i.8, R-ELIG-08: an employer certificate (service member, special state body, teacher) is valid one
 * month from issue — Chosen: presented on or before the same day of the next month (R-TIME-04, clamped).
 */
export const employerCertificateValid = (issuedOn: LocalDate, presentedOn: LocalDate): boolean =>
  issuedOn <= presentedOn && presentedOn <= addMonths(issuedOn, 1);

/** Days a health certificate (form 027/е) may be older than the contract (§34(1), A-23). */
export const HEALTH_CERTIFICATE_MAX_AGE_DAYS = 3;

/**
 * §34(1), R-ADM-05: the health certificate is valid iff it was issued 0 to 3 calendar days before the
 * contract date; an older one is a ground to refuse admission (`expiredDocuments`, R-ADM-04).
 */
export function healthCertificateValid(issuedOn: LocalDate, contractOn: LocalDate): boolean {
  const age = daysBetween(issuedOn, contractOn);
  return age >= 0 && age <= HEALTH_CERTIFICATE_MAX_AGE_DAYS;
}
