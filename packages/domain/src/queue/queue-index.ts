import type { Group } from '../categories/categories';
import {
  compareMembers,
  generalBeforeFirstPriority,
  generalOffset,
  layOut,
  nextGSinceP,
  priorityOffset,
  sortedGroups,
  type InterleaveOptions,
  type OrderOptions,
  type QueueMember,
} from './ordering';
import { createSortedList, type SortedList } from './sorted-list';

/**
 * One queue (one queue key) kept ordered under single changes (R-ORDER-06): the groups are sorted lists,
 * so a change costs two binary searches and a small splice, and a position is computed from the member's
 * rank in its group without laying out the whole queue. `ordered()` always equals orderQueue of the same members.
 */
export type QueueIndex = {
  readonly size: number;
  readonly gSinceP: number;
  readonly options: OrderOptions;
  has(id: string): boolean;
  get(id: string): QueueMember | undefined;
  /** A new, returning (R-ORDER-10) or re-confirmed application; its id must not be in the queue. */
  insert(member: QueueMember): void;
  /** Withdrawal, stop list, archive (R-ORDER-06 (4), (6), (7)); returns the member that left. */
  remove(id: string): QueueMember | undefined;
  /** R-ORDER-07: a privilege change re-places the member in its new group; the id must be in the queue. */
  update(member: QueueMember): void;
  setGSinceP(gSinceP: number): void;
  /** R-ORDER-05, R-ORDER-09, R-REF-13: a referral removes the member (unless temporary) and moves the counter. */
  recordReferral(id: string, referral?: { readonly temporary?: boolean }): void;
  /** 1-based queue number (§3(9)), undefined when the id is not queued. */
  positionOf(id: string): number | undefined;
  ordered(): QueueMember[];
  positions(): Map<string, number>;
};

export function createQueueIndex(
  interleave: InterleaveOptions,
  members: readonly QueueMember[] = [],
  initialGSinceP = 0,
): QueueIndex {
  const sorted = sortedGroups(members);
  const groups: Record<Group, SortedList<QueueMember>> = {
    O: createSortedList(compareMembers, sorted.O),
    P: createSortedList(compareMembers, sorted.P),
    G: createSortedList(compareMembers, sorted.G),
  };
  const byId = new Map<string, QueueMember>();
  for (const member of members) {
    if (byId.has(member.id)) throw new RangeError(`application ${member.id} is listed twice`);
    byId.set(member.id, member);
  }
  let gSinceP = initialGSinceP;
  const options = (): OrderOptions => ({ ...interleave, gSinceP });

  const insert = (member: QueueMember): void => {
    if (byId.has(member.id)) throw new RangeError(`application ${member.id} is already in the queue`);
    byId.set(member.id, member);
    groups[member.group].insert(member);
  };

  const remove = (id: string): QueueMember | undefined => {
    const member = byId.get(id);
    if (member === undefined) return undefined;
    byId.delete(id);
    groups[member.group].remove(member);
    return member;
  };

  const positionOf = (id: string): number | undefined => {
    const member = byId.get(id);
    if (member === undefined) return undefined;
    const rank = groups[member.group].rankOf(member);
    const need = generalBeforeFirstPriority(options());
    const outCount = groups.O.length;
    const perPriority = interleave.generalPerPriority;
    const offsets: Record<Group, () => number> = {
      O: () => rank - outCount,
      P: () => priorityOffset(rank, groups.G.length, need, perPriority),
      G: () => generalOffset(rank, groups.P.length, need, perPriority),
    };
    return outCount + offsets[member.group]() + 1;
  };

  const ordered = (): QueueMember[] =>
    layOut(groups.O.toArray(), groups.P.toArray(), groups.G.toArray(), options());

  return {
    get size() {
      return byId.size;
    },
    get gSinceP() {
      return gSinceP;
    },
    get options() {
      return options();
    },
    has: (id) => byId.has(id),
    get: (id) => byId.get(id),
    insert,
    remove,
    update(member) {
      if (remove(member.id) === undefined)
        throw new RangeError(`application ${member.id} is not in the queue`);
      insert(member);
    },
    setGSinceP(value) {
      gSinceP = value;
    },
    recordReferral(id, referral = {}) {
      const member = byId.get(id);
      if (member === undefined) throw new RangeError(`application ${id} is not in the queue`);
      if (referral.temporary !== true) remove(id);
      gSinceP = nextGSinceP(gSinceP, member.group, { ...interleave, ...referral });
    },
    positionOf,
    ordered,
    positions: () => new Map(ordered().map((member, index) => [member.id, index + 1])),
  };
}
