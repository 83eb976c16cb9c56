import type { ApplicationStatus } from '@kezek/domain';
import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables of migrations/*.sql. `date` columns are read as 'YYYY-MM-DD' strings. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type AppMetaTable = { key: string; value: Json };

type Named = { name_kk: string; name_ru: string; name_en: string };

export type RegionsTable = Named & { kato: string };
export type DistrictsTable = Named & { kato: string; region_kato: string };
export type SettlementsTable = Named & { kato: string; district_kato: string };

export type KindergartensTable = Named & {
  id: string;
  bin: string;
  settlement_kato: string;
  ownership: 'state' | 'private';
  state_order: boolean;
  address: string;
  phone: string | null;
  created_at: Timestamp;
};

export type GroupsTable = {
  id: string;
  kindergarten_id: string;
  age_group: string;
  age: number;
  language: string;
  group_type: 'general' | 'special' | 'sanatorium';
  specialization: string | null;
  mode: 'full' | 'half' | '24h';
  capacity: number;
};

export type ApplicantsTable = {
  id: string;
  iin: string;
  surname: string;
  given_name: string;
  patronymic: string | null;
  phone: string | null;
  email: string | null;
  preferred_language: Generated<'kk' | 'ru' | 'en'>;
  created_at: Timestamp;
};

export type ChildrenTable = {
  id: string;
  applicant_id: string;
  iin: string | null;
  surname: string;
  given_name: string;
  patronymic: string | null;
  birth_date: string;
  sex: 'male' | 'female';
  sen: Generated<boolean>;
  pmpc_conclusion: Generated<boolean>;
  created_at: Timestamp;
};

export type { ApplicationStatus };

export type ApplicationChannel = 'portal' | 'office' | 'stateCorp' | 'proactive' | 'oneApplication';

export type ApplicationsTable = {
  id: string;
  number: string;
  child_id: string;
  applicant_id: string;
  settlement_kato: string;
  birth_year: number;
  queue: string;
  categories: Generated<string[]>;
  pending_categories: Generated<string[]>;
  privilege_used: Generated<boolean>;
  sms_numbers: Generated<string[]>;
  email: string | null;
  status: ApplicationStatus;
  channel: ApplicationChannel;
  language: string;
  submitted_at: Timestamp;
  registration_seq: Generated<number>;
  check_due_at: Timestamp;
  originals_due_at: Timestamp | null;
  verified_at: Timestamp | null;
  interest_confirmed_at: Timestamp | null;
  status_reason: string | null;
  idempotency_key: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
  /** R-ELIG-11: the database does not record the applicant as a parent; the clerk checks representation. */
  representation_to_verify: Generated<boolean>;
};

export type QueueStateTable = { queue_key: string; g_since_p: Generated<number>; version: Generated<number> };

export type QueueEventsTable = {
  id: Generated<number>;
  queue_key: string;
  at: Timestamp;
  kind: string;
  application_id: string;
  data: Json;
};

export type StaffRole = 'clerk' | 'kindergartenStaff' | 'regionalAdmin' | 'auditor' | 'operator';

export type StaffUsersTable = {
  id: string;
  login: string;
  password_hash: string;
  full_name: string;
  role: StaffRole;
  district_kato: string | null;
  kindergarten_id: string | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Timestamp;
  /** 0010: a disabled account cannot sign in and its sessions end. */
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** 0010: the password was set by the admin and must be changed at the next sign-in. */
  must_change_password: Generated<boolean>;
};

export type AuditLogTable = {
  id: Generated<number>;
  at: Timestamp;
  actor_type: 'applicant' | 'staff' | 'system' | 'public';
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  request_id: string | null;
  data: Json;
};

export type OutboxTable = {
  id: Generated<number>;
  created_at: Timestamp;
  channel: 'sms' | 'email';
  recipient: string;
  template: string;
  language: 'kk' | 'ru' | 'en';
  payload: Json;
  status: Generated<'pending' | 'sent' | 'dead'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Timestamp | null;
  /** 0003: the application the notification is about, if any (a proactive offer precedes the application). */
  application_id: string | null;
  /** 0003: idempotency key; unique per (channel, recipient) when set. */
  dedupe_key: string | null;
  provider_message_id: string | null;
};

export type JobRunsTable = {
  job: string;
  scheduled_for: Timestamp;
  status: 'running' | 'done' | 'failed';
  attempts: Generated<number>;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  result: Json | null;
  error: string | null;
};

export type SchemaMigrationsTable = { name: string; applied_at: Timestamp };

