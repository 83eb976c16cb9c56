import { err, ok, type Result } from '../time/result';
import { emptyRoot, isPowerOfTwo, nodeHash, type Hash } from './rfc6962';

/**
 * Offline proof checks for receipts (RFC 9162 §2.1.3.2 and §2.1.4.2, which fix the verification algorithms
 * RFC 6962 left implicit). Everything may come from an untrusted file, so nothing here throws: a malformed
 * argument is a failed check with its reason.
 */
export type ProofFailure =
  /** a size or index that is not a non-negative safe integer, a hash of the wrong length or type */
  | 'malformed'
  /** leaf index ≥ tree size, or old size > new size */
  | 'out-of-range'
  /** more or fewer proof nodes than the tree shape has */
  | 'proof-length'
  /** the proof does not lead to the given root(s) */
  | 'root-mismatch';

export type ProofCheck = Result<true, ProofFailure>;

const isSize = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const isHashOf = (value: unknown, length: number): value is Uint8Array =>
  value instanceof Uint8Array && value.length === length;

function isPath(value: unknown, length: number): value is readonly Uint8Array[] {
  return Array.isArray(value) && value.every((node) => isHashOf(node, length));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Plain arithmetic instead of >> and &, which truncate to 32 bits. */
const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/** RFC 9162 §2.1.3.2: does `proof` show the leaf with `leafHash` at `index` in the tree of `treeSize` with `root`? */
export function verifyInclusion(
  hash: Hash,
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): ProofCheck {
  if (!(root instanceof Uint8Array) || root.length === 0) return err('malformed');
  if (!isSize(index) || !isSize(treeSize) || !isHashOf(leafHash, root.length) || !isPath(proof, root.length))
    return err('malformed');
  if (index >= treeSize) return err('out-of-range');
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return err('proof-length');
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(hash, p, r);
      // Past the right edge of a smaller-than-power-of-two subtree the path skips levels with no sibling.
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(hash, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return err('proof-length');
  return sameBytes(r, root) ? ok(true) : err('root-mismatch');
}

/**
 * RFC 9162 §2.1.4.2: is the tree of `newSize` with `newRoot` an append-only extension of the one of `oldSize`
 * with `oldRoot`? The RFC's algorithm covers 0 < oldSize < newSize; at equal sizes the proof is empty and the
 * roots must be equal, and every tree extends the empty one (empty proof; its root must be HASH() of §2.1).
 */
export function verifyConsistency(
  hash: Hash,
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): ProofCheck {
  if (!(newRoot instanceof Uint8Array) || newRoot.length === 0) return err('malformed');
  if (
    !isSize(oldSize) ||
    !isSize(newSize) ||
    !isHashOf(oldRoot, newRoot.length) ||
    !isPath(proof, newRoot.length)
  )
    return err('malformed');
  if (oldSize > newSize) return err('out-of-range');
  if (oldSize === newSize || oldSize === 0) {
    if (proof.length > 0) return err('proof-length');
    const expected = oldSize === 0 ? emptyRoot(hash) : newRoot;
    return sameBytes(oldRoot, expected) ? ok(true) : err('root-mismatch');
  }
  // Step 2: when the old tree is a complete subtree of the new one, its root is the proof's implicit first node.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  const [first, ...rest] = path;
  if (first === undefined) return err('proof-length');
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return err('proof-length');
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(hash, c, fr);
      sr = nodeHash(hash, c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(hash, sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return err('proof-length');
  return sameBytes(fr, oldRoot) && sameBytes(sr, newRoot) ? ok(true) : err('root-mismatch');
}
