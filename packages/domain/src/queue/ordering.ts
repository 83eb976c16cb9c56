import type { Group } from '../categories/categories';
import type { QueueMember } from './queue-member';
import { sortByTime } from './sort-by-time';

export { compareMembers, type QueueMember } from './queue-member';

export type InterleaveOptions = {
  /** §21 ¶3: one first-priority application after this many general ones ("one to three"). */
  readonly generalPerPriority: number;
  /** A-03, R-ORDER-05. */
  readonly interleave: 'anchored' | 'stateless';
};

/** `gSinceP`: general referrals from this queue since the last first-priority one (R-ORDER-05). */
export type OrderOptions = InterleaveOptions & { readonly gSinceP: number };

/**
 * The `need` R-ORDER-03 starts with: general applications to place before the first priority one.
 * `stateless` is the literal §21 ¶3 (the counter is always 0).
 */
export const generalBeforeFirstPriority = (options: OrderOptions): number =>
  options.interleave === 'stateless'
    ? options.generalPerPriority
    : Math.min(options.generalPerPriority, Math.max(0, options.generalPerPriority - options.gSinceP));

/**
 * Closed forms of the R-ORDER-03 loop, 0-based offsets after the out-of-turn block. The k-th priority
 * application follows `need + k·N` general ones, or all of them once the general group runs out;
 * the k-th general one follows every priority application whose quota of general ones it completes.
 */
export const priorityOffset = (k: number, generalCount: number, need: number, perPriority: number): number =>
  k + Math.min(generalCount, need + k * perPriority);

export const generalOffset = (k: number, priorityCount: number, need: number, perPriority: number): number =>
  k + (k < need ? 0 : Math.min(priorityCount, Math.floor((k - need) / perPriority) + 1));

/** Lays out groups already sorted by compareMembers: O, then P interleaved among G (R-ORDER-02/03). */
export function layOut(
  out: readonly QueueMember[],
  priority: readonly QueueMember[],
  general: readonly QueueMember[],
  options: OrderOptions,
): QueueMember[] {
  const result = out.slice();
  const base = out.length;
  result.length = base + priority.length + general.length;
  const need = generalBeforeFirstPriority(options);
  const perPriority = options.generalPerPriority;
  priority.forEach((member, k) => {
    result[base + priorityOffset(k, general.length, need, perPriority)] = member;
  });
  general.forEach((member, k) => {
    result[base + generalOffset(k, priority.length, need, perPriority)] = member;
  });
  return result;
}

/** Splits members into their groups, each sorted by compareMembers. */
export function sortedGroups(members: readonly QueueMember[]): Record<Group, QueueMember[]> {
  const groups: Record<Group, QueueMember[]> = { O: [], P: [], G: [] };
  for (const member of members) groups[member.group].push(member);
  return { O: sortByTime(groups.O), P: sortByTime(groups.P), G: sortByTime(groups.G) };
}

/**
 * The queue order (§21, R-ORDER-01..05, -08): out-of-turn first by time, then first-priority placed after
 * every `generalPerPriority` general ones, counting from `gSinceP`; when either group runs out the other
 * continues. Pass only `queued` applications (R-ORDER-11). Position = index + 1.
 */
export function orderQueue(members: readonly QueueMember[], options: OrderOptions): QueueMember[] {
  const groups = sortedGroups(members);
  return layOut(groups.O, groups.P, groups.G, options);
}

/**
 * R-ORDER-05 (A-03, anchored): the counter after a referral from this queue. A general referral counts
 * towards the next priority one (capped at N), a priority referral restarts the count; out-of-turn and
 * temporary-stay referrals (R-REF-13) and returns leave it as is. `stateless` keeps it at 0.
 */
export function nextGSinceP(
  gSinceP: number,
  referredGroup: Group,
  options: InterleaveOptions & { readonly temporary?: boolean },
): number {
  if (options.interleave === 'stateless') return 0;
  if (options.temporary === true || referredGroup === 'O') return gSinceP;
  return referredGroup === 'P' ? 0 : Math.min(options.generalPerPriority, gSinceP + 1);
}