/** 0009: a policy change in force from `effective_from` (G-12); `region_kato` null = nationwide. */
export type PolicyChangesTable = {
  id: Generated<number>;
  region_kato: string | null;
  effective_from: Timestamp;
  overrides: Json;
  reason: string;
  created_by: string;
  created_at: Timestamp;
};

/** 0009: a year's days off on weekdays and working weekend days, replacing the built-in calendar (R-TIME-02). */
export type CalendarYearsTable = {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  updated_by: string;
  updated_at: Timestamp;
};

export type Database = {
  app_meta: AppMetaTable;
  regions: RegionsTable;
  districts: DistrictsTable;
  settlements: SettlementsTable;
  kindergartens: KindergartensTable;
  groups: GroupsTable;
  applicants: ApplicantsTable;
  children: ChildrenTable;
  applications: ApplicationsTable;
  queue_state: QueueStateTable;
  queue_events: QueueEventsTable;
  staff_users: StaffUsersTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  job_runs: JobRunsTable;
  schema_migrations: SchemaMigrationsTable;
  places: PlacesTable;
  place_units: PlaceUnitsTable;
  bulletins: BulletinsTable;
  bulletin_items: BulletinItemsTable;
  place_revocations: PlaceRevocationsTable;
  allocation_windows: AllocationWindowsTable;
  window_access: WindowAccessTable;
  referrals: ReferralsTable;
  admissions: AdmissionsTable;
  admission_requests: AdmissionRequestsTable;
  policy_changes: PolicyChangesTable;
  calendar_years: CalendarYearsTable;
  sessions: SessionsTable;
  login_challenges: LoginChallengesTable;
  login_throttle: LoginThrottleTable;
  proactive_offers: ProactiveOffersTable;
  ledger_logs: LedgerLogsTable;
  ledger_leaves: LedgerLeavesTable;
  ledger_heads: LedgerHeadsTable;
  ledger_salts: LedgerSaltsTable;
};

export type SessionActorType = 'staff' | 'applicant';

export type SessionsTable = {
  id: string;
  actor_type: SessionActorType;
  staff_user_id: string | null;
  applicant_id: string | null;
  csrf_token_hash: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
  ip: string | null;
  revoked_at: Timestamp | null;
};

export type LoginChallengesTable = {
  id: string;
  iin: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};

export type LoginThrottleTable = {
  login_hash: string;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
};

export type ProactiveOfferStatus = 'offered' | 'accepted' | 'declined' | 'expired' | 'refused' | 'notOffered';

/** 0004: one offer per birth event of the civil registry (R-ELIG-16, R-ELIG-17). */
export type ProactiveOffersTable = {
  id: string;
  event_id: string;
  registered_at: Timestamp;
  child_iin: string;
  birth_date: string;
  parent_iin: string;
  settlement_kato: string;
  parent_mobile: string | null;
  one_application: boolean;
  status: ProactiveOfferStatus;
  status_reason: string | null;
  created_at: Timestamp;
  reply_by: Timestamp | null;
  answered_at: Timestamp | null;
  answered_by: 'applicant' | 'smsGateway' | 'birthRegistration' | null;
  application_id: string | null;
};

/** 0006: the registers' transparency logs (issue 7, R-SYS-08); docs/ledger.md. */
export type LedgerLogName = 'applications' | 'referrals' | 'bulletins';

export type LedgerLogsTable = { log: LedgerLogName; size: Generated<number> };

export type LedgerLeavesTable = {
  seq: Generated<number>;
  log: LedgerLogName;
  /** NULL until the sequencer places the leaf. */
  leaf_index: number | null;
  leaf_hash: string;
  leaf: string;
  entity_id: string;
  entity_version: number;
  created_at: Timestamp;
};

export type LedgerHeadsTable = {
  log: LedgerLogName;
  tree_size: number;
  root_hash: string;
  signed_at: Timestamp;
  signature: string;
  key_id: string;
};

export type LedgerSaltsTable = { log: LedgerLogName; entity_id: string; salt: string };

/** 0005: one report of places in a group (R-KG-01); `birth_year` fixed at first publication (R-REF-03). */
export type PlacesTable = {
  id: string;
  kindergarten_id: string;
  group_id: string;
  settlement_kato: string;
  queue: string;
  age: number;
  birth_year: number | null;
  language: string;
  mode: 'full' | 'half' | '24h';
  admission: 'general' | 'earlyBooking' | 'temporary';
  start_date: string | null;
  free_from: string | null;
  until: string | null;
  attendance_restriction: string | null;
  units: number;
  reported_at: Timestamp;
  reported_by: string | null;
  vacated_at: Timestamp | null;
  ended_at: Timestamp | null;
  idempotency_key: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
};

