-- 0005 Allocation: the supply side (places reported by kindergartens, revocations, the daily bulletins of
-- vacated and revoked places, allocation windows with their frozen priority access) and the demand side that
-- consumes it (referrals, admission decisions). The rules are the domain's (packages/domain/src/allocation);
-- these tables hold their results. Never edit a migration once it has landed; add a new numbered file instead.

-- One report of places in a group (R-KG-01): `units` identical units of one admission mode (§3(6), §3(7),
-- §3(15)). The attributes are copied from the group at reporting time (the group may change later; a
-- published place may not, A-31). `birth_year` is fixed at the first publication (R-REF-03).
CREATE TABLE places (
  id                     uuid PRIMARY KEY,
  kindergarten_id        uuid NOT NULL REFERENCES kindergartens (id),
  group_id               uuid NOT NULL REFERENCES groups (id),
  settlement_kato        text NOT NULL REFERENCES settlements (kato),
  queue                  text NOT NULL CHECK (queue ~ '^(general|special:[a-z][A-Za-z]*|sanatorium:[a-z][A-Za-z]*)$'),
  -- §28: calendar-year age of the group; turned into birth_year at publication.
  age                    smallint NOT NULL CHECK (age BETWEEN 0 AND 7),
  birth_year             smallint,
  language               text NOT NULL CHECK (language IN ('kk', 'ru', 'en', 'uz', 'ug', 'tg')),
  mode                   text NOT NULL CHECK (mode IN ('full', 'half', '24h')),
  admission              text NOT NULL CHECK (admission IN ('general', 'earlyBooking', 'temporary')),
  -- R-KG-08: a general place starting after the bulletin date is published as early booking.
  start_date             date,
  -- §24(6), §3(7): the set vacating date of an early-booking place.
  free_from              date,
  -- §25(4): end of a temporary stay.
  until                  date,
  -- Free text shown with the place (e.g. "short-stay group, mornings only"); no personal data.
  attendance_restriction text CHECK (length(attendance_restriction) <= 500),
  units                  smallint NOT NULL CHECK (units BETWEEN 1 AND 500),
  reported_at            timestamptz NOT NULL,
  reported_by            uuid REFERENCES staff_users (id),
  -- NULL while an early-booked place waits to be vacated (R-KG-04, R-SYS-07).
  vacated_at             timestamptz,
  -- R-KG-05: a temporary stay that ended; nothing of it can be claimed any more.
  ended_at               timestamptz,
  idempotency_key        text UNIQUE,
  version                integer NOT NULL DEFAULT 1,
  updated_at             timestamptz NOT NULL,
  CHECK (until IS NULL OR admission = 'temporary'),
  CHECK (free_from IS NULL OR admission = 'earlyBooking')
);
CREATE INDEX places_kindergarten ON places (kindergarten_id, reported_at);
CREATE INDEX places_settlement ON places (settlement_kato);
CREATE INDEX places_waiting ON places (free_from) WHERE vacated_at IS NULL;
CREATE INDEX places_temporary ON places (until) WHERE admission = 'temporary' AND ended_at IS NULL;

-- One row per unit of a place (spec §5.3). A claim is ONE statement:
--   UPDATE place_units SET status = 'reserved', referral_id = $r, version = version + 1
--   WHERE (place_id, unit) = (SELECT place_id, unit FROM place_units
--                              WHERE place_id = $p AND status = 'published' ORDER BY unit
--                              LIMIT 1 FOR UPDATE SKIP LOCKED)
--     AND status = 'published'
--   RETURNING unit;
-- `bulletin_id` is the bulletin that last published the unit: its window decides who may claim it.
CREATE TABLE place_units (
  place_id    uuid NOT NULL REFERENCES places (id),
  unit        smallint NOT NULL CHECK (unit >= 0),
  status      text NOT NULL CHECK (status IN ('reported', 'published', 'reserved', 'occupied', 'revoked')),
  bulletin_id bigint,
  referral_id uuid,
  version     integer NOT NULL DEFAULT 1,
  PRIMARY KEY (place_id, unit),
  CHECK ((status IN ('reserved', 'occupied')) = (referral_id IS NOT NULL))
);
-- The bulletin job reads the reported units; the claim and the public lists read the published ones.
CREATE INDEX place_units_reported ON place_units (place_id) WHERE status = 'reported';
CREATE INDEX place_units_published ON place_units (place_id) WHERE status = 'published';

