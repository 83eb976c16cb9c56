import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayCommand } from '../packages/cli/src/commands/replay';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');

async function run(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await replayCommand(file, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function scenarioFile(lines: readonly string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kezek-replay-')), 'scenario.jsonl');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('kezek replay: documented examples (examples/README.md)', () => {
  const scenarios = readdirSync(EXAMPLES).filter((name) => name.endsWith('.jsonl'));

  it('has examples to run', () => expect(scenarios.length).toBeGreaterThan(0));

  it.each(scenarios)('%s gives its expected output byte for byte', async (name) => {
    const result = await run(join(EXAMPLES, name));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      readFileSync(join(EXAMPLES, name.replace(/\.jsonl$/, '.expected.json')), 'utf8'),
    );
  });
});

const KG =
  '{"at":"2026-02-02T09:00","do":"kindergarten","ref":"k1","settlement":"751110000","ownership":"state"}';
const APPLY =
  '{"at":"2026-02-02T10:00","do":"apply","ref":"a1","child":{"ref":"c1","birthDate":"2022-04-10"},"applicant":"p1","settlement":"751110000","queue":"general"}';

describe('kezek replay: malformed files (exit 2, the line on stderr, nothing on stdout)', () => {
  it.each([
    ['bad JSON', [KG, '{"at":'], 2, 'not valid JSON'],
    ['unknown do', ['// comment', '', '{"at":"2026-02-02T09:00","do":"dance"}'], 3, 'unknown event kind'],
    [
      'missing field',
      ['{"at":"2026-02-02T09:00","do":"kindergarten","ref":"k1","settlement":"751110000"}'],
      1,
      'ownership',
    ],
    ['ownership outside the list', [KG.replace('"state"', '"municipal"')], 1, 'ownership'],
    ['queue that does not parse', [KG, APPLY.replace('"general"', '"special:flying"')], 2, 'queue'],
    ['events out of time order', [KG, APPLY.replace('2026-02-02T10:00', '2026-02-01T10:00')], 2, 'order'],
    [
      'unknown ref',
      [KG, '{"at":"2026-02-03T10:00","do":"withdraw","application":"zz"}'],
      2,
      'unknown application ref',
    ],
    ['duplicate ref', [KG, KG], 2, 'already used'],
    ['unknown policy key', ['{"at":"2026-02-02T09:00","do":"policy","set":{"colour":"red"}}'], 1, 'colour'],
    [
      'place without age',
      [
        KG,
        '{"at":"2026-02-02T09:00","do":"place","ref":"v1","kindergarten":"k1","count":1,"mode":"full","admission":"general"}',
      ],
      2,
      'age',
    ],
  ])('%s', async (_name, lines, line, message) => {
    const result = await run(scenarioFile(lines));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^line ${line}: .*${message}`));
  });

  it('an unreadable file exits 1', async () => {
    const result = await run(join(tmpdir(), 'no-such-kezek-scenario.jsonl'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('a reference to something whose creating event was rejected is NOT_FOUND, not malformed', async () => {
    const refused = APPLY.replace('2022-04-10', '2019-01-01');
    const result = await run(
      scenarioFile([KG, refused, '{"at":"2026-02-03T10:00","do":"withdraw","application":"a1"}']),
    );
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { events: Array<{ ok: boolean; code?: string }> };
    expect(output.events.map((event) => event.code)).toEqual([undefined, 'AGE_LIMIT', 'NOT_FOUND']);
  });
});
