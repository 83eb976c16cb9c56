-- 0003 Ports and jobs: an outbox row knows the application it is about (listing an applicant's notifications),
-- may carry an idempotency key (a job re-run after a crash enqueues nothing twice) and keeps the SMS/e-mail
-- provider's message ID once sent (support enquiries, delivery reports).

ALTER TABLE outbox ADD COLUMN application_id uuid REFERENCES applications (id);
ALTER TABLE outbox ADD COLUMN dedupe_key text;
ALTER TABLE outbox ADD COLUMN provider_message_id text;

CREATE UNIQUE INDEX outbox_dedupe ON outbox (dedupe_key, channel, recipient) WHERE dedupe_key IS NOT NULL;
CREATE INDEX outbox_application ON outbox (application_id, id) WHERE application_id IS NOT NULL;
