import type { Group } from '../categories/categories';
import type { Instant } from '../time/instant';

/**
 * What ordering needs of a `queued` application (R-ORDER-11): its group (R-ORDER-04, derived from the
 * confirmed categories by the caller), submission time (R-ELIG-20) and registration sequence (R-ORDER-08).
 */
export type QueueMember = {
  readonly id: string;
  readonly group: Group;
  readonly submittedAt: Instant;
  readonly registrationSeq: number;
};

/**
 * R-ORDER-01, R-ORDER-08: by submission time, then registration sequence. The id breaks the tie that a
 * strictly increasing sequence never leaves, so the order is total whatever the input (R-ORDER-06).
 */
export const compareMembers = (a: QueueMember, b: QueueMember): number =>
  a.submittedAt - b.submittedAt ||
  a.registrationSeq - b.registrationSeq ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
