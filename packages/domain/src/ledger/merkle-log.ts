import { createMemoryStorage, type MerkleStorage } from './merkle-storage';
import { createHashers, emptyRoot, isPowerOfTwo, splitPoint, type Hash } from './rfc6962';

/**
 * An append-only Merkle log of RFC 6962 §2.1 / RFC 9162 §2.1 shape over a MerkleStorage.
 *
 * Appending keeps a frontier: for each set bit l of the size, the hash of the complete 2^l-leaf subtree that
 * bit stands for (the "compact range" of [0, size)). A new leaf merges with the frontier while its index is odd
 * at each level, so an append costs one leaf hash plus, on average, one node hash — the nodes it completes —
 * and the root of the current tree folds the frontier (popcount(size) hashes).
 *
 * Every subtree a proof or a historical root names is either complete and aligned — read from storage, or
 * recomputed from the level below when the store does not keep its level — or on the right edge of the tree,
 * which splits into at most log2(size) complete ones (§2.1: the left side of each split is a full power of two).
 * So a proof or a rootAt costs O(log n) storage reads and a bounded number of hashes, whatever the size.
 *
 * Argument errors (an index or a size outside the log) are programming errors and throw RangeError; callers
 * answering untrusted requests check them against `size` first.
 */
export type MerkleLog = {
  readonly size: number;
  /** Appends a leaf (its bytes, hashed per §2.1) and returns its index. */
  readonly append: (leafBytes: Uint8Array) => number;
  /** Appends a leaf by its already computed leaf hash (a store being replayed, the benchmark). */
  readonly appendLeafHash: (leafHash: Uint8Array) => number;
  /** MTH of the whole log. */
  readonly root: () => Uint8Array;
  /** MTH of the first treeSize leaves (0 ≤ treeSize ≤ size): the root a past signed tree head named. */
  readonly rootAt: (treeSize: number) => Uint8Array;
  /** PATH(index, D[0:treeSize]) of RFC 6962 §2.1.1 / RFC 9162 §2.1.3.1, nearest the leaf first. */
  readonly inclusionProof: (index: number, treeSize: number) => Uint8Array[];
  /** PROOF(oldSize, D[0:newSize]) of RFC 6962 §2.1.2 / RFC 9162 §2.1.4.1; empty when oldSize is 0 or newSize. */
  readonly consistencyProof: (oldSize: number, newSize: number) => Uint8Array[];
};

/** The level l with 2^l = n, for a power of two n. */
function levelOf(n: number): number {
  let level = 0;
  for (let width = 1; width < n; width *= 2) level += 1;
  return level;
}

function checkSize(what: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max)
    throw new RangeError(`${what} ${value} outside 0…${max}`);
}

