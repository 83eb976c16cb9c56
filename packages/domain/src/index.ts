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
export { addOfficeMinutes, PROVIDER_OFFICE_HOURS, type OfficeHours } from './calendar/office-hours';
export { KZ_FIXED_HOLIDAYS, KZ_YEAR_VARIABLES } from './calendar/kz-holidays';

export { controlDigit, type IdNumberError, type IdNumberErrorCode } from './iin/check-digit';
export { checkIinMatchesBirthDate, makeIin, parseIin, type Iin, type ParsedIin, type Sex } from './iin/iin';
export { makeBin, parseBin, type Bin } from './iin/bin';

export {
  CATEGORIES,
  groupOf,
  orderingGroup,
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

export {
  applicationGroup,
  type Application,
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type Child,
} from './allocation/application';
export { assembleBulletin, windowsOf, type Bulletin, type BulletinEntry } from './allocation/bulletin';
export {
  checkClaimant,
  checkMatch,
  checkPrivilegeReuse,
  chooseUnit,
  planSiblingUnits,
} from './allocation/claim';
export { interestDueDate, interestLapsed } from './allocation/interest';
export { needsOriginals } from './allocation/needs-originals';
export type { DomainEvent, Outcome } from './allocation/outcome';
export {
  placeStatus,
  reportPlace,
  revokeUnits,
  type AdmissionMode,
  type Ownership,
  type Place,
  type PlaceMode,
  type PlaceStatus,
  type RevocationReason,
} from './allocation/place';
export {
  admitReferral,
  cancelReferral,
  confirmReferral,
  expireIfDue,
  extendReferral,
  isLive,
  issueReferral,
  refuseAdmission,
  type AdmissionRefusalReason,
  type ConfirmationResult,
  type ExtensionReason,
  type Referral,
  type ReferralPhase,
  type ReferralStatus,
} from './allocation/referral';
export { earliestJob, nextBulletinAt, nextDailyAt, type DueJob, type JobKind } from './allocation/schedule';
export {
  windowClosing,
  windowOpeningAfter,
  windowPhase,
  type AllocationWindow,
  type WindowPhase,
} from './allocation/window';
export { replay, type EventResult, type ReplayOutput } from './simulation/replay';
export type { StateView } from './simulation/render-state';
export { siblingReferralRef, type ScenarioAction, type ScenarioEvent } from './simulation/scenario-event';
export { stableJson } from './simulation/stable-json';
export {
  describeExplanation,
  explainPositionChange,
  type Explanation,
  type ExplanationKind,
  type QueueEvent,
  type Snapshot,
} from './queue/position-explanation';
export { applyQueueEvent, emptyQueueState, snapshotOf, type QueueState } from './queue/queue-history';
export {
  HEALTH_CERTIFICATE_MAX_AGE_DAYS,
  employerCertificateValid,
  healthCertificateValid,
} from './allocation/document-validity';
export {
  missOriginalsDeadline,
  originalsDeadline,
  verifyApplication,
  withdrawApplication,
} from './allocation/application';
export { categoriesNeedingOriginals } from './allocation/needs-originals';
export { expireWithStay, startOnVacating, visibleToKindergarten } from './allocation/referral';
export { endStay, stayEndsBy, startsAfter, type Revocation } from './allocation/place';
export { type PlaceUnit, type UnitStatus } from './allocation/place';
export { firstWhoCanClaim, hasWindowAccess, openWindow } from './allocation/window';
export { applicationKey } from './allocation/claim';
export { freeUnitIndexes, isWaiting } from './allocation/place';
export { dropPrivileges, enrollApplication, referApplication, returnToQueue } from './allocation/application';
export type { IssueInput } from './allocation/referral';
export type { RevokedBulletin, RevokedEntry } from './allocation/bulletin';
export { emptyRoot, leafHash, merkleTreeHash, nodeHash, type Hash } from './ledger/rfc6962';
export { createMemoryStorage, type MemoryStorageOptions, type MerkleStorage } from './ledger/merkle-storage';
export { createMerkleLog, type MerkleLog } from './ledger/merkle-log';
export { verifyConsistency, verifyInclusion, type ProofCheck, type ProofFailure } from './ledger/verify';
export {
  signTreeHead,
  treeHeadBytes,
  verifyTreeHead,
  type Sign,
  type SignedTreeHead,
  type TreeHead,
  type TreeHeadFailure,
  type VerifySignature,
} from './ledger/tree-head';
export { canonicalJson, canonicalJsonBytes } from './ledger/canonical-json';
export { seededRandom } from './support/seeded-random';
export {
  ADMISSION_DOCUMENT_KINDS,
  admissionRequestTerms,
  missingAdmissionDocuments,
  requiredAdmissionDocuments,
  type AdmissionDocument,
  type AdmissionDocumentKind,
} from './allocation/admission-request';