-- §3(4), §3(10), R-WIN-01, A-28: the daily protocols of one settlement — the vacated places (items) and the
-- revoked places (place_revocations.bulletin_id) — published together at the region's bulletin time, empty
-- ones too. Immutable once published: no use case updates or deletes a bulletin or its items.
CREATE TABLE bulletins (
  id              bigserial PRIMARY KEY,
  settlement_kato text NOT NULL REFERENCES settlements (kato),
  bulletin_date   date NOT NULL,
  published_at    timestamptz NOT NULL,
  items_count     integer NOT NULL CHECK (items_count >= 0),
  revoked_count   integer NOT NULL CHECK (revoked_count >= 0),
  UNIQUE (settlement_kato, bulletin_date)
);
CREATE INDEX bulletins_date ON bulletins (bulletin_date, settlement_kato);

ALTER TABLE place_units ADD FOREIGN KEY (bulletin_id) REFERENCES bulletins (id);

-- One published unit (R-SYS-04, R-WIN-02), with the attributes it was published with (public, no personal data).
CREATE TABLE bulletin_items (
  bulletin_id     bigint NOT NULL REFERENCES bulletins (id),
  place_id        uuid NOT NULL REFERENCES places (id),
  unit            smallint NOT NULL,
  -- Order of reporting within the bulletin.
  position        integer NOT NULL,
  queue_key       text NOT NULL,
  kindergarten_id uuid NOT NULL REFERENCES kindergartens (id),
  group_id        uuid NOT NULL REFERENCES groups (id),
  birth_year      smallint NOT NULL,
  age             smallint NOT NULL,
  language        text NOT NULL,
  mode            text NOT NULL,
  admission       text NOT NULL CHECK (admission IN ('general', 'earlyBooking', 'temporary')),
  start_date      date,
  free_from       date,
  until           date,
  PRIMARY KEY (bulletin_id, place_id, unit),
  UNIQUE (bulletin_id, position)
);
CREATE INDEX bulletin_items_place ON bulletin_items (place_id);

-- R-KG-02, R-KG-03: units taken back by a kindergarten. Published ones need a reason of the closed list and go
-- into the next revoked-places bulletin of the settlement (bulletin_id set when it is published, A-28);
-- unpublished ones are withdrawn freely (reason NULL, never published, R-KG-08).
CREATE TABLE place_revocations (
  id                  bigserial PRIMARY KEY,
  place_id            uuid NOT NULL REFERENCES places (id),
  settlement_kato     text NOT NULL REFERENCES settlements (kato),
  units               smallint[] NOT NULL,
  published_units     smallint[] NOT NULL,
  reason              text CHECK (reason IN ('capitalRepair', 'quarantine', 'stateOrderCancelled', 'closure')),
  cancelled_referrals uuid[] NOT NULL DEFAULT '{}',
  revoked_at          timestamptz NOT NULL,
  revoked_by          uuid REFERENCES staff_users (id),
  bulletin_id         bigint REFERENCES bulletins (id),
  CHECK (cardinality(published_units) = 0 OR reason IS NOT NULL)
);
CREATE INDEX place_revocations_pending ON place_revocations (settlement_kato, id)
  WHERE bulletin_id IS NULL AND cardinality(published_units) > 0;
CREATE INDEX place_revocations_place ON place_revocations (place_id, id);

-- R-WIN-03..07: one window per queue key, made of the units the bulletins published for that key. Windows of
-- one key not yet open are one window (R-WIN-04: they open at the same instant), hence the partial UNIQUE.
-- `opens_at` / `closes_at` are set by the window-opening job at the region's time (R-WIN-05).
CREATE TABLE allocation_windows (
  id              bigserial PRIMARY KEY,
  queue_key       text NOT NULL,
  settlement_kato text NOT NULL REFERENCES settlements (kato),
  bulletin_ids    bigint[] NOT NULL,
  units           integer NOT NULL CHECK (units > 0),
  -- R-WIN-04: every unit is in a state organisation (R-QUEUE-09 applicants are skipped).
  all_state       boolean NOT NULL,
  published_at    timestamptz NOT NULL,
  opens_at        timestamptz,
  closes_at       timestamptz,
  CHECK ((opens_at IS NULL) = (closes_at IS NULL))
);
CREATE UNIQUE INDEX allocation_windows_one_pending_per_key ON allocation_windows (queue_key) WHERE opens_at IS NULL;
CREATE INDEX allocation_windows_key ON allocation_windows (queue_key, opens_at);

