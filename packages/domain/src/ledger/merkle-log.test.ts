import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CT_CONSISTENCY,
  CT_INCLUSION,
  CT_LEAVES,
  CT_ROOTS,
  distinctLeaves,
  referencePath,
  referenceProof,
  referenceRoot,
  toHex,
} from './ledger-test-helpers';
import { createMerkleLog, type MerkleLog } from './merkle-log';
import { createMemoryStorage, type MerkleStorage } from './merkle-storage';

const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());
const hexes = (nodes: readonly Uint8Array[]): string[] => nodes.map(toHex);

function logOf(leaves: readonly Uint8Array[], storage?: MerkleStorage): MerkleLog {
  const log = createMerkleLog(sha256, storage);
  for (const leaf of leaves) log.append(leaf);
  return log;
}

/** A log and a size inside it: leaves 1…160 cover several levels and both kinds of right edge. */
const sizedLog = fc
  .record({
    count: fc.integer({ min: 1, max: 160 }),
    keepFromLevel: fc.integer({ min: 1, max: 6 }),
    salt: fc.nat(255),
  })
  .map(({ count, keepFromLevel, salt }) => {
    const leaves = distinctLeaves(count, salt);
    return { leaves, log: logOf(leaves, createMemoryStorage({ keepFromLevel })) };
  });

describe('Merkle log (RFC 6962 §2.1, §24(7))', () => {
  it('known answers: root after each append and rootAt(k) equal the CT roots for 0…8 leaves', () => {
    const log = createMerkleLog(sha256);
    expect(toHex(log.root())).toBe(CT_ROOTS[0]);
    for (const [i, leaf] of CT_LEAVES.entries()) {
      expect(log.append(leaf)).toBe(i);
      expect(log.size).toBe(i + 1);
      expect(toHex(log.root())).toBe(CT_ROOTS[i + 1]);
    }
    for (let k = 0; k <= 8; k += 1) expect(toHex(log.rootAt(k))).toBe(CT_ROOTS[k]);
  });

  it('known answers: §2.1.1 inclusion paths equal the CT vectors', () => {
    const log = logOf(CT_LEAVES);
    for (const vector of CT_INCLUSION)
      expect(hexes(log.inclusionProof(vector.index, vector.size))).toEqual(vector.path);
  });

  it('known answers: §2.1.2 consistency proofs equal the CT vectors', () => {
    const log = logOf(CT_LEAVES);
    for (const vector of CT_CONSISTENCY)
      expect(hexes(log.consistencyProof(vector.oldSize, vector.newSize))).toEqual(vector.proof);
  });

  it('every path and proof of trees of 1…8 CT leaves equals the RFC recursion', () => {
    const log = logOf(CT_LEAVES);
    for (let n = 1; n <= 8; n += 1) {
      const d = CT_LEAVES.slice(0, n);
      for (let m = 0; m < n; m += 1)
        expect(hexes(log.inclusionProof(m, n))).toEqual(hexes(referencePath(sha256, m, d)));
      for (let m = 1; m < n; m += 1)
        expect(hexes(log.consistencyProof(m, n))).toEqual(hexes(referenceProof(sha256, m, d)));
    }
  });

  it('property: rootAt(k) is MTH of the first k leaves, whichever levels the store keeps', () => {
    fc.assert(
      fc.property(sizedLog, fc.nat(), ({ leaves, log }, pick) => {
        const k = pick % (leaves.length + 1);
        expect(toHex(log.rootAt(k))).toBe(toHex(referenceRoot(sha256, leaves.slice(0, k))));
        expect(toHex(log.root())).toBe(toHex(referenceRoot(sha256, leaves)));
      }),
      { numRuns: 60 },
    );
  });

  it('property: inclusion and consistency proofs equal PATH and PROOF of §2.1.1–2.1.2', () => {
    fc.assert(
      fc.property(sizedLog, fc.nat(), fc.nat(), ({ leaves, log }, a, b) => {
        const n = 1 + (a % leaves.length);
        const m = b % n;
        const d = leaves.slice(0, n);
        expect(hexes(log.inclusionProof(m, n))).toEqual(hexes(referencePath(sha256, m, d)));
        if (m > 0) expect(hexes(log.consistencyProof(m, n))).toEqual(hexes(referenceProof(sha256, m, d)));
      }),
      { numRuns: 80 },
    );
  });

  it('a log reopened on its store has the same roots and proofs and appends on', () => {
    const leaves = distinctLeaves(77);
    const storage = createMemoryStorage();
    logOf(leaves.slice(0, 45), storage);
    const reopened = createMerkleLog(sha256, storage);
    expect(reopened.size).toBe(45);
    for (const leaf of leaves.slice(45)) reopened.append(leaf);
    const fresh = logOf(leaves);
    expect(toHex(reopened.root())).toBe(toHex(fresh.root()));
    expect(hexes(reopened.inclusionProof(44, 77))).toEqual(hexes(fresh.inclusionProof(44, 77)));
    expect(hexes(reopened.consistencyProof(45, 77))).toEqual(hexes(fresh.consistencyProof(45, 77)));
  });

  it('returns copies: changing a proof or a root does not change the log', () => {
    const log = logOf(CT_LEAVES);
    const proof = log.inclusionProof(0, 8);
    proof[0]?.fill(0);
    log.root().fill(0);
    expect(hexes(log.inclusionProof(0, 8))).toEqual(CT_INCLUSION[1]?.path);
    expect(toHex(log.root())).toBe(CT_ROOTS[8]);
  });

  it('refuses indices and sizes outside the log (RangeError)', () => {
    const log = logOf(CT_LEAVES.slice(0, 5));
    expect(() => log.inclusionProof(5, 5)).toThrow(RangeError);
    expect(() => log.inclusionProof(0, 6)).toThrow(RangeError);
    expect(() => log.inclusionProof(-1, 5)).toThrow(RangeError);
    expect(() => log.inclusionProof(0.5, 5)).toThrow(RangeError);
    expect(() => log.consistencyProof(3, 2)).toThrow(RangeError);
    expect(() => log.rootAt(6)).toThrow(RangeError);
    expect(log.consistencyProof(0, 5)).toEqual([]);
    expect(log.consistencyProof(5, 5)).toEqual([]);
  });

  it('the memory store keeps leaf hashes and levels from keepFromLevel, in append order only', () => {
    const storage = createMemoryStorage({ keepFromLevel: 2 });
    logOf(distinctLeaves(8), storage);
    expect(storage.leafCount()).toBe(8);
    expect(storage.get(1, 0)).toBeUndefined();
    expect(storage.get(2, 1)).toHaveLength(32);
    expect(storage.get(0, 8)).toBeUndefined();
    expect(() => storage.put(0, 10, new Uint8Array(32))).toThrow(RangeError);
    expect(() => storage.put(0, 8, new Uint8Array(31))).toThrow(RangeError);
    expect(() => createMemoryStorage({ keepFromLevel: 0 })).toThrow(RangeError);
  });
});
