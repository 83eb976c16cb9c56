import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Rule coverage (issue 4): every machine-checkable rule ID of the spec must be cited by a test — in a test
 * name or a comment of a `*.test.ts` under packages/ or test/. Run `node --import tsx scripts/rule-coverage.ts`
 * for the table; test/rule-coverage.test.ts fails when a rule is uncited.
 */

export const REPO_ROOT = join(import.meta.dirname, '..');

/** The spec lives next to the repository (../shared/spec), in CI too. */
export const SPEC_PATH = join(REPO_ROOT, '..', 'shared', 'spec', 'preschool-rules.md');

/** The families whose rules the domain and the server decide by program (queue, ordering, windows, timing …). */
export const CHECKED_FAMILIES = [
  'R-ELIG',
  'R-QUEUE',
  'R-ORDER',
  'R-CAT',
  'R-WIN',
  'R-REF',
  'R-KG',
  'R-ADM',
  'R-SYS',
  'R-TIME',
  'R-APPL',
] as const;

/** Reviewed: rules of the checked families that no program decides. One line of reason each. */
export const EXCLUDED: Readonly<Record<string, string>> = {
  'R-ELIG-01': 'who may apply and which forms make an application: paperwork, not a decision of the system',
  'R-ELIG-05': 'list of documents handed in at the office',
  'R-ELIG-06': 'list of documents uploaded on the portal',
  'R-ELIG-07': 'where the provider fetches data from (the e-gov gateway): integration, no rule to decide',
  'R-ELIG-21': 'documents are handed over at the counter against an identity document',
  'R-ORDER-12': 'a warning printed on the Annex 1 form',
  'R-ADM-01': 'list of admission documents',
  'R-ADM-02': 'the kindergarten office checks the paper set and signs a contract',
  'R-ADM-07': 'documents handed in after an emergency ends: paperwork deferral, no state change',
  'R-APPL-12': 'complaining and going to court (R-CMPL, outside the system)',
};

/**
 * Machine-checkable rules that are NOT cited yet and are not the domain's: server use cases (S1 channels,
 * portal checks, the personal account) whose server tests do not cite them, and the ledger, not built yet.
 * They count as uncited in the table; the test marks them as to-do (and fails once one gets a citation, so
 * the list only shrinks) instead of failing for a rule the replay cannot decide.
 */
export const KNOWN_UNCITED: Readonly<Record<string, string>> = {};

const RULE_DEFINITION = /\*\*(R-[A-Z]+-\d{2})\*\*/g;

/** The rule IDs the spec defines (`**R-XXX-nn**`), in order. */
export function specRuleIds(spec: string): string[] {
  return [...new Set([...spec.matchAll(RULE_DEFINITION)].map((match) => match[1] ?? ''))];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Rule IDs cited in a text, with the spec's own short forms expanded: `R-ORDER-01..05` (a range),
 * `R-ELIG-02/03/22` and `R-REF-08, -09` (more numbers of the same family).
 */
export function citedRuleIds(text: string): Set<string> {
  const cited = new Set<string>();
  const citation = /(R-[A-Z]+)-(\d{2})(?:\.\.(\d{2})|((?:\s*(?:\/|,\s*-)\s*\d{2})*))/g;
  for (const match of text.matchAll(citation)) {
    const [, family = '', first = '', last, more = ''] = match;
    const from = Number(first);
    const to = last === undefined ? from : Number(last);
    for (let n = from; n <= to; n += 1) cited.add(`${family}-${pad(n)}`);
    for (const extra of more.matchAll(/\d{2}/g)) cited.add(`${family}-${extra[0]}`);
  }
  return cited;
}

/** Every `*.test.ts` under packages/ and test/, outside node_modules. */
export function testFiles(root: string = REPO_ROOT): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) found.push(path);
    }
  };
  for (const top of ['packages', 'test']) if (existsSync(join(root, top))) walk(join(root, top));
  return found.sort();
}

export type RuleRow = {
  readonly id: string;
  readonly citedIn: readonly string[];
  readonly excluded?: string;
  readonly known?: string;
};

export type Coverage = { readonly rows: readonly RuleRow[]; readonly uncited: readonly RuleRow[] };

const isChecked = (id: string): boolean => CHECKED_FAMILIES.some((family) => id.startsWith(`${family}-`));

/** The table: each checked rule with the test files citing it, or its exclusion. */
export function ruleCoverage(spec: string, tests: ReadonlyMap<string, string>): Coverage {
  const citations = [...tests].map(([file, text]) => [file, citedRuleIds(text)] as const);
  const rows = specRuleIds(spec)
    .filter(isChecked)
    .map((id): RuleRow => ({
      id,
      citedIn: citations.filter(([, ids]) => ids.has(id)).map(([file]) => file),
      excluded: EXCLUDED[id],
      known: KNOWN_UNCITED[id],
    }));
  return { rows, uncited: rows.filter((row) => row.citedIn.length === 0 && row.excluded === undefined) };
}

/** Reads the spec; a missing spec is an error, never an empty (passing) table. */
export function readSpec(path: string = SPEC_PATH): string {
  if (!existsSync(path))
    throw new Error(
      `rule coverage: the spec ${path} is missing (expected at ../shared/spec from the repo root)`,
    );
  return readFileSync(path, 'utf8');
}

export function readTests(root: string = REPO_ROOT): Map<string, string> {
  return new Map(testFiles(root).map((file) => [relative(root, file), readFileSync(file, 'utf8')]));
}

function main(): number {
  const { rows, uncited } = ruleCoverage(readSpec(), readTests());
  for (const row of rows) {
    const status =
      row.excluded !== undefined
        ? `excluded: ${row.excluded}`
        : row.citedIn.length > 0
          ? `${row.citedIn.length} file(s): ${row.citedIn.join(', ')}`
          : `UNCITED${row.known === undefined ? '' : ` (${row.known})`}`;
    console.log(`${row.id.padEnd(11)} ${status}`);
  }
  const blocking = uncited.filter((row) => row.known === undefined);
  console.log(
    `\n${rows.length} rules; ${Object.keys(EXCLUDED).length} excluded; uncited: ${uncited.length}` +
      ` (${uncited.length - blocking.length} known and listed, ${blocking.length} blocking)`,
  );
  return blocking.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = main();
