import { parseIin, checkIinMatchesBirthDate } from '../iin/iin';
import type { Policy } from '../policy/policy';
import { refusal, type Refusal } from '../refusal';
import { localDateOf, type Instant } from '../time/instant';
import {
  addMonths,
  dateInYear,
  makeLocalDate,
  nthBirthday,
  yearOf,
  type LocalDate,
} from '../time/local-date';
import { queueFamily, type QueueKind } from './queue-kind';

export type QueueAgeChild = {
  readonly birthDate: LocalDate;
  /** Special educational needs (category `sen`) … */
  readonly sen: boolean;
  /** … confirmed by a PMPC conclusion (§18, §24(9), A-12). */
  readonly pmpcConclusion: boolean;
};

export type AgePolicy = Pick<Policy, 'archiveAge' | 'ageCutoff'>;

const exemptFromAgeLimit = (child: QueueAgeChild): boolean => child.sen && child.pmpcConclusion;

/**
 * R-ELIG-03, the one test for §18 and §24(9): a child may apply and stay queued unless it has
 * turned 6 and did so before 1 September of the current (calendar) year; a SEN child with a PMPC
 * conclusion always may. A birthday on 1 September is not "before" it (E5).
 */
export function withinQueueAge(child: QueueAgeChild, today: LocalDate, policy: AgePolicy): boolean {
  if (exemptFromAgeLimit(child)) return true;
  const limitBirthday = nthBirthday(child.birthDate, policy.archiveAge);
  return today < limitBirthday || limitBirthday >= dateInYear(yearOf(today), policy.ageCutoff);
}

/**
 * R-SYS-10: the first day on which withinQueueAge is false (the 00:00 archiving job's day), or undefined
 * when the child is never archived for age. Before the cut-off day that is the 6th birthday itself;
 * from it on, the next 1 January, when "the current year" turns.
 */
export function queueAgeEnds(child: QueueAgeChild, policy: AgePolicy): LocalDate | undefined {
  if (exemptFromAgeLimit(child)) return undefined;
  const limitBirthday = nthBirthday(child.birthDate, policy.archiveAge);
  const year = yearOf(limitBirthday);
  return limitBirthday < dateInYear(year, policy.ageCutoff) ? limitBirthday : makeLocalDate(year + 1, 1, 1);
}

/** One of the child's earlier applications, in any settlement and queue. */
export type PriorApplication = {
  readonly id: string;
  readonly settlement: string;
  readonly queue: QueueKind;
  /** Not in a final status (spec 5.1): `pending`, `queued`, `stopped` or `referred`. */
  readonly live: boolean;
  /** It reached `queued` at some point: a registration of R-ELIG-04. */
  readonly everQueued: boolean;
};

/**
 * A referral the child got as an out-of-turn or first-priority applicant (its application was in group O
 * or P when it was issued), not for temporary stay (§16, R-QUEUE-09).
 */
export type PrivilegedReferral = {
  readonly ownership: 'state' | 'private';
  readonly issuedAt: Instant;
  readonly admittedOn?: LocalDate;
};

export type NewApplication = {
  readonly settlement: string;
  readonly queue: QueueKind;
  readonly child: QueueAgeChild & {
    /** The child's IIN as given (R-ELIG-22); the birth date comes from the register. */
    readonly iin?: string;
  };
};

/** What the system knows about the child when it applies; supplied by the replay or the database alike. */
export type ApplicationHistory = {
  readonly applications: readonly PriorApplication[];
  readonly privilegedReferrals: readonly PrivilegedReferral[];
};

export type EligibilityPolicy = AgePolicy &
  Pick<Policy, 'maxRegistrationsPerSettlement' | 'requeueAfterPrivilegeMonths'>;

function checkIin(child: NewApplication['child']): Refusal | undefined {
  if (child.iin === undefined) return undefined;
  const parsed = parseIin(child.iin);
  if (!parsed.ok) return refusal('INVALID_IIN', 'R-ELIG-22', parsed.error.message);
  return checkIinMatchesBirthDate(parsed.value.value, child.birthDate)
    ? undefined
    : refusal(
        'IIN_BIRTHDATE_MISMATCH',
        'R-ELIG-22',
        `IIN ${child.iin} encodes the birth date ${parsed.value.birthDate}, not ${child.birthDate}`,
      );
}

