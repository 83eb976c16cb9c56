import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { Policy } from '../policy/policy';
import { refusal } from '../refusal';
import { endOfLocalDay, localDateOf, type Instant } from '../time/instant';
import type { LocalDate } from '../time/local-date';
import { done, refused, type Outcome } from './outcome';
import type { AdmissionMode, RevocationReason } from './place';
import { cancelDeadlineFrom, confirmByFrom, extendedValidUntil, validUntilFrom } from './referral-clock';

/** Spec §5.2. Live = issued or extended. */
export type ReferralStatus =
  'issued' | 'extended' | 'cancelled' | 'expired' | 'revoked' | 'admitted' | 'refused';

/** Spec 4.5: what a live referral is waiting for. */
export type ReferralPhase = 'pendingConfirmation' | 'waitingForPlace' | 'running';

export type ExtensionReason = 'illness' | 'treatment' | 'businessTrip' | 'leave';
export type AdmissionRefusalReason = 'missingDocuments' | 'expiredDocuments' | 'medicalContraindication';
export type ConfirmationResult = 'confirmed' | 'privilegeNotConfirmed' | 'identityNotConfirmed';

export type Referral = {
  readonly id: string;
  readonly application: string;
  readonly child: string;
  readonly place: string;
  readonly unit: number;
  readonly admission: AdmissionMode;
  readonly issuedAt: Instant;
  readonly cancelDeadline: Instant;
  readonly phase: ReferralPhase;
  readonly confirmBy?: LocalDate;
  readonly validFrom?: Instant;
  readonly validUntil?: LocalDate;
  readonly extension?: {
    readonly days: number;
    readonly reason: ExtensionReason;
    readonly requestedAt: Instant;
  };
  readonly status: ReferralStatus;
  readonly statusReason?: string;
  /** §29, R-REF-04: referrals issued together to siblings. */
  readonly siblingGroup?: string;
  /** §16, R-QUEUE-09: issued to an out-of-turn or first-priority application. */
  readonly privileged: boolean;
  readonly admittedAt?: Instant;
};

export const isLive = (referral: Referral): boolean =>
  referral.status === 'issued' || referral.status === 'extended';

export type IssueInput = Pick<
  Referral,
  'id' | 'application' | 'child' | 'place' | 'unit' | 'admission' | 'siblingGroup' | 'privileged'
> & {
  /** R-ELIG-14, R-REF-07: originals must be shown after the referral. */
  readonly needsConfirmation: boolean;
  /** R-KG-04: the early-booked place is not yet vacated. */
  readonly placeWaiting: boolean;
};

const running = (
  referral: Referral,
  validFrom: Instant,
  policy: Policy,
  calendar: WorkingDayCalendar,
): Referral => ({
  ...referral,
  phase: 'running',
  validFrom,
  validUntil: validUntilFrom(validFrom, policy, calendar),
});

/**
 * R-SYS-06, R-REF-06, -07, R-KG-04: a new referral runs at once (§3(6)), waits for the originals, or waits
 * for the early-booked place to be vacated (§3(7)).
 */
export function issueReferral(
  input: IssueInput,
  at: Instant,
  policy: Policy,
  calendar: WorkingDayCalendar,
): Referral {
  const { needsConfirmation, placeWaiting, ...identity } = input;
  const base: Referral = {
    ...identity,
    issuedAt: at,
    cancelDeadline: cancelDeadlineFrom(at, policy),
    phase: 'pendingConfirmation',
    status: 'issued',
  };
  if (needsConfirmation) return { ...base, confirmBy: confirmByFrom(at, calendar) };
  return placeWaiting ? { ...base, phase: 'waitingForPlace' } : running(base, at, policy, calendar);
}

const ended = (
  referral: Referral,
  status: ReferralStatus,
  statusReason: string | undefined,
): Outcome<Referral> =>
  done(
    { ...referral, status, statusReason },
    { type: `referral.${status}`, subject: referral.id, reason: statusReason },
  );

/**
 * R-REF-07, -08: the provider's check of the originals. Confirmed → running (or waiting for the place);
 * privilege not confirmed → cancelled; identity not confirmed → expired.
 */
export function confirmReferral(
  referral: Referral,
  result: ConfirmationResult,
  context: {
    readonly at: Instant;
    readonly placeWaiting: boolean;
    readonly policy: Policy;
    readonly calendar: WorkingDayCalendar;
  },
): Outcome<Referral> {
  if (!isLive(referral) || referral.phase !== 'pendingConfirmation')
    return refused(
      refusal(
        'INVALID_STATE',
        'R-REF-07',
        `referral ${referral.id} is not awaiting confirmation of originals`,
      ),
    );
  if (result === 'privilegeNotConfirmed') return ended(referral, 'cancelled', 'privilegeNotConfirmed');
  if (result === 'identityNotConfirmed') return ended(referral, 'expired', 'notConfirmed');
  const next = context.placeWaiting
    ? { ...referral, phase: 'waitingForPlace' as const }
    : running(referral, context.at, context.policy, context.calendar);
  return done(next, { type: 'referral.confirmed', subject: referral.id });
}

