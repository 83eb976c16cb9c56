import { monthDay, parseMonthDay, type MonthDay } from '../time/local-date';
import { err, ok, type Result } from '../time/result';
import { parseTimeOfDay, timeOfDay, type TimeOfDay } from '../time/time-of-day';

/**
 * The regional policy (spec 4.7). By law only the regulated times may change (§24(3)–(4)); the other
 * numbers are legal constants, changeable for simulation, and the switches choose between the readings
 * the spec records as ambiguities.
 */
export type Policy = {
  /** §24(3), R-SYS-04: daily publication of the bulletin of vacated places. */
  readonly bulletinTime: TimeOfDay;
  /** §24(4), R-SYS-05: daily opening of the priority window; "not later than 23:59" holds for any TimeOfDay. */
  readonly windowOpens: TimeOfDay;
  /** §24(4), R-WIN-05. */
  readonly priorityWindowWorkingDays: number;
  /** §24(10), R-WIN-07: leftover places open to the first N of the queue. */
  readonly leftoverFirstN: number;
  /** §21 ¶3, R-ORDER-03: one first-priority application after this many general ones. */
  readonly generalPerPriority: number;
  /** §15, A-01: registrations per child × settlement × queue kind. */
  readonly maxRegistrationsPerSettlement: number;
  /** Ann.4 i.8, R-REF-06. */
  readonly referralValidityWorkingDays: number;
  /** §30, R-REF-09: "one day" (бір тәулік). */
  readonly referralCancelHours: number;
  /** §30, R-REF-10: one extension of at most this many calendar days. */
  readonly referralExtensionMaxDays: number;
  /** §16, R-QUEUE-09: a used privilege re-queues in the general queue after this many months. */
  readonly requeueAfterPrivilegeMonths: number;
  /** §18, §24(9), R-ELIG-02: the age limit … */
  readonly archiveAge: number;
  /** … measured on this day of the current year (1 September). */
  readonly ageCutoff: MonthDay;
  /** A-03, R-ORDER-05: `anchored` keeps the 1:3 counter across referrals; `stateless` is the literal §21. */
  readonly interleave: 'anchored' | 'stateless';
  /** A-16, R-WIN-03: windows open every calendar day (true) or only on working days. */
  readonly windowEveryCalendarDay: boolean;
  /** A-08, R-ELIG-14: originals only for what state systems cannot confirm, or for everything (literal §22). */
  readonly originalsRequired: 'unverifiableOnly' | 'all';
  /** A-10, R-ELIG-19: phthisiatrician's conclusion for sanatorium queues only, or for all (literal Ann.2 i.8). */
  readonly phthisiatricianFor: 'sanatorium' | 'all';
  /** A-07, R-QUEUE-09: after a used privilege, only private organisations' places may be claimed. */
  readonly privilegeReuseOnlyPrivate: boolean;
  /** A-14, R-REF-08/12: an expired referral sends the application to the stop list instead of the queue. */
  readonly stopListOnReferralExpiry: boolean;
  /** §23(2), G-07, R-SYS-13: interest is confirmed every this many months … */
  readonly interestConfirmationMonths: number;
  /** … with this many days of grace before archiving. */
  readonly interestGraceDays: number;
};

export type PolicyOverrides = Partial<Policy>;

export type PolicyFieldError = { readonly field: string; readonly message: string };

type FieldParser<T> = (value: unknown) => Result<T>;

const timeField: FieldParser<TimeOfDay> = (value) =>
  typeof value === 'string' ? parseTimeOfDay(value) : err('must be a time string "HH:MM"');

const monthDayField: FieldParser<MonthDay> = (value) =>
  typeof value === 'string' ? parseMonthDay(value) : err('must be a day of the year "MM-DD"');

const integerField =
  (min: number): FieldParser<number> =>
  (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min
      ? ok(value)
      : err(`must be a whole number ≥ ${min}`);

const booleanField: FieldParser<boolean> = (value) =>
  typeof value === 'boolean' ? ok(value) : err('must be true or false');

const oneOf =
  <T extends string>(...values: readonly T[]): FieldParser<T> =>
  (value) =>
    values.some((allowed) => allowed === value)
      ? ok(value as T)
      : err(`must be one of ${values.map((v) => `"${v}"`).join(', ')}`);

const FIELD_PARSERS: { readonly [K in keyof Policy]: FieldParser<Policy[K]> } = {
  bulletinTime: timeField,
  windowOpens: timeField,
  priorityWindowWorkingDays: integerField(1),
  leftoverFirstN: integerField(1),
  generalPerPriority: integerField(1),
  maxRegistrationsPerSettlement: integerField(1),
  referralValidityWorkingDays: integerField(1),
  referralCancelHours: integerField(0),
  referralExtensionMaxDays: integerField(0),
  requeueAfterPrivilegeMonths: integerField(0),
  archiveAge: integerField(1),
  ageCutoff: monthDayField,
  interleave: oneOf('anchored', 'stateless'),
  windowEveryCalendarDay: booleanField,
  originalsRequired: oneOf('unverifiableOnly', 'all'),
  phthisiatricianFor: oneOf('sanatorium', 'all'),
  privilegeReuseOnlyPrivate: booleanField,
  stopListOnReferralExpiry: booleanField,
  interestConfirmationMonths: integerField(1),
  interestGraceDays: integerField(0),
};

const isPolicyField = (field: string): field is keyof Policy => Object.hasOwn(FIELD_PARSERS, field);

/** Validates overrides from untrusted input (the scenario `policy` event, a regional setting). */
export function parsePolicyOverrides(input: unknown): Result<PolicyOverrides, PolicyFieldError[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return err([{ field: '', message: 'policy overrides must be an object of field → value' }]);
  const errors: PolicyFieldError[] = [];
  const overrides: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (!isPolicyField(field)) {
      errors.push({ field, message: 'is not a policy field' });
      continue;
    }
    const parsed = FIELD_PARSERS[field](value);
    if (parsed.ok) overrides[field] = parsed.value;
    else errors.push({ field, message: parsed.error });
  }
  // Each value was produced by its own field's parser, so the record is a well-typed PolicyOverrides.
  return errors.length === 0 ? ok(overrides as PolicyOverrides) : err(errors);
}

/** The regulation defaults (spec 4.7 and the scenario format's policy table). */
export const DEFAULT_POLICY: Policy = {
  bulletinTime: timeOfDay('18:00'),
  windowOpens: timeOfDay('07:00'),
  priorityWindowWorkingDays: 3,
  leftoverFirstN: 1000,
  generalPerPriority: 3,
  maxRegistrationsPerSettlement: 3,
  referralValidityWorkingDays: 5,
  referralCancelHours: 24,
  referralExtensionMaxDays: 30,
  requeueAfterPrivilegeMonths: 1,
  archiveAge: 6,
  ageCutoff: monthDay('09-01'),
  interleave: 'anchored',
  windowEveryCalendarDay: true,
  originalsRequired: 'unverifiableOnly',
  phthisiatricianFor: 'sanatorium',
  privilegeReuseOnlyPrivate: true,
  stopListOnReferralExpiry: false,
  interestConfirmationMonths: 12,
  interestGraceDays: 30,
};

/** `base` with the validated `input` overrides applied, or every field error at once. */
export function validatePolicyOverrides(
  input: unknown,
  base: Policy = DEFAULT_POLICY,
): Result<Policy, PolicyFieldError[]> {
  const parsed = parsePolicyOverrides(input);
  return parsed.ok ? ok({ ...base, ...parsed.value }) : parsed;
}
