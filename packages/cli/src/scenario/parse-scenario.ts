import { siblingReferralRef, type ScenarioAction, type ScenarioEvent } from '@kezek/domain';
import type { z } from 'zod';
import { ZScenarioLine, type ScenarioLine } from './scenario-schema';

export type ScenarioError = { readonly line: number; readonly message: string };

export type ParsedScenario =
  | { readonly ok: true; readonly events: ScenarioEvent[] }
  | { readonly ok: false; readonly error: ScenarioError };

const EVENT_KINDS = new Set([
  'policy',
  'calendar',
  'kindergarten',
  'apply',
  'verify',
  'categories',
  'withdraw',
  'stoplist',
  'confirmInterest',
  'place',
  'free',
  'revoke',
  'claim',
  'cancelReferral',
  'extendReferral',
  'confirmReferral',
  'admit',
  'refuseAdmission',
  'snapshot',
  'tick',
]);

type RefKind = 'kindergarten' | 'application' | 'place' | 'referral';

/** Refs a line creates and refs it names (scenario format: refs are unique per kind, used after creation). */
function refsOf(line: ScenarioLine): {
  readonly creates: Array<[RefKind, string]>;
  readonly uses: Array<[RefKind, string]>;
} {
  switch (line.do) {
    case 'kindergarten':
      return { creates: [['kindergarten', line.ref]], uses: [] };
    case 'apply':
      return { creates: [['application', line.ref]], uses: [] };
    case 'place':
      return { creates: [['place', line.ref]], uses: [['kindergarten', line.kindergarten]] };
    case 'claim': {
      const applications = typeof line.application === 'string' ? [line.application] : line.application;
      return {
        creates: applications.map((_, index) => ['referral', siblingReferralRef(line.ref, index)]),
        uses: [['place', line.place], ...applications.map((ref): [RefKind, string] => ['application', ref])],
      };
    }
    case 'verify':
    case 'categories':
    case 'withdraw':
    case 'stoplist':
    case 'confirmInterest':
      return { creates: [], uses: [['application', line.application]] };
    case 'free':
    case 'revoke':
      return { creates: [], uses: [['place', line.place]] };
    case 'cancelReferral':
    case 'extendReferral':
    case 'confirmReferral':
    case 'admit':
    case 'refuseAdmission':
      return { creates: [], uses: [['referral', line.referral]] };
    default:
      return { creates: [], uses: [] };
  }
}

/** The domain action of a line: `at` goes to the event, a single claimed application becomes a list. */
function toAction({ at: _at, ...line }: ScenarioLine): ScenarioAction {
  if (line.do === 'claim') {
    const { application, ...claim } = line;
    return { ...claim, applications: typeof application === 'string' ? [application] : application };
  }
  return line;
}

const describe = (error: z.ZodError): string =>
  error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');

/**
 * Reads a JSON Lines scenario: empty lines and `//` comments are skipped but counted (line numbers are
 * physical); the first malformed line stops the reading with its number and problem.
 */
export function parseScenario(text: string): ParsedScenario {
  const events: ScenarioEvent[] = [];
  const known: Record<RefKind, Set<string>> = {
    kindergarten: new Set(),
    application: new Set(),
    place: new Set(),
    referral: new Set(),
  };
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('//')) continue;
    const fail = (message: string): ParsedScenario => ({ ok: false, error: { line, message } });
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      return fail(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      return fail('an event must be a JSON object');
    const kind: unknown = (json as Record<string, unknown>)['do'];
    if (typeof kind !== 'string' || !EVENT_KINDS.has(kind))
      return fail(`unknown event kind do=${JSON.stringify(kind)}`);
    const parsed = ZScenarioLine.safeParse(json);
    if (!parsed.success) return fail(`${kind}: ${describe(parsed.error)}`);
    const previous = events.at(-1);
    if (previous && parsed.data.at < previous.at) return fail('events must be in non-decreasing `at` order');
    const { creates, uses } = refsOf(parsed.data);
    const unknown = uses.find(([refKind, ref]) => !known[refKind].has(ref));
    if (unknown) return fail(`unknown ${unknown[0]} ref "${unknown[1]}"`);
    const duplicate = creates.find(([refKind, ref]) => known[refKind].has(ref));
    if (duplicate) return fail(`${duplicate[0]} ref "${duplicate[1]}" is already used`);
    for (const [refKind, ref] of creates) known[refKind].add(ref);
    events.push({ line, at: parsed.data.at, ...toAction(parsed.data) });
  }
  return { ok: true, events };
}
