import type { Policy } from '../policy/policy';
import { addDays, addMonths, type LocalDate } from '../time/local-date';
import type { Application } from './application';

/** §23(2), G-07, R-SYS-13: interest is due every 12 months from submission or the last confirmation. */
export const interestDueDate = (application: Application, policy: Policy): LocalDate =>
  addMonths(application.interestFrom, policy.interestConfirmationMonths);

/**
 * R-SYS-13: unconfirmed through the grace days after the due date → archived (`notInterested`) by the daily
 * 00:00 job of the next day ("until the end of day D").
 */
export const interestLapsed = (application: Application, today: LocalDate, policy: Policy): boolean =>
  application.status === 'queued' &&
  today > addDays(interestDueDate(application, policy), policy.interestGraceDays);
