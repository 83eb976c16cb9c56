import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { Policy } from '../policy/policy';
import { addHours, localDateOf, type Instant } from '../time/instant';
import { addDays, type LocalDate } from '../time/local-date';

/** §22 ¶2, R-ELIG-12, R-REF-07: originals are shown within 5 working days of obtaining the referral. */
export const ORIGINALS_WORKING_DAYS = 5;

/**
 * Ann.4 i.8, R-REF-06: valid 5 working days from `validFrom`; `validUntil` is the last valid day, the
 * day of `validFrom` itself not counting (R-TIME-03).
 */
export const validUntilFrom = (validFrom: Instant, policy: Policy, calendar: WorkingDayCalendar): LocalDate =>
  calendar.addWorkingDays(localDateOf(validFrom), policy.referralValidityWorkingDays);

/** R-REF-07: `confirmBy` = the 5th working day after the day of issue. */
export const confirmByFrom = (issuedAt: Instant, calendar: WorkingDayCalendar): LocalDate =>
  calendar.addWorkingDays(localDateOf(issuedAt), ORIGINALS_WORKING_DAYS);

/** §30, R-REF-09: "no later than one day" (бір тәулік) = 24 hours of elapsed time (R-TIME-04). */
export const cancelDeadlineFrom = (issuedAt: Instant, policy: Policy): Instant =>
  addHours(issuedAt, policy.referralCancelHours);

/** R-REF-10: calendar days are added to the date; a non-working last day moves to the next working day. */
export const extendedValidUntil = (
  validUntil: LocalDate,
  days: number,
  calendar: WorkingDayCalendar,
): LocalDate => calendar.workingDayOnOrAfter(addDays(validUntil, days));
