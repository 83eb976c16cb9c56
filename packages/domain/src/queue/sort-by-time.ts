import { compareMembers, type QueueMember } from './queue-member';

const DIGIT_BITS = 16;
const RADIX = 1 << DIGIT_BITS;
/** Below this a comparison sort is cheaper than the radix passes' fixed cost. */
const RADIX_MIN_LENGTH = 512;

/** Number of 16-bit digits needed for values 0..range. */
const digitsFor = (range: number): number => {
  let digits = 0;
  for (let rest = range; rest >= 1; rest = Math.floor(rest / RADIX)) digits += 1;
  return digits;
};

/**
 * One stable counting pass: reorders `order` by the digit of `values` at `divisor` (a power of 65536).
 * Values are exact integers below 2^53, so the float division and modulo are exact.
 */
function countingPass(order: Uint32Array, into: Uint32Array, values: Float64Array, divisor: number): void {
  const counts = new Uint32Array(RADIX + 1);
  const digits = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const digit = Math.floor((values[i] ?? 0) / divisor) % RADIX;
    digits[i] = digit;
    counts[digit + 1] = (counts[digit + 1] ?? 0) + 1;
  }
  for (let digit = 1; digit <= RADIX; digit++)
    counts[digit] = (counts[digit] ?? 0) + (counts[digit - 1] ?? 0);
  for (let i = 0; i < order.length; i++) {
    const index = order[i] ?? 0;
    const digit = digits[index] ?? 0;
    const slot = counts[digit] ?? 0;
    into[slot] = index;
    counts[digit] = slot + 1;
  }
}

/** Offsets of `read(member)` from their minimum, or undefined when they are not all safe integers. */
function offsets(members: readonly QueueMember[], read: (member: QueueMember) => number) {
  let min = Infinity;
  let max = -Infinity;
  for (const member of members) {
    const value = read(member);
    if (!Number.isSafeInteger(value)) return undefined;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (!Number.isSafeInteger(max - min)) return undefined;
  // Plain loops: TypedArray.from and Array.from with a mapping function are several times slower in V8.
  const values = new Float64Array(members.length);
  for (let i = 0; i < members.length; i++) values[i] = read(members[i] as QueueMember) - min;
  return { values, range: max - min };
}

/**
 * Sorts members by compareMembers (R-ORDER-01, -08). A whole country's queue is rebuilt at once
 * (R-ORDER-06, A-21), so large groups go through an LSD radix sort on (submittedAt, registrationSeq):
 * linear, and several times faster than a comparison sort. Members equal on both keys (never, with a
 * strictly increasing sequence) are then ordered by id, so the result is exactly compareMembers'.
 */
export function sortByTime(members: QueueMember[]): QueueMember[] {
  const times = members.length < RADIX_MIN_LENGTH ? undefined : offsets(members, (m) => m.submittedAt);
  const seqs = times && offsets(members, (m) => m.registrationSeq);
  if (times === undefined || seqs === undefined) return members.sort(compareMembers);

  let order = new Uint32Array(members.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  let spare = new Uint32Array(members.length);
  for (const { values, range } of [seqs, times])
    for (let digit = 0, divisor = 1; digit < digitsFor(range); digit++, divisor *= RADIX) {
      countingPass(order, spare, values, divisor);
      [order, spare] = [spare, order];
    }

  const sorted: QueueMember[] = new Array<QueueMember>(order.length);
  for (let i = 0; i < order.length; i++) sorted[i] = members[order[i] ?? 0] as QueueMember;
  for (let start = 0, end = 1; end <= sorted.length; end++) {
    const first = sorted[start];
    const next = sorted[end];
    if (
      next !== undefined &&
      first !== undefined &&
      next.submittedAt === first.submittedAt &&
      next.registrationSeq === first.registrationSeq
    )
      continue;
    if (end - start > 1)
      sorted
        .slice(start, end)
        .sort(compareMembers)
        .forEach((member, i) => (sorted[start + i] = member));
    start = end;
  }
  return sorted;
}
