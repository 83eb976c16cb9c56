-- 0001 Foundation: territory (KATO), preschool organisations and groups, applicants, children,
-- applications, audit log, outbox, job runs, staff accounts.
-- Never edit a migration once it has landed; add a new numbered file instead.

CREATE TABLE app_meta (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);

-- Top-level units: regions and cities of republican significance (Almaty, Astana, Shymkent).
CREATE TABLE regions (
  kato    text PRIMARY KEY CHECK (kato ~ '^[0-9]{9}$'),
  name_kk text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL
);

-- The area of one service provider (Order 254 §4): a district, a city of regional significance,
-- or a district of a city of republican significance.
CREATE TABLE districts (
  kato        text PRIMARY KEY CHECK (kato ~ '^[0-9]{9}$'),
  region_kato text NOT NULL REFERENCES regions (kato),
  name_kk     text NOT NULL,
  name_ru     text NOT NULL,
  name_en     text NOT NULL
);
CREATE INDEX districts_region ON districts (region_kato);

-- The unit a queue is kept for (§21: settlement × birth year × queue type).
CREATE TABLE settlements (
  kato          text PRIMARY KEY CHECK (kato ~ '^[0-9]{9}$'),
  district_kato text NOT NULL REFERENCES districts (kato),
  name_kk       text NOT NULL,
  name_ru       text NOT NULL,
  name_en       text NOT NULL
);
CREATE INDEX settlements_district ON settlements (district_kato);

CREATE TABLE kindergartens (
  id              uuid PRIMARY KEY,
  bin             text NOT NULL UNIQUE CHECK (bin ~ '^[0-9]{12}$'),
  name_kk         text NOT NULL,
  name_ru         text NOT NULL,
  name_en         text NOT NULL,
  settlement_kato text NOT NULL REFERENCES settlements (kato),
  ownership       text NOT NULL CHECK (ownership IN ('state', 'private')),
  state_order     boolean NOT NULL,
  address         text NOT NULL,
  phone           text,
  created_at      timestamptz NOT NULL
);
CREATE INDEX kindergartens_settlement ON kindergartens (settlement_kato);

CREATE TABLE groups (
  id              uuid PRIMARY KEY,
  kindergarten_id uuid NOT NULL REFERENCES kindergartens (id),
  age_group       text NOT NULL,
  -- Calendar-year age of the children of the group (§3(3), §28).
  age             smallint NOT NULL CHECK (age BETWEEN 0 AND 7),
  language        text NOT NULL CHECK (language IN ('kk', 'ru', 'en', 'uz', 'ug', 'tg')),
  group_type      text NOT NULL CHECK (group_type IN ('general', 'special', 'sanatorium')),
  -- The disorder of a special group or the profile of a sanatorium group (§13).
  specialization  text,
  mode            text NOT NULL CHECK (mode IN ('full', 'half', '24h')),
  capacity        integer NOT NULL CHECK (capacity > 0),
  CHECK ((group_type = 'general') = (specialization IS NULL))
);
CREATE INDEX groups_kindergarten ON groups (kindergarten_id);

CREATE TABLE applicants (
  id                 uuid PRIMARY KEY,
  iin                text NOT NULL UNIQUE CHECK (iin ~ '^[0-9]{12}$'),
  surname            text NOT NULL,
  given_name         text NOT NULL,
  patronymic         text,
  phone              text,
  email              text,
  preferred_language text NOT NULL DEFAULT 'kk' CHECK (preferred_language IN ('kk', 'ru', 'en')),
  created_at         timestamptz NOT NULL
);

CREATE TABLE children (
  id           uuid PRIMARY KEY,
  applicant_id uuid NOT NULL REFERENCES applicants (id),
  iin          text UNIQUE CHECK (iin ~ '^[0-9]{12}$'),
  surname      text NOT NULL,
  given_name   text NOT NULL,
  patronymic   text,
  birth_date   date NOT NULL,
  sex          text NOT NULL CHECK (sex IN ('male', 'female')),
  sen          boolean NOT NULL DEFAULT false,
  pmpc_conclusion boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL
);
CREATE INDEX children_applicant ON children (applicant_id);

-- R-ELIG-20: a strictly increasing registration sequence; also the serial of the application number.
CREATE SEQUENCE application_seq;