/**
 * §22 ¶2, R-KG-07: the kindergarten sees a referral only once the provider has confirmed the documents;
 * one that never got past the originals it never sees.
 */
export const visibleToKindergarten = (referral: Referral): boolean =>
  referral.phase !== 'pendingConfirmation';

/** R-SYS-07, R-REF-06: the place is vacated; a referral waiting for it starts running from now. */
export const startOnVacating = (
  referral: Referral,
  at: Instant,
  policy: Policy,
  calendar: WorkingDayCalendar,
): Referral =>
  isLive(referral) && referral.phase === 'waitingForPlace'
    ? running(referral, at, policy, calendar)
    : referral;

/** §30, R-REF-09: the applicant may cancel until issue + 24 h, the deadline instant itself included. */
export function cancelReferral(referral: Referral, at: Instant): Outcome<Referral> {
  if (!isLive(referral))
    return refused(refusal('INVALID_STATE', 'R-REF-09', `referral ${referral.id} is ${referral.status}`));
  if (at > referral.cancelDeadline)
    return refused(
      refusal(
        'CANCEL_WINDOW_PASSED',
        'R-REF-09',
        `referral ${referral.id} could be cancelled only within a day of its issue`,
      ),
    );
  return ended(referral, 'cancelled', 'byApplicant');
}

/** §30, R-REF-10: once, while running and not past `validUntil`, by at most the policy's calendar days. */
export function extendReferral(
  referral: Referral,
  request: { readonly days: number; readonly reason: ExtensionReason; readonly at: Instant },
  policy: Policy,
  calendar: WorkingDayCalendar,
): Outcome<Referral> {
  if (referral.status === 'extended')
    return refused(
      refusal('EXTENSION_USED', 'R-REF-10', `referral ${referral.id} has already been extended once`),
    );
  if (!isLive(referral) || referral.phase !== 'running' || referral.validUntil === undefined)
    return refused(refusal('REFERRAL_NOT_RUNNING', 'R-REF-10', `referral ${referral.id} is not running`));
  if (request.at > endOfLocalDay(referral.validUntil))
    return refused(
      refusal('REFERRAL_NOT_RUNNING', 'R-REF-10', `referral ${referral.id} ended on ${referral.validUntil}`),
    );
  if (request.days > policy.referralExtensionMaxDays)
    return refused(
      refusal(
        'EXTENSION_TOO_LONG',
        'R-REF-10',
        `an extension is at most ${policy.referralExtensionMaxDays} calendar days`,
      ),
    );
  return done(
    {
      ...referral,
      status: 'extended',
      extension: { days: request.days, reason: request.reason, requestedAt: request.at },
      validUntil: extendedValidUntil(referral.validUntil, request.days, calendar),
    },
    { type: 'referral.extended', subject: referral.id, reason: request.reason },
  );
}

/**
 * R-REF-12, R-REF-08: the daily 00:00 job of `today` expires a running referral whose `validUntil` has
 * ended, and one still awaiting originals after `confirmBy`; undefined when nothing is due.
 */
export function expireIfDue(referral: Referral, today: LocalDate): Referral | undefined {
  if (!isLive(referral)) return undefined;
  if (referral.phase === 'running' && referral.validUntil !== undefined && referral.validUntil < today)
    return { ...referral, status: 'expired', statusReason: 'notAdmitted' };
  if (
    referral.phase === 'pendingConfirmation' &&
    referral.confirmBy !== undefined &&
    referral.confirmBy < today
  )
    return { ...referral, status: 'expired', statusReason: 'notConfirmed' };
  return undefined;
}

const runningNow = (
  referral: Referral,
  at: Instant,
  rule: 'R-ADM-09' | 'R-ADM-10',
): Outcome<never> | undefined =>
  isLive(referral) &&
  referral.phase === 'running' &&
  referral.validUntil !== undefined &&
  localDateOf(at) <= referral.validUntil
    ? undefined
    : refused(refusal('REFERRAL_NOT_RUNNING', rule, `referral ${referral.id} is not running`));

/** R-ADM-09: admission only on a running referral before the end of `validUntil`. */
export function admitReferral(referral: Referral, at: Instant): Outcome<Referral> {
  return (
    runningNow(referral, at, 'R-ADM-09') ?? ended({ ...referral, admittedAt: at }, 'admitted', undefined)
  );
}

/** R-ADM-04, R-ADM-10: the kindergarten refuses admission for a §34 reason. */
export function refuseAdmission(
  referral: Referral,
  reason: AdmissionRefusalReason,
  at: Instant,
): Outcome<Referral> {
  return runningNow(referral, at, 'R-ADM-10') ?? ended(referral, 'refused', reason);
}

/**
 * §25(4), R-KG-05: the temporary stay ended before the child was admitted — the referral lapses
 * (`expired`, `stayEnded`); undefined when it is not live.
 */
export const expireWithStay = (referral: Referral): Referral | undefined =>
  isLive(referral) ? { ...referral, status: 'expired', statusReason: 'stayEnded' } : undefined;

/** R-KG-03, R-REF-15: the place was revoked under the live referral. */
export const revokeReferral = (referral: Referral, reason: RevocationReason): Referral => ({
  ...referral,
  status: 'revoked',
  statusReason: reason,
});
