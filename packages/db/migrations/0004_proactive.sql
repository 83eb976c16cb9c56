-- 0004 Proactive channel (R-ELIG-16, R-ELIG-17; Order 254 §7, §8 ¶1): every birth the civil registry reports
-- becomes one offer. An offer with a registered mobile number is sent by SMS and waits for the parent's consent
-- until reply_by; "yes" registers an application (application_id), "no" or silence registers nothing (Chosen:
-- no consent → no application). A birth registered together with the request for a place (R-ELIG-17) is
-- accepted at once. The civil registry's feed cursor is kept in app_meta, written with the offers it produced.

CREATE TABLE proactive_offers (
  id              uuid PRIMARY KEY,
  -- The civil registry's event ID: a birth is offered once, however often the feed is read.
  event_id        text NOT NULL UNIQUE,
  registered_at   timestamptz NOT NULL,
  child_iin       text NOT NULL CHECK (child_iin ~ '^[0-9]{12}$'),
  birth_date      date NOT NULL,
  parent_iin      text NOT NULL CHECK (parent_iin ~ '^[0-9]{12}$'),
  -- Where the parent is registered: the general queue the application joins (R-ELIG-17 Chosen).
  settlement_kato text NOT NULL CHECK (settlement_kato ~ '^[0-9]{9}$'),
  parent_mobile   text,
  one_application boolean NOT NULL,
  -- notOffered: no mobile number registered on the portal (§7) or a settlement Kezek does not serve;
  -- refused: consent given, but a rule refused the application (status_reason = the refusal's rule).
  status          text NOT NULL CHECK (status IN ('offered', 'accepted', 'declined', 'expired', 'refused', 'notOffered')),
  status_reason   text,
  created_at      timestamptz NOT NULL,
  reply_by        timestamptz,
  answered_at     timestamptz,
  answered_by     text CHECK (answered_by IN ('applicant', 'smsGateway', 'birthRegistration')),
  application_id  uuid REFERENCES applications (id),
  CHECK ((status = 'offered') <= (reply_by IS NOT NULL)),
  CHECK ((status = 'accepted') = (application_id IS NOT NULL))
);
CREATE INDEX proactive_offers_parent ON proactive_offers (parent_iin, created_at);
CREATE INDEX proactive_offers_open ON proactive_offers (reply_by) WHERE status = 'offered';