CREATE TABLE applications (
  id                    uuid PRIMARY KEY,
  number                text NOT NULL UNIQUE,
  child_id              uuid NOT NULL REFERENCES children (id),
  applicant_id          uuid NOT NULL REFERENCES applicants (id),
  settlement_kato       text NOT NULL REFERENCES settlements (kato),
  birth_year            smallint NOT NULL,
  queue                 text NOT NULL CHECK (queue ~ '^(general|special:[a-z][A-Za-z]*|sanatorium:[a-z][A-Za-z]*)$'),
  -- Confirmed beneficiary categories (R-CAT-03): only these decide the group (R-ORDER-04).
  categories            text[] NOT NULL DEFAULT '{}',
  -- Claimed but not yet confirmed by a clerk (R-ORDER-07).
  pending_categories    text[] NOT NULL DEFAULT '{}',
  -- §16 / R-QUEUE-09: re-queued after a privileged referral to a state kindergarten; ordered in group G.
  privilege_used        boolean NOT NULL DEFAULT false,
  -- R-NOTIF-01: at most two SMS numbers.
  sms_numbers           text[] NOT NULL DEFAULT '{}' CHECK (cardinality(sms_numbers) <= 2),
  email                 text,
  status                text NOT NULL CHECK (status IN ('pending', 'queued', 'stopped', 'referred', 'enrolled', 'withdrawn', 'rejected', 'archived')),
  channel               text NOT NULL CHECK (channel IN ('portal', 'office', 'stateCorp', 'proactive', 'oneApplication')),
  language              text NOT NULL CHECK (language IN ('kk', 'ru', 'en', 'uz', 'ug', 'tg')),
  -- R-ELIG-20: the ordering time, never changed; registration_seq breaks ties (R-ORDER-08).
  submitted_at          timestamptz NOT NULL,
  registration_seq      bigint NOT NULL UNIQUE DEFAULT nextval('application_seq'),
  -- R-ELIG-10: completeness checked within 30 minutes; R-ELIG-12: originals within 5 working days.
  check_due_at          timestamptz NOT NULL,
  originals_due_at      timestamptz,
  verified_at           timestamptz,
  interest_confirmed_at timestamptz,
  status_reason         text,
  idempotency_key       text UNIQUE,
  version               integer NOT NULL DEFAULT 1,
  updated_at            timestamptz NOT NULL
);
-- §21: one live application per child per queue.
CREATE UNIQUE INDEX applications_one_live_per_child_queue
  ON applications (child_id, queue) WHERE status IN ('pending', 'queued', 'stopped', 'referred');
CREATE INDEX applications_queue ON applications (settlement_kato, birth_year, queue, status, submitted_at);
CREATE INDEX applications_applicant ON applications (applicant_id);

-- Per queue key (settlement/birth year/queue): the anchored-interleave counter (R-ORDER-05) and a version
-- bumped by every change to the queue, so cached orderings are invalidated exactly when they change.
CREATE TABLE queue_state (
  queue_key  text PRIMARY KEY,
  g_since_p  smallint NOT NULL DEFAULT 0 CHECK (g_since_p >= 0),
  version    bigint NOT NULL DEFAULT 0
);

-- What happened in a queue, in order: the source of "why did my position change" (R-ORDER-06).
CREATE TABLE queue_events (
  id             bigserial PRIMARY KEY,
  queue_key      text NOT NULL,
  at             timestamptz NOT NULL,
  kind           text NOT NULL,
  application_id uuid NOT NULL REFERENCES applications (id),
  data           jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX queue_events_key ON queue_events (queue_key, id);
CREATE INDEX queue_events_application ON queue_events (application_id, id);

CREATE TABLE staff_users (
  id                uuid PRIMARY KEY,
  login             text NOT NULL UNIQUE,
  password_hash     text NOT NULL,
  full_name         text NOT NULL,
  role              text NOT NULL CHECK (role IN ('clerk', 'kindergartenStaff', 'regionalAdmin', 'auditor', 'operator')),
  district_kato     text REFERENCES districts (kato),
  kindergarten_id   uuid REFERENCES kindergartens (id),
  failed_logins     integer NOT NULL DEFAULT 0,
  locked_until      timestamptz,
  created_at        timestamptz NOT NULL,
  CHECK ((role = 'clerk') = (district_kato IS NOT NULL)),
  CHECK ((role = 'kindergartenStaff') = (kindergarten_id IS NOT NULL))
);

-- Who did what, when; written in the same transaction as the change it records.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_type  text NOT NULL CHECK (actor_type IN ('applicant', 'staff', 'system', 'public')),
  actor_id    text,
  action      text NOT NULL,
  entity_type text NOT NULL,
  entity_id   text NOT NULL,
  request_id  text,
  data        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id);

-- Transactional outbox: notifications are rows committed with the state change, delivered by a job.
CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  created_at      timestamptz NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient       text NOT NULL,
  template        text NOT NULL,
  language        text NOT NULL CHECK (language IN ('kk', 'ru', 'en')),
  payload         jsonb NOT NULL DEFAULT '{}',
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  sent_at         timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';

-- One row per job slot: (job, scheduled_for) is the idempotency key; the lease keeps two processes apart.
CREATE TABLE job_runs (
  job           text NOT NULL,
  scheduled_for timestamptz NOT NULL,
  status        text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  attempts      integer NOT NULL DEFAULT 1,
  lease_owner   text,
  lease_until   timestamptz,
  started_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  result        jsonb,
  error         text,
  PRIMARY KEY (job, scheduled_for)
);
