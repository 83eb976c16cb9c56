// Public API of @kezek/domain: pure value types and rules; time is always an argument.

export { err, ok, orThrow, type Result } from './time/result';
export {
  addDays,
  addMonths,
  compareLocalDates,
  dateInYear,
  dayOf,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  fromEpochDay,
  fullYearsBetween,
  isLeapYear,
  localDate,
  makeLocalDate,
  monthDay,
  monthOf,
  nthBirthday,
  parseLocalDate,
  parseMonthDay,
  toEpochDay,
  yearOf,
  type IsoDayOfWeek,
  type LocalDate,
  type MonthDay,
} from './time/local-date';
export { minutesOfDay, parseTimeOfDay, timeOfDay, type TimeOfDay } from './time/time-of-day';
export {
  atTime,
  dateOf,
  localDateTime,
  parseLocalDateTime,
  type LocalDateTime,
} from './time/local-date-time';
export {
  addHours,
  addMinutes,
  endOfLocalDay,
  formatInstant,
  instant,
  instantAt,
  instantFromEpochMs,
  kzOffsetMinutesAt,
  localDateOf,
  parseInstant,
  startOfLocalDay,
  toInstant,
  toLocalDateTime,
  type Instant,
} from './time/instant';

export {
  createWorkingDayCalendar,
  parseYearCalendar,
  type WorkingDayCalendar,
  type YearCalendar,
} from './calendar/working-day-calendar';
export { KZ_WORKING_DAY_CALENDAR, kzYearCalendar } from './calendar/kz-calendar';
export { KZ_FIXED_HOLIDAYS, KZ_YEAR_VARIABLES } from './calendar/kz-holidays';

export { controlDigit, type IdNumberError, type IdNumberErrorCode } from './iin/check-digit';
export { checkIinMatchesBirthDate, makeIin, parseIin, type Iin, type ParsedIin, type Sex } from './iin/iin';
export { makeBin, parseBin, type Bin } from './iin/bin';

export {
  CATEGORIES,
  groupOf,
  isCategoryCode,
  parseCategories,
  type CategoryCode,
  type Group,
} from './categories/categories';

export {
  DEFAULT_POLICY,
  parsePolicyOverrides,
  validatePolicyOverrides,
  type Policy,
  type PolicyFieldError,
  type PolicyOverrides,
} from './policy/policy';
export {
  addPolicyChange,
  createPolicyTimeline,
  policyAt,
  type PolicyChange,
  type PolicyTimeline,
} from './policy/policy-timeline';
export { REFUSAL_CODES, refusal, type Refusal, type RefusalCode, type RuleId } from './refusal';

export {
  DISORDERS,
  parseQueueKey,
  parseQueueKind,
  queueFamily,
  queueKey,
  type Disorder,
  type QueueFamily,
  type QueueKeyParts,
  type QueueKind,
} from './queue/queue-kind';
export {
  compareMembers,
  nextGSinceP,
  orderQueue,
  type InterleaveOptions,
  type OrderOptions,
  type QueueMember,
} from './queue/ordering';
export { createQueueIndex, type QueueIndex } from './queue/queue-index';
export {
  checkNewApplication,
  queueAgeEnds,
  withinQueueAge,
  type AgePolicy,
  type ApplicationHistory,
  type EligibilityPolicy,
  type NewApplication,
  type PriorApplication,
  type PrivilegedReferral,
  type QueueAgeChild,
} from './queue/eligibility';