export type PlaceUnitStatus = 'reported' | 'published' | 'reserved' | 'occupied' | 'revoked';

/** 0005: one unit of a place (spec §5.3); claimed by one conditional UPDATE of a `published` row. */
export type PlaceUnitsTable = {
  place_id: string;
  unit: number;
  status: PlaceUnitStatus;
  bulletin_id: number | null;
  referral_id: string | null;
  version: Generated<number>;
};

/** 0005: the daily protocols of a settlement (R-WIN-01, A-28); immutable once published. */
export type BulletinsTable = {
  id: Generated<number>;
  settlement_kato: string;
  bulletin_date: string;
  published_at: Timestamp;
  items_count: number;
  revoked_count: number;
};

/** 0005: one unit published by a bulletin, with the attributes it was published with. */
export type BulletinItemsTable = {
  bulletin_id: number;
  place_id: string;
  unit: number;
  position: number;
  queue_key: string;
  kindergarten_id: string;
  group_id: string;
  birth_year: number;
  age: number;
  language: string;
  mode: 'full' | 'half' | '24h';
  admission: 'general' | 'earlyBooking' | 'temporary';
  start_date: string | null;
  free_from: string | null;
  until: string | null;
};

/** 0005: units taken back (R-KG-02, R-KG-03); published ones go into the next revoked-places bulletin. */
export type PlaceRevocationsTable = {
  id: Generated<number>;
  place_id: string;
  settlement_kato: string;
  units: number[];
  published_units: number[];
  reason: 'capitalRepair' | 'quarantine' | 'stateOrderCancelled' | 'closure' | null;
  cancelled_referrals: Generated<string[]>;
  revoked_at: Timestamp;
  revoked_by: string | null;
  bulletin_id: number | null;
};

/** 0005: the allocation window of a queue key (R-WIN-03..07); at most one not yet open per key. */
export type AllocationWindowsTable = {
  id: Generated<number>;
  queue_key: string;
  settlement_kato: string;
  bulletin_ids: number[];
  units: number;
  all_state: boolean;
  published_at: Timestamp;
  opens_at: Timestamp | null;
  closes_at: Timestamp | null;
};

/** 0005: the priority access set frozen at a window's opening (R-WIN-04, R-WIN-06). */
export type WindowAccessTable = { window_id: number; application_id: string; rank: number };

export type ReferralRowStatus =
  'issued' | 'extended' | 'cancelled' | 'expired' | 'revoked' | 'admitted' | 'refused';

/** 0005: an electronic referral to one unit (spec §5.2); live = issued or extended. */
export type ReferralsTable = {
  id: string;
  number: string;
  application_id: string;
  child_id: string;
  place_id: string;
  unit: number;
  window_id: number | null;
  admission: 'general' | 'earlyBooking' | 'temporary';
  status: ReferralRowStatus;
  status_reason: string | null;
  phase: 'pendingConfirmation' | 'waitingForPlace' | 'running';
  issued_at: Timestamp;
  cancel_deadline: Timestamp;
  confirm_by: string | null;
  valid_from: Timestamp | null;
  valid_until: string | null;
  extended: Generated<boolean>;
  extension_days: number | null;
  extension_reason: 'illness' | 'treatment' | 'businessTrip' | 'leave' | null;
  extension_requested_at: Timestamp | null;
  sibling_group: string | null;
  privileged: Generated<boolean>;
  admitted_at: Timestamp | null;
  idempotency_key: string;
  version: Generated<number>;
  updated_at: Timestamp;
};

/** 0005: the kindergarten's decision on a referral (R-ADM-*). */
export type AdmissionsTable = {
  id: string;
  referral_id: string;
  decision: 'admitted' | 'refused';
  reason: 'missingDocuments' | 'expiredDocuments' | 'medicalContraindication' | null;
  contract_number: string | null;
  contract_date: string | null;
  decided_at: Timestamp;
  decided_by: string | null;
  idempotency_key: string | null;
  signature: Generated<string | null>;
  signer_iin: Generated<string | null>;
};

/** R-ADM-03: a parent's portal request to be admitted on a running referral (migration 0011). */
export type AdmissionRequestsTable = {
  id: string;
  referral_id: string;
  documents: ColumnType<AdmissionDocumentRow[], string, string>;
  received_at: Timestamp;
  registered_on: string;
  check_due_at: Timestamp;
  submitted_by: string;
};

export type AdmissionDocumentRow = { kind: string; reference: string; issuedOn?: string };
