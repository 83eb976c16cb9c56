/**
 * A sorted sequence kept as a list of small sorted blocks (the "sorted containers" layout). One splice
 * in a 300,000-element array moves the whole tail; here it moves at most one block, and finding a rank
 * sums the lengths of the blocks before it — a few hundred numbers.
 */
export type SortedList<T> = {
  readonly length: number;
  insert(value: T): void;
  /** Removes the element comparing equal to `value`; false when there is none. */
  remove(value: T): boolean;
  /** Number of elements before `value` (its index when present). */
  rankOf(value: T): number;
  toArray(): T[];
};

const BLOCK_SIZE = 512;

/** The first index in `sorted` whose element is not before `value`. */
export function lowerBound<T>(sorted: readonly T[], value: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(sorted[middle] as T, value) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

const chunk = <T>(sorted: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(sorted.length / BLOCK_SIZE) }, (_, i) =>
    sorted.slice(i * BLOCK_SIZE, (i + 1) * BLOCK_SIZE),
  );

/** `sorted` must already be in `compare` order. */
export function createSortedList<T>(
  compare: (a: T, b: T) => number,
  sorted: readonly T[] = [],
): SortedList<T> {
  const blocks: T[][] = chunk(sorted);
  let length = sorted.length;

  // The first block whose last element is not before `value`: where `value` is or belongs.
  const blockOf = (value: T): number => {
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const block = blocks[middle] as T[];
      if (compare(block[block.length - 1] as T, value) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  return {
    get length() {
      return length;
    },
    insert(value) {
      const at = Math.min(blockOf(value), blocks.length - 1);
      const block = blocks[at];
      length += 1;
      if (block === undefined) {
        blocks.push([value]);
        return;
      }
      block.splice(lowerBound(block, value, compare), 0, value);
      if (block.length > 2 * BLOCK_SIZE) blocks.splice(at + 1, 0, block.splice(BLOCK_SIZE));
    },
    remove(value) {
      const at = blockOf(value);
      const block = blocks[at];
      if (block === undefined) return false;
      const index = lowerBound(block, value, compare);
      if (index >= block.length || compare(block[index] as T, value) !== 0) return false;
      block.splice(index, 1);
      length -= 1;
      if (block.length === 0) blocks.splice(at, 1);
      return true;
    },
    rankOf(value) {
      const at = blockOf(value);
      let rank = 0;
      for (let i = 0; i < at; i++) rank += (blocks[i] as T[]).length;
      const block = blocks[at];
      return block === undefined ? rank : rank + lowerBound(block, value, compare);
    },
    toArray: () => blocks.flat(),
  };
}
