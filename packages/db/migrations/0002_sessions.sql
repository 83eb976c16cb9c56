-- 0002 Sessions: staff and applicant sessions, applicant sign-in challenges, and the failed-login counters of
-- logins that match no account. Secrets are stored only as SHA-256 hashes: a copy of the database lets nobody
-- act as a user.

-- id = SHA-256 (hex) of the 256-bit token in the kezek_session cookie; the token itself is never stored.
CREATE TABLE sessions (
  id              text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  actor_type      text NOT NULL CHECK (actor_type IN ('staff', 'applicant')),
  staff_user_id   uuid REFERENCES staff_users (id),
  applicant_id    uuid REFERENCES applicants (id),
  csrf_token_hash text NOT NULL,
  created_at      timestamptz NOT NULL,
  -- Idle expiry slides from here; written at most once a minute.
  last_seen_at    timestamptz NOT NULL,
  -- Absolute expiry: no activity extends a session past it.
  expires_at      timestamptz NOT NULL,
  user_agent      text,
  ip              text,
  revoked_at      timestamptz,
  CHECK ((actor_type = 'staff') = (staff_user_id IS NOT NULL)),
  CHECK ((actor_type = 'applicant') = (applicant_id IS NOT NULL))
);
CREATE INDEX sessions_staff_user ON sessions (staff_user_id) WHERE staff_user_id IS NOT NULL;
CREATE INDEX sessions_applicant ON sessions (applicant_id) WHERE applicant_id IS NOT NULL;
CREATE INDEX sessions_expires ON sessions (expires_at);

-- A sign-in challenge for an applicant: single use, short-lived. id = SHA-256 (hex) of the nonce handed to the
-- client; the signed payload is rebuilt from the nonce, the IIN and the expiry, so the nonce is never stored.
CREATE TABLE login_challenges (
  id         text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  iin        text NOT NULL CHECK (iin ~ '^[0-9]{12}$'),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX login_challenges_expires ON login_challenges (expires_at);

-- Failed-login counters for logins that match no staff account, kept exactly like staff_users.failed_logins and
-- locked_until, so a lockout answers the same whether or not the login exists. Keyed by SHA-256 of the login:
-- a mistyped password in the login field is not stored.
CREATE TABLE login_throttle (
  login_hash    text PRIMARY KEY CHECK (login_hash ~ '^[0-9a-f]{64}$'),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until  timestamptz
);
