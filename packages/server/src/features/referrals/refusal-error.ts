import type { Refusal } from '@kezek/domain';
import { AppError } from '../../platform/app-error';

/** Codes that say the record is not in a state for the action (409); the others are a rule's no (422). */
const CONFLICTS = new Set<Refusal['code']>([
  'INVALID_STATE',
  'LIVE_REFERRAL_EXISTS',
  'NO_FREE_UNIT',
  'CANCEL_WINDOW_PASSED',
  'EXTENSION_USED',
  'REFERRAL_NOT_RUNNING',
]);

/** A domain refusal as the one error type, naming the field and the rule (DESIGN.md: never a 500). */
export const refusalError = (refused: Refusal, field: string): AppError =>
  new AppError(
    CONFLICTS.has(refused.code) ? 'CONFLICT' : 'RULE_VIOLATION',
    `${refused.code}: ${refused.message}`,
    {
      field,
      rule: refused.rule,
    },
  );
