/**
 * Where a Merkle log keeps its hashes: leaf hashes (level 0) and hashes of complete, aligned subtrees
 * ((level, index) covers leaves [index·2^level, (index+1)·2^level)). The log writes every node it completes,
 * in order; a store may keep only some levels above 0 and answer `undefined` for the rest — the log then
 * recomputes them from the level below. Level 0 must always be kept: leaf hashes cannot be recomputed.
 * A database-backed store implements the same three functions (a table keyed by (log, level, index)).
 */
export type MerkleStorage = {
  /** Leaf hashes held, i.e. the size of the log when it was last written. */
  readonly leafCount: () => number;
  readonly get: (level: number, index: number) => Uint8Array | undefined;
  /** Called once per completed node, in increasing index at each level (append-only). */
  readonly put: (level: number, index: number, hash: Uint8Array) => void;
};

export type MemoryStorageOptions = {
  /**
   * Lowest level above the leaves that is kept (default 4). Levels 1…keepFromLevel−1 hold 7/8 of all inner
   * nodes (n/2 + n/4 + n/8 of ~n) yet each costs at most 2^(keepFromLevel−1)−1 hashes to recompute from leaf
   * hashes; with 4, a proof recomputes at most 1 + 3 + 7 = 11 hashes and the inner nodes kept weigh n/8 hashes,
   * so 10,000,000 leaves take ~320 MB of leaf hashes plus ~40 MB of inner nodes instead of ~640 MB with every level kept.
   */
  readonly keepFromLevel?: number;
};

/**
 * Nodes live in fixed-size chunks of one flat byte array per chunk rather than one Uint8Array per hash: a
 * separate object per node would cost about as much again in object headers at ten million leaves, and one
 * growing array per level would copy hundreds of megabytes on each doubling.
 */
const CHUNK_NODES = 32_768;
const FIRST_CHUNK_NODES = 16;

type Level = { readonly chunks: Uint8Array[]; count: number };

export function createMemoryStorage(options: MemoryStorageOptions = {}): MerkleStorage {
  const keepFromLevel = options.keepFromLevel ?? 4;
  if (!Number.isSafeInteger(keepFromLevel) || keepFromLevel < 1)
    throw new RangeError(`keepFromLevel must be an integer ≥ 1, got ${keepFromLevel}`);
  const levels: Level[] = [];
  let hashSize = 0;

  const kept = (level: number): boolean => level === 0 || level >= keepFromLevel;

  function get(level: number, index: number): Uint8Array | undefined {
    const stored = levels[level];
    if (stored === undefined || !Number.isSafeInteger(index) || index < 0 || index >= stored.count)
      return undefined;
    const chunk = stored.chunks[Math.floor(index / CHUNK_NODES)];
    const offset = (index % CHUNK_NODES) * hashSize;
    return chunk?.subarray(offset, offset + hashSize);
  }

  function put(level: number, index: number, hash: Uint8Array): void {
    if (!kept(level)) return;
    if (hashSize === 0) hashSize = hash.length;
    if (hash.length !== hashSize || hashSize === 0)
      throw new RangeError(`hash of ${hash.length} bytes in a store of ${hashSize}-byte hashes`);
    let stored = levels[level];
    if (stored === undefined) {
      stored = { chunks: [], count: 0 };
      levels[level] = stored;
    }
    if (index !== stored.count)
      throw new RangeError(`node (${level}, ${index}) written out of order; next is ${stored.count}`);
    const chunkIndex = Math.floor(index / CHUNK_NODES);
    const offset = (index % CHUNK_NODES) * hashSize;
    let chunk = stored.chunks[chunkIndex];
    if (chunk === undefined || chunk.length < offset + hashSize) {
      // Only the first chunk grows (doubling), so upper levels with a handful of nodes stay small.
      const nodes =
        chunkIndex === 0 ? Math.min(CHUNK_NODES, Math.max(FIRST_CHUNK_NODES, index * 2)) : CHUNK_NODES;
      const grown = new Uint8Array(nodes * hashSize);
      if (chunk !== undefined) grown.set(chunk);
      chunk = grown;
      stored.chunks[chunkIndex] = chunk;
    }
    chunk.set(hash, offset);
    stored.count = index + 1;
  }

  return { leafCount: () => levels[0]?.count ?? 0, get, put };
}
