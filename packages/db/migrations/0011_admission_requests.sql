-- 0011 Service 2 on the portal (§32 ¶6–8, R-ADM-03): the parent sends the e-copies of the admission documents for a
-- running referral; the request is registered on the day it arrives (after hours: the next working day) and the
-- kindergarten checks its completeness within 30 minutes of working time. Its decision — the admission on a
-- contract, or a reasoned refusal — is signed with the kindergarten's EDS and shown in the parent's account.
CREATE TABLE admission_requests (
  id              uuid PRIMARY KEY,
  referral_id     uuid NOT NULL UNIQUE REFERENCES referrals (id),
  -- [{ "kind": "vaccinationCard065", "reference": "…", "issuedOn": "YYYY-MM-DD" }] (R-ADM-01)
  documents       jsonb NOT NULL,
  received_at     timestamptz NOT NULL,
  registered_on   date NOT NULL,
  check_due_at    timestamptz NOT NULL,
  submitted_by    uuid NOT NULL REFERENCES applicants (id)
);
CREATE INDEX admission_requests_due ON admission_requests (check_due_at);

-- The kindergarten's EDS over the decision (a detached CMS, base64) and the signer's IIN from its certificate.
-- Required for a decision on a portal request; an office decision is signed on paper with the contract.
ALTER TABLE admissions ADD COLUMN signature text;
ALTER TABLE admissions ADD COLUMN signer_iin text CHECK (signer_iin ~ '^[0-9]{12}$');
ALTER TABLE admissions ADD CONSTRAINT admissions_signed CHECK ((signature IS NULL) = (signer_iin IS NULL));
