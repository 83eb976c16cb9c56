-- 0008 R-ELIG-11: the provider checks the applicant–child relationship at registration. When the individuals
-- database does not record the applicant as the child's parent (a guardian, a trustee, an adoption not yet
-- recorded), an application taken at an office waits for the clerk to see the document of legal
-- representation; confirming the application confirms it.
ALTER TABLE applications ADD COLUMN representation_to_verify boolean NOT NULL DEFAULT false;
