-- 0009 The rules in force, edited by the regional admin (G-12, R-TIME-02): policy changes with effective dates,
-- nationwide or per region, and the working-day calendar of a year as the Government's acts set it. Policy changes
-- are append-only — a change is never edited, a later one supersedes it — so what was in force at any moment can
-- always be recomputed. A calendar year here replaces the built-in one for that year.

CREATE TABLE policy_changes (
  id             bigserial PRIMARY KEY,
  -- NULL: nationwide; otherwise the region (a region outranks a nationwide change of any date).
  region_kato    text REFERENCES regions (kato),
  effective_from timestamptz NOT NULL,
  overrides      jsonb NOT NULL,
  reason         text NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL
);
CREATE INDEX policy_changes_effective ON policy_changes (effective_from);

CREATE TABLE calendar_years (
  year       smallint PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  -- ISO dates ('YYYY-MM-DD'), validated by the domain's parseYearCalendar (text: both engines read it alike).
  holidays   text[] NOT NULL,
  workdays   text[] NOT NULL,
  -- The Government act the days come from (a decree number and date).
  source     text NOT NULL CHECK (length(source) BETWEEN 3 AND 500),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);