-- R-WIN-04, R-WIN-06: the priority access set frozen at opening (never refilled). The grant runs from the
-- window's opens_at until its closes_at; after that the leftover phase is decided live (R-WIN-07).
CREATE TABLE window_access (
  window_id      bigint NOT NULL REFERENCES allocation_windows (id),
  application_id uuid NOT NULL REFERENCES applications (id),
  rank           integer NOT NULL CHECK (rank >= 1),
  PRIMARY KEY (window_id, application_id),
  UNIQUE (window_id, rank)
);
CREATE INDEX window_access_application ON window_access (application_id, window_id);

-- Spec §5.2: an electronic referral to one unit. Live = issued or extended.
CREATE TABLE referrals (
  id               uuid PRIMARY KEY,
  number           text NOT NULL UNIQUE,
  application_id   uuid NOT NULL REFERENCES applications (id),
  child_id         uuid NOT NULL REFERENCES children (id),
  place_id         uuid NOT NULL,
  unit             smallint NOT NULL,
  window_id        bigint REFERENCES allocation_windows (id),
  admission        text NOT NULL CHECK (admission IN ('general', 'earlyBooking', 'temporary')),
  status           text NOT NULL CHECK (status IN ('issued', 'extended', 'cancelled', 'expired', 'revoked', 'admitted', 'refused')),
  status_reason    text,
  -- Spec 4.5: what a live referral waits for.
  phase            text NOT NULL CHECK (phase IN ('pendingConfirmation', 'waitingForPlace', 'running')),
  issued_at        timestamptz NOT NULL,
  cancel_deadline  timestamptz NOT NULL,
  confirm_by       date,
  valid_from       timestamptz,
  valid_until      date,
  extended         boolean NOT NULL DEFAULT false,
  extension_days   smallint,
  extension_reason text CHECK (extension_reason IN ('illness', 'treatment', 'businessTrip', 'leave')),
  extension_requested_at timestamptz,
  -- §29, R-REF-04: referrals issued together to siblings.
  sibling_group    uuid,
  -- §16, R-QUEUE-09.
  privileged       boolean NOT NULL DEFAULT false,
  admitted_at      timestamptz,
  idempotency_key  text NOT NULL UNIQUE,
  version          integer NOT NULL DEFAULT 1,
  updated_at       timestamptz NOT NULL,
  FOREIGN KEY (place_id, unit) REFERENCES place_units (place_id, unit),
  CHECK (extended = (extension_days IS NOT NULL))
);
-- R-WIN-10: a unit never has two live referrals; R-REF-11: a child (and so an application) holds at most one.
CREATE UNIQUE INDEX referrals_one_live_per_unit ON referrals (place_id, unit) WHERE status IN ('issued', 'extended');
CREATE UNIQUE INDEX referrals_one_live_per_child ON referrals (child_id) WHERE status IN ('issued', 'extended');
CREATE UNIQUE INDEX referrals_one_live_per_application ON referrals (application_id) WHERE status IN ('issued', 'extended');
CREATE INDEX referrals_application ON referrals (application_id, issued_at);
CREATE INDEX referrals_live_valid_until ON referrals (valid_until) WHERE status IN ('issued', 'extended');

-- Deferred: the claim reserves the unit first, then inserts the referral, in one transaction.
ALTER TABLE place_units ADD FOREIGN KEY (referral_id) REFERENCES referrals (id) DEFERRABLE INITIALLY DEFERRED;

-- R-ADM-*: the kindergarten's decision on a referral: admitted (with the contract) or refused with a reason.
CREATE TABLE admissions (
  id              uuid PRIMARY KEY,
  referral_id     uuid NOT NULL UNIQUE REFERENCES referrals (id),
  decision        text NOT NULL CHECK (decision IN ('admitted', 'refused')),
  reason          text CHECK (reason IN ('missingDocuments', 'expiredDocuments', 'medicalContraindication')),
  contract_number text,
  contract_date   date,
  decided_at      timestamptz NOT NULL,
  decided_by      uuid REFERENCES staff_users (id),
  idempotency_key text UNIQUE,
  CHECK ((decision = 'refused') = (reason IS NOT NULL)),
  CHECK ((decision = 'admitted') = (contract_number IS NOT NULL AND contract_date IS NOT NULL))
);
