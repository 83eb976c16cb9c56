import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantFromEpochMs } from '../time/instant';
import { compareMembers, type QueueMember } from './queue-member';
import { sortByTime } from './sort-by-time';

const BASE_MS = 1_770_000_000_000;

describe('sortByTime (R-ORDER-01, R-ORDER-08)', () => {
  it('R-ORDER-01/08: the radix path equals a comparison sort, ties and huge ranges included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            ms: fc.oneof(fc.nat(50), fc.nat(Number.MAX_SAFE_INTEGER - BASE_MS)),
            seq: fc.oneof(fc.nat(5), fc.integer({ min: -1e12, max: 1e12 })),
          }),
          { minLength: 512, maxLength: 1500 },
        ),
        (drafts) => {
          const members: QueueMember[] = drafts.map((draft, i) => ({
            id: `a${(i * 7919) % drafts.length}`,
            group: 'G',
            submittedAt: instantFromEpochMs(BASE_MS + draft.ms),
            registrationSeq: draft.seq,
          }));
          expect(sortByTime(members.slice())).toEqual(members.slice().sort(compareMembers));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('falls back to the comparison sort for sequences that are not safe integers', () => {
    const members = Array.from({ length: 600 }, (_, i) => ({
      id: `a${i}`,
      group: 'G' as const,
      submittedAt: instantFromEpochMs(BASE_MS + (i % 13)),
      registrationSeq: (600 - i) / 7,
    }));
    expect(sortByTime(members.slice())).toEqual(members.slice().sort(compareMembers));
  });
});
