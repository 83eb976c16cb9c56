-- 0006 Verifiable registers (issue 7; Order 254 §24(7), R-SYS-08): one append-only Merkle log of RFC 6962 shape
-- per register (applications, referrals, bulletins). docs/ledger.md explains what this guarantees to an auditor;
-- its ADR why leaves are appended without an index and sequenced afterwards.

-- One row per log: the lock the sequencer takes (SELECT … FOR UPDATE) and the number of leaves sequenced so far.
-- Writers never touch it, so the morning rush appends leaves without queueing behind the ledger.
CREATE TABLE ledger_logs (
  log  text PRIMARY KEY CHECK (log IN ('applications', 'referrals', 'bulletins')),
  size integer NOT NULL DEFAULT 0 CHECK (size >= 0)
);
INSERT INTO ledger_logs (log) VALUES ('applications'), ('referrals'), ('bulletins');

-- A leaf: the canonical JSON of one register event, inserted in the transaction of the change it records.
-- leaf_index is NULL until the sequencer gives it the next contiguous position of its log (seq order).
CREATE TABLE ledger_leaves (
  seq            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  log            text NOT NULL REFERENCES ledger_logs (log),
  leaf_index     integer CHECK (leaf_index >= 0),
  -- RFC 6962 §2.1 leaf hash SHA-256(0x00 ‖ leaf), lowercase hex.
  leaf_hash      text NOT NULL CHECK (leaf_hash ~ '^[0-9a-f]{64}$'),
  -- Text, not jsonb: the exact bytes that were hashed (jsonb would reorder keys and respace).
  leaf           text NOT NULL,
  entity_id      text NOT NULL,
  entity_version integer NOT NULL,
  created_at     timestamptz NOT NULL,
  UNIQUE (log, leaf_index)
);
CREATE INDEX ledger_leaves_unsequenced ON ledger_leaves (log, seq) WHERE leaf_index IS NULL;
CREATE INDEX ledger_leaves_entity ON ledger_leaves (log, entity_id, seq);
CREATE INDEX ledger_leaves_hash ON ledger_leaves (log, leaf_hash);

-- Signed tree heads (RFC 6962 §3.5 with the log id and a context string in the signed bytes; domain tree-head.ts).
-- A slot-signed head uses the job slot as its timestamp, so a retried slot writes nothing twice.
CREATE TABLE ledger_heads (
  log        text NOT NULL REFERENCES ledger_logs (log),
  tree_size  integer NOT NULL CHECK (tree_size >= 0),
  root_hash  text NOT NULL CHECK (root_hash ~ '^[0-9a-f]{64}$'),
  signed_at  timestamptz NOT NULL,
  signature  text NOT NULL CHECK (signature ~ '^[0-9a-f]{128}$'),
  -- SHA-256 of the public key (SubjectPublicKeyInfo DER), lowercase hex, as RFC 6962 §3.2 names a log's key.
  key_id     text NOT NULL CHECK (key_id ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (log, signed_at)
);

-- PRIVATE: the salt of each register entity's commitment to its personal fields. Never served by any endpoint;
-- without it a public leaf reveals nothing about the person, with it an auditor can recompute the commitment.
CREATE TABLE ledger_salts (
  log       text NOT NULL REFERENCES ledger_logs (log),
  entity_id text NOT NULL,
  salt      text NOT NULL CHECK (salt ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (log, entity_id)
);
