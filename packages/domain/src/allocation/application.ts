import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { orderingGroup, type CategoryCode, type Group } from '../categories/categories';
import type { Policy } from '../policy/policy';
import { queueFamily, type QueueKind } from '../queue/queue-kind';
import { refusal, type RuleId } from '../refusal';
import { localDateOf, type Instant } from '../time/instant';
import type { LocalDate } from '../time/local-date';
import { categoriesNeedingOriginals } from './needs-originals';
import { done, refused, type Outcome } from './outcome';
import { ORIGINALS_WORKING_DAYS } from './referral-clock';

/** Spec §5.1. Final: enrolled, withdrawn, rejected, archived. */
/** Spec §5.1: the statuses of an application — the one list the database, the API and the replay share. */
export const APPLICATION_STATUSES = [
  'pending',
  'queued',
  'stopped',
  'referred',
  'enrolled',
  'withdrawn',
  'rejected',
  'archived',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type Child = {
  readonly id: string;
  readonly birthDate: LocalDate;
  readonly iin?: string;
  readonly sen: boolean;
  readonly pmpcConclusion: boolean;
};

export type Application = {
  readonly id: string;
  readonly child: Child;
  readonly applicant: string;
  readonly settlement: string;
  readonly queue: QueueKind;
  /** Confirmed categories only (R-CAT-03). */
  readonly categories: readonly CategoryCode[];
  readonly submittedAt: Instant;
  readonly registrationSeq: number;
  readonly status: ApplicationStatus;
  readonly statusReason?: string;
  /** R-SYS-13: the date interest was last shown (submission or confirmation). */
  readonly interestFrom: LocalDate;
  /** R-ELIG-04: it reached `queued` at some point (a registration). */
  readonly everQueued: boolean;
  /** R-QUEUE-09(b): a privilege already used for a state organisation. */
  readonly privilegeUsed: boolean;
  /** R-REF-13: the live or admitted temporary-stay referral the queued application holds. */
  readonly temporaryReferral?: string;
};

const FINAL: readonly ApplicationStatus[] = ['enrolled', 'withdrawn', 'rejected', 'archived'];

export const isFinal = (application: Application): boolean => FINAL.includes(application.status);

/** R-ORDER-04: the highest confirmed category; a used privilege does not give first priority again. */
export const applicationGroup = (application: Application): Group =>
  orderingGroup(application.categories, application.privilegeUsed);

const moved = (
  application: Application,
  status: ApplicationStatus,
  statusReason?: string,
): Outcome<Application> =>
  done(
    { ...application, status, statusReason },
    { type: `application.${status}`, subject: application.id, reason: statusReason },
  );

const wrongState = (application: Application, rule: RuleId, action: string): Outcome<never> =>
  refused(
    refusal(
      'INVALID_STATE',
      rule,
      `application ${application.id} is ${application.status}; cannot ${action}`,
    ),
  );

/** R-ELIG-13, -15: verification registers a pending application or rejects it. */
export function verifyApplication(
  application: Application,
  result: 'confirmed' | 'rejected',
  reason?: string,
): Outcome<Application> {
  if (application.status !== 'pending') return wrongState(application, 'R-ELIG-13', 'verify it');
  return result === 'confirmed'
    ? moved({ ...application, everQueued: true }, 'queued')
    : moved(application, 'rejected', reason);
}

/** §22 ¶2, R-ELIG-12: the last day to show the originals — the 5th working day after the day of applying. */
export const originalsDeadline = (application: Application, calendar: WorkingDayCalendar): LocalDate =>
  calendar.addWorkingDays(localDateOf(application.submittedAt), ORIGINALS_WORKING_DAYS);

/**
 * R-ELIG-15: the originals deadline of a pending application passed. When identity, relationship
 * and the queue's own documents come from state systems (R-ELIG-14, `unverifiableOnly`, general queue) and
 * only categories needing originals were outstanding, it is registered without them, keeping its
 * submission time (R-ELIG-20); otherwise identity or relationship stays unconfirmed → `rejected`.
 */
export function missOriginalsDeadline(
  application: Application,
  policy: Pick<Policy, 'originalsRequired'>,
): Outcome<Application> {
  if (application.status !== 'pending') return wrongState(application, 'R-ELIG-15', 'lapse its originals');
  const unconfirmed = categoriesNeedingOriginals(application.categories);
  const onlyCategories =
    policy.originalsRequired === 'unverifiableOnly' &&
    queueFamily(application.queue) === 'general' &&
    unconfirmed.length > 0;
  if (!onlyCategories) return moved(application, 'rejected', 'ORIGINALS_NOT_PRESENTED');
  return moved(
    {
      ...application,
      everQueued: true,
      categories: application.categories.filter((code) => !unconfirmed.includes(code)),
    },
    'queued',
    'categoryNotConfirmed',
  );
}

/** R-ORDER-07: a confirmed privilege change keeps submittedAt and re-places the application. */
export function changeCategories(
  application: Application,
  categories: readonly CategoryCode[],
): Outcome<Application> {
  if (isFinal(application)) return wrongState(application, 'R-ORDER-07', 'change its categories');
  return done(
    { ...application, categories: categories.filter((code) => code !== 'none') },
    { type: 'application.categoriesChanged', subject: application.id },
  );
}

/** R-APPL-03: withdrawal is final; a referred application first needs its referral ended (spec §5.1). */
export function withdrawApplication(application: Application): Outcome<Application> {
  if (!['pending', 'queued', 'stopped'].includes(application.status))
    return wrongState(application, 'R-APPL-03', 'withdraw it');
  return moved(application, 'withdrawn', 'byApplicant');
}

/** R-SYS-12: a clerk puts a queued application on the stop list or lifts it (R-ORDER-10 keeps its time). */
export function setStopList(application: Application, on: boolean, reason?: string): Outcome<Application> {
  if (on) {
    return application.status === 'queued'
      ? moved(application, 'stopped', reason)
      : wrongState(application, 'R-SYS-12', 'put it on the stop list');
  }
  return application.status === 'stopped'
    ? moved(application, 'queued')
    : wrongState(application, 'R-SYS-12', 'lift a stop it is not under');
}

/** §23(2), R-APPL-08, R-SYS-13: the yearly confirmation of interest restarts the 12 months. */
export function confirmInterest(application: Application, today: LocalDate): Outcome<Application> {
  if (isFinal(application)) return wrongState(application, 'R-APPL-08', 'confirm interest');
  return done(
    { ...application, interestFrom: today },
    { type: 'application.interestConfirmed', subject: application.id },
  );
}

/**
 * R-ORDER-09: a referral takes the application out of the queue; R-REF-13: a temporary-stay one keeps it
 * queued with the placement noted.
 */
export function referApplication(
  application: Application,
  referral: string,
  temporary: boolean,
): Application {
  return temporary
    ? { ...application, temporaryReferral: referral }
    : { ...application, status: 'referred', statusReason: undefined };
}

/**
 * R-REF-08, -09, -12, -15, R-ADM-10, R-ORDER-10: the referral ended without admission; the application is
 * back in the queue with its submission time, or on the stop list where the policy says so.
 */
export function returnToQueue(application: Application, referral: string, toStopList: boolean): Application {
  if (application.temporaryReferral === referral) return { ...application, temporaryReferral: undefined };
  if (application.status !== 'referred') return application;
  return toStopList
    ? { ...application, status: 'stopped', statusReason: 'referralExpired' }
    : { ...application, status: 'queued', statusReason: undefined };
}

/** R-ADM-09: admitted under a permanent referral; a temporary stay keeps the queue (R-REF-13). */
export function enrollApplication(application: Application, temporary: boolean): Application {
  return temporary ? application : { ...application, status: 'enrolled', statusReason: undefined };
}

/** R-SYS-10 (`ageLimit`), R-SYS-13 (`notInterested`), R-ADM-09 (`enrolledElsewhere`). */
export const archiveApplication = (application: Application, reason: string): Application => ({
  ...application,
  status: 'archived',
  statusReason: reason,
});

/** R-REF-08: a privilege not confirmed after the referral is dropped; the application goes on in group G. */
export const dropPrivileges = (application: Application): Application => ({ ...application, categories: [] });
