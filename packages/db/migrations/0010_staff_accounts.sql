-- 0010 Staff accounts managed by the regional admin: an account can be disabled (its sessions end at once, its
-- history stays), and a password the admin set (a new account, a reset) must be changed at the first sign-in.
ALTER TABLE staff_users ADD COLUMN disabled_at timestamptz;
ALTER TABLE staff_users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
