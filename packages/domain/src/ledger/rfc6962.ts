/**
 * RFC 6962 §2.1 (carried over unchanged into RFC 9162 §2.1.1) Merkle Tree Hash over SHA-256. The hash is
 * injected because the domain does no I/O and imports no runtime module: the server and the CLI pass
 * node:crypto's SHA-256, a browser could pass a WebCrypto-backed one.
 */
export type Hash = (bytes: Uint8Array) => Uint8Array; // a fresh digest; the input is not kept

/** The domain-separation prefixes of §2.1 that make a leaf hash never collide with a node hash (§2.1, last ¶). */
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** MTH({}) = HASH() — the hash of the empty string (§2.1). */
export const emptyRoot = (hash: Hash): Uint8Array => hash(new Uint8Array(0));

/** MTH({d(0)}) = HASH(0x00 || d(0)) (§2.1). */
export function leafHash(hash: Hash, leafBytes: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + leafBytes.length);
  input[0] = LEAF_PREFIX;
  input.set(leafBytes, 1);
  return hash(input);
}

/** HASH(0x01 || left || right) (§2.1). */
export function nodeHash(hash: Hash, left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return hash(input);
}

/**
 * nodeHash and leafHash writing their input into one reused buffer, for the log's hot paths: at a few hundred
 * nanoseconds, allocating the 65-byte input costs about as much as hashing it. The hash must not keep its
 * input (node:crypto and WebCrypto digests do not).
 */
export function createHashers(hash: Hash): {
  readonly leaf: (leafBytes: Uint8Array) => Uint8Array;
  readonly node: (left: Uint8Array, right: Uint8Array) => Uint8Array;
} {
  let leafInput = new Uint8Array(64);
  let nodeInput = new Uint8Array(0);
  return {
    leaf(leafBytes) {
      if (leafInput.length < 1 + leafBytes.length) leafInput = new Uint8Array(2 * (1 + leafBytes.length));
      leafInput[0] = LEAF_PREFIX;
      leafInput.set(leafBytes, 1);
      return hash(leafInput.subarray(0, 1 + leafBytes.length));
    },
    node(left, right) {
      if (nodeInput.length !== 1 + left.length + right.length) {
        nodeInput = new Uint8Array(1 + left.length + right.length);
        nodeInput[0] = NODE_PREFIX;
      }
      nodeInput.set(left, 1);
      nodeInput.set(right, 1 + left.length);
      return hash(nodeInput);
    },
  };
}

/**
 * The k of §2.1: the largest power of two smaller than n (n > 1). Plain arithmetic rather than bit operators,
 * which would truncate to 32 bits; sizes are safe integers up to 2^53.
 */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Whether n is 2^i for some i ≥ 0, without 32-bit operators. */
export function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/**
 * MTH(D[n]) of §2.1 for a list of leaf inputs of any length, by the RFC's recursion: split at the largest
 * power of two smaller than n, so the tree is the RFC's shape (left subtrees always complete).
 */
export function merkleTreeHash(hash: Hash, leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return emptyRoot(hash);
  return rangeHash(
    hash,
    leaves.map((leaf) => leafHash(hash, leaf)),
    0,
    leaves.length,
  );
}

function rangeHash(hash: Hash, hashes: readonly Uint8Array[], start: number, end: number): Uint8Array {
  if (end - start === 1) {
    const only = hashes[start];
    if (only === undefined) throw new RangeError(`no leaf ${start}`);
    return only;
  }
  const k = splitPoint(end - start);
  return nodeHash(hash, rangeHash(hash, hashes, start, start + k), rangeHash(hash, hashes, start + k, end));
}
