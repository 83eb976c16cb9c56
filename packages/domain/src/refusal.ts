/**
 * Why the rules say no. Every refusal names the rule ID of spec/preschool-rules.md it enforces;
 * the codes are the closed list of spec §4.7 plus the generic ones a state machine needs.
 */
export const REFUSAL_CODES = [
  'AGE_LIMIT',
  'REGISTRATION_LIMIT',
  'DUPLICATE_APPLICATION',
  'REQUEUE_TOO_EARLY',
  'ORIGINALS_NOT_PRESENTED',
  'NO_ACCESS',
  'NO_FREE_UNIT',
  'AGE_MISMATCH',
  'QUEUE_MISMATCH',
  'LIVE_REFERRAL_EXISTS',
  'CANCEL_WINDOW_PASSED',
  'EXTENSION_USED',
  'EXTENSION_TOO_LONG',
  'REFERRAL_NOT_RUNNING',
  'REVOCATION_REASON_REQUIRED',
  'INVALID_IIN',
  'IIN_BIRTHDATE_MISMATCH',
  'TOO_MANY_SMS_NUMBERS',
  'UNKNOWN_CATEGORY',
  /** The target does not exist (or its creating event was refused). */
  'NOT_FOUND',
  /** The action is not allowed from the current status (spec §5 state machines). */
  'INVALID_STATE',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** A rule ID of the spec, e.g. `R-ELIG-02`. */
export type RuleId = `R-${string}-${string}`;

export type Refusal = { readonly code: RefusalCode; readonly rule: RuleId; readonly message: string };

export const refusal = (code: RefusalCode, rule: RuleId, message: string): Refusal => ({
  code,
  rule,
  message,
});