/**
 * R-QUEUE-05/06 (§17): one live application per queue family, all in one settlement; only a SEN child with
 * confirming documents may hold more than one (general + special + sanatorium).
 */
function checkDuplicate(input: NewApplication, live: readonly PriorApplication[]): Refusal | undefined {
  const family = queueFamily(input.queue);
  const sameFamily = live.find((application) => queueFamily(application.queue) === family);
  if (sameFamily !== undefined)
    return refusal(
      'DUPLICATE_APPLICATION',
      'R-QUEUE-06',
      `the child already has a live ${family} application (${sameFamily.id} in ${sameFamily.queue})`,
    );
  const [other] = live;
  if (other === undefined) return undefined;
  if (!exemptFromAgeLimit(input.child))
    return refusal(
      'DUPLICATE_APPLICATION',
      'R-QUEUE-05',
      `only a child with special educational needs and a PMPC conclusion may be in several queues; ${other.id} is live`,
    );
  const elsewhere = live.find((application) => application.settlement !== input.settlement);
  return elsewhere === undefined
    ? undefined
    : refusal(
        'DUPLICATE_APPLICATION',
        'R-QUEUE-06',
        `the child's live applications are in settlement ${elsewhere.settlement}, not ${input.settlement}`,
      );
}

/** R-ELIG-04: at most N registrations per child × settlement × queue family in the preschool period. */
function checkRegistrations(
  input: NewApplication,
  applications: readonly PriorApplication[],
  policy: EligibilityPolicy,
): Refusal | undefined {
  const family = queueFamily(input.queue);
  const registrations = applications.filter(
    (application) =>
      application.everQueued &&
      application.settlement === input.settlement &&
      queueFamily(application.queue) === family,
  ).length;
  return registrations < policy.maxRegistrationsPerSettlement
    ? undefined
    : refusal(
        'REGISTRATION_LIMIT',
        'R-ELIG-04',
        `the child has already been registered ${registrations} times in the ${family} queue of ${input.settlement}` +
          ` (at most ${policy.maxRegistrationsPerSettlement})`,
      );
}

/**
 * R-QUEUE-09 (A-07, §16): after a privileged referral to a state organisation the child joins the general
 * queue again only a month after admission (without admission: after the issue date).
 */
function checkRequeue(
  input: NewApplication,
  referrals: readonly PrivilegedReferral[],
  policy: EligibilityPolicy,
  today: LocalDate,
): Refusal | undefined {
  if (input.queue !== 'general') return undefined;
  const acceptedFrom = referrals
    .filter((referral) => referral.ownership === 'state')
    .map((referral) =>
      addMonths(referral.admittedOn ?? localDateOf(referral.issuedAt), policy.requeueAfterPrivilegeMonths),
    )
    .reduce<LocalDate | undefined>(
      (latest, date) => (latest === undefined || date > latest ? date : latest),
      undefined,
    );
  return acceptedFrom === undefined || today >= acceptedFrom
    ? undefined
    : refusal(
        'REQUEUE_TOO_EARLY',
        'R-QUEUE-09',
        `after a privileged referral to a state kindergarten the general queue accepts the child from ${acceptedFrom}`,
      );
}

/**
 * The checks a new application must pass before it is created (spec 5.1, R-REFUSE-04), in this order:
 * IIN (R-ELIG-22), age (R-ELIG-02/03), duplicates (R-QUEUE-05/06), registrations (R-ELIG-04), re-queue
 * after a used privilege (R-QUEUE-09). Undefined = accepted.
 */
export function checkNewApplication(
  input: NewApplication,
  history: ApplicationHistory,
  policy: EligibilityPolicy,
  today: LocalDate,
): Refusal | undefined {
  return (
    checkIin(input.child) ??
    (withinQueueAge(input.child, today, policy)
      ? undefined
      : refusal(
          'AGE_LIMIT',
          'R-ELIG-03',
          `a child born on ${input.child.birthDate} is over ${policy.archiveAge} on ${policy.ageCutoff} of ${yearOf(today)}`,
        )) ??
    checkDuplicate(
      input,
      history.applications.filter((application) => application.live),
    ) ??
    checkRegistrations(input, history.applications, policy) ??
    checkRequeue(input, history.privilegedReferrals, policy, today)
  );
}
