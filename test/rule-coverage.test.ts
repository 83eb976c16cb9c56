import { describe, expect, it } from 'vitest';
import {
  KNOWN_UNCITED,
  CHECKED_FAMILIES,
  EXCLUDED,
  citedRuleIds,
  readSpec,
  readTests,
  ruleCoverage,
  specRuleIds,
} from '../scripts/rule-coverage';

// The IDs in this file use a family the spec does not have (R-XYZ), so it cites no real rule itself.

describe('rule coverage (scripts/rule-coverage.ts)', () => {
  it('reads the citation short forms: single, range, slash list, comma continuation', () => {
    expect([...citedRuleIds('R-XYZ-01; R-XYZ-03..05 and R-XYZ-07/08/11, R-XYZ-20, -21')].sort()).toEqual([
      'R-XYZ-01',
      'R-XYZ-03',
      'R-XYZ-04',
      'R-XYZ-05',
      'R-XYZ-07',
      'R-XYZ-08',
      'R-XYZ-11',
      'R-XYZ-20',
      'R-XYZ-21',
    ]);
    expect(specRuleIds('* **R-XYZ-01** text R-XYZ-02\n* **R-XYZ-03** more')).toEqual([
      'R-XYZ-01',
      'R-XYZ-03',
    ]);
  });

  it('fails with a clear message when the spec is missing', () => {
    expect(() => readSpec('/nonexistent/preschool-rules.md')).toThrow(/spec .* is missing/);
  });

  it('finds the spec next to the repository and rules in every checked family', () => {
    const ids = specRuleIds(readSpec());
    for (const family of CHECKED_FAMILIES) expect(ids.some((id) => id.startsWith(`${family}-`))).toBe(true);
  });

  it('excludes only real rules of the checked families, each once, with a reason', () => {
    const ids = new Set(specRuleIds(readSpec()));
    for (const [id, reason] of [...Object.entries(EXCLUDED), ...Object.entries(KNOWN_UNCITED)]) {
      expect(ids.has(id), `${id} is not a rule of the spec`).toBe(true);
      expect(reason.length).toBeGreaterThan(10);
    }
    const both = Object.keys(EXCLUDED).filter((id) => id in KNOWN_UNCITED);
    expect(both).toEqual([]);
  });

  it('every machine-checkable rule is cited by a test', () => {
    const { uncited } = ruleCoverage(readSpec(), readTests());
    const blocking = uncited.filter((row) => row.known === undefined).map((row) => row.id);
    expect(blocking, `rules without a test: ${blocking.join(', ')}`).toEqual([]);
  });

  it('a known-uncited rule that got its test leaves KNOWN_UNCITED', () => {
    const { rows } = ruleCoverage(readSpec(), readTests());
    const cited = rows
      .filter((row) => row.known !== undefined && row.citedIn.length > 0)
      .map((row) => row.id);
    expect(cited, 'cited now: remove them from KNOWN_UNCITED').toEqual([]);
  });

  // Uncited on purpose until packages/server tests them: shown as to-do, not hidden as excluded.
  for (const [id, reason] of Object.entries(KNOWN_UNCITED)) it.todo(`${id} — ${reason}`);
});