/** A log over `storage` (default: in memory); a store that already holds leaves is reopened at its size. */
export function createMerkleLog(hash: Hash, storage: MerkleStorage = createMemoryStorage()): MerkleLog {
  const hashers = createHashers(hash);
  const nodeHash = hashers.node;
  let size = 0;
  /**
   * frontier[l]: the complete subtree of 2^l leaves that bit l of `size` stands for (stale when the bit is 0).
   * One buffer per level, overwritten in place, so an append allocates nothing but the hashes it computes.
   */
  const frontier: Uint8Array[] = [];

  function keep(level: number, node: Uint8Array): void {
    const slot = frontier[level];
    if (slot !== undefined && slot.length === node.length) slot.set(node);
    else frontier[level] = node.slice();
  }

  function nodeAt(level: number, index: number): Uint8Array {
    const stored = storage.get(level, index);
    if (stored !== undefined) return stored;
    if (level === 0) throw new RangeError(`the store has no leaf hash ${index}`);
    return nodeHash(nodeAt(level - 1, index * 2), nodeAt(level - 1, index * 2 + 1));
  }

  /**
   * MTH(D[start:end]) for a subtree of the RFC tree: `start` is a multiple of a power of two ≥ end − start,
   * which holds for every range the §2.1 recursion visits from [0, n).
   */
  function subtreeHash(start: number, end: number): Uint8Array {
    const width = end - start;
    if (isPowerOfTwo(width)) return nodeAt(levelOf(width), start / width);
    const k = splitPoint(width);
    return nodeHash(subtreeHash(start, start + k), subtreeHash(start + k, end));
  }

  function appendLeafHash(leaf: Uint8Array): number {
    const index = size;
    let node = leaf;
    storage.put(0, index, node);
    let level = 0;
    let position = index;
    while (position % 2 === 1) {
      const left = frontier[level];
      if (left === undefined) throw new RangeError(`frontier lost level ${level}`);
      node = nodeHash(left, node);
      level += 1;
      position = (position - 1) / 2;
      storage.put(level, position, node);
    }
    keep(level, node);
    size = index + 1;
    return index;
  }

  function root(): Uint8Array {
    let acc: Uint8Array | undefined;
    let rest = size;
    // Fold from the smallest subtree up: the RFC tree hangs each smaller one right of the bigger ones.
    for (let level = 0; rest > 0; level += 1, rest = Math.floor(rest / 2)) {
      if (rest % 2 === 0) continue;
      const left = frontier[level];
      if (left === undefined) throw new RangeError(`frontier lost level ${level}`);
      acc = acc === undefined ? left : nodeHash(left, acc);
    }
    return acc === undefined ? emptyRoot(hash) : acc.slice();
  }

  function rootAt(treeSize: number): Uint8Array {
    checkSize('tree size', treeSize, size);
    if (treeSize === size) return root();
    if (treeSize === 0) return emptyRoot(hash);
    return subtreeHash(0, treeSize).slice();
  }

  function inclusionProof(index: number, treeSize: number): Uint8Array[] {
    checkSize('tree size', treeSize, size);
    checkSize('leaf index', index, treeSize - 1);
    const path: Uint8Array[] = [];
    let start = 0;
    let end = treeSize;
    // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) or PATH(m−k, D[k:n]) : MTH(D[0:k]) — walking down from the
    // root collects the siblings outermost first; the RFC lists them leaf first.
    while (end - start > 1) {
      const k = splitPoint(end - start);
      if (index < start + k) {
        path.push(subtreeHash(start + k, end));
        end = start + k;
      } else {
        path.push(subtreeHash(start, start + k));
        start += k;
      }
    }
    return path.reverse().map((node) => node.slice());
  }

  function consistencyProof(oldSize: number, newSize: number): Uint8Array[] {
    checkSize('new size', newSize, size);
    checkSize('old size', oldSize, newSize);
    if (oldSize === 0 || oldSize === newSize) return [];
    const outer: Uint8Array[] = [];
    let start = 0;
    let end = newSize;
    let m = oldSize;
    // SUBPROOF(m, D[n], b): b is true while the old tree's root is still a node of the new tree (left spine).
    let onLeftSpine = true;
    for (;;) {
      const width = end - start;
      if (m === width) {
        if (!onLeftSpine) outer.push(subtreeHash(start, end));
        break;
      }
      const k = splitPoint(width);
      if (m <= k) {
        outer.push(subtreeHash(start + k, end));
        end = start + k;
      } else {
        outer.push(subtreeHash(start, start + k));
        start += k;
        m -= k;
        onLeftSpine = false;
      }
    }
    return outer.reverse().map((node) => node.slice());
  }

  const reopened = storage.leafCount();
  if (reopened > 0) {
    // The frontier of a stored log: the complete subtrees of [0, size), biggest first, as the bits of size say.
    let start = 0;
    for (let level = levelOf(splitPoint(reopened + 1)); level >= 0; level -= 1) {
      const width = 2 ** level;
      if (start + width > reopened) continue;
      keep(level, nodeAt(level, start / width));
      start += width;
    }
    size = reopened;
  }

  return {
    get size() {
      return size;
    },
    append: (leafBytes) => appendLeafHash(hashers.leaf(leafBytes)),
    appendLeafHash,
    root,
    rootAt,
    inclusionProof,
    consistencyProof,
  };
}
