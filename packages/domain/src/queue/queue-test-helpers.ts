// Shared by the queue tests only: members of the spec's worked examples and fast-check arbitraries.
import fc from 'fast-check';
import type { Group } from '../categories/categories';
import { instant, instantFromEpochMs } from '../time/instant';
import { type InterleaveOptions, type OrderOptions, type QueueMember } from './ordering';

let nextSeq = 1;

/** A member submitted at `time` (local 'YYYY-MM-DDTHH:MM[:SS.mmm]'), with the next registration sequence. */
export const member = (id: string, group: Group, time: string, registrationSeq = nextSeq++): QueueMember => ({
  id,
  group,
  submittedAt: instant(time),
  registrationSeq,
});

export const ids = (members: readonly QueueMember[]): string[] => members.map((m) => m.id);

export const ANCHORED: InterleaveOptions = { generalPerPriority: 3, interleave: 'anchored' };

/**
 * R-ORDER-03 exactly as the spec writes the loop, as the oracle for the closed forms. The spec has no
 * id tie-break; members here never share (submittedAt, registrationSeq) unless a test says so.
 */
export function literalOrder(members: readonly QueueMember[], options: OrderOptions): QueueMember[] {
  const byTime = (a: QueueMember, b: QueueMember) =>
    a.submittedAt - b.submittedAt || a.registrationSeq - b.registrationSeq || (a.id < b.id ? -1 : 1);
  const of = (group: Group) => members.filter((m) => m.group === group).sort(byTime);
  const [out, priority, general] = [of('O'), of('P'), of('G')];
  const perPriority = options.generalPerPriority;
  let need = perPriority - (options.interleave === 'stateless' ? 0 : options.gSinceP);
  while (priority.length > 0 || general.length > 0) {
    const next =
      priority.length > 0 && (need <= 0 || general.length === 0) ? priority.shift() : general.shift();
    if (next === undefined) break;
    out.push(next);
    need = next.group === 'P' ? perPriority : Math.max(0, need - 1);
  }
  return out;
}

const GROUPS: readonly Group[] = ['O', 'P', 'G'];
const BASE_MS = instant('2026-02-02T09:00').valueOf();

/** Members with distinct ids, few distinct times (so ties happen) and distinct sequences. */
export const membersArbitrary = (maxLength = 60): fc.Arbitrary<QueueMember[]> =>
  fc
    .array(fc.record({ group: fc.constantFrom(...GROUPS), minute: fc.nat(20) }), { maxLength })
    .chain((drafts) =>
      fc
        .shuffledSubarray(
          drafts.map((_, index) => index + 1),
          { minLength: drafts.length, maxLength: drafts.length },
        )
        .map((seqs) =>
          drafts.map((draft, index) => ({
            id: `a${index}`,
            group: draft.group,
            submittedAt: instantFromEpochMs(BASE_MS + draft.minute * 60_000),
            registrationSeq: seqs[index] ?? 0,
          })),
        ),
    );

export const orderOptionsArbitrary: fc.Arbitrary<OrderOptions> = fc.record({
  generalPerPriority: fc.integer({ min: 1, max: 4 }),
  interleave: fc.constantFrom('anchored' as const, 'stateless' as const),
  gSinceP: fc.integer({ min: 0, max: 4 }),
});
