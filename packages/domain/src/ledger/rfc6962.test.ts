import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CT_LEAVES, CT_ROOTS, fromHex, referenceLeafHash, referenceRoot, toHex } from './ledger-test-helpers';
import {
  createHashers,
  emptyRoot,
  isPowerOfTwo,
  leafHash,
  merkleTreeHash,
  nodeHash,
  splitPoint,
} from './rfc6962';

const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());

// §24(7) keeps the registers in Merkle logs; these pin the hashing to RFC 6962. The rule ID itself is cited
// by the server tests once the registers append to these logs (until then it stays known-uncited).
describe('RFC 6962 §2.1 Merkle Tree Hash (§24(7))', () => {
  it('§2.1: the empty tree is SHA-256 of the empty string (e3b0c442…b855)', () => {
    expect(toHex(emptyRoot(sha256))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(merkleTreeHash(sha256, []))).toBe(CT_ROOTS[0]);
  });

  it('§2.1: leaf = SHA-256(0x00 ‖ d), node = SHA-256(0x01 ‖ left ‖ right)', () => {
    const d = fromHex('40414243');
    expect(toHex(leafHash(sha256, d))).toBe(toHex(sha256(fromHex('0040414243'))));
    const left = fromHex('aa'.repeat(32));
    const right = fromHex('bb'.repeat(32));
    expect(toHex(nodeHash(sha256, left, right))).toBe(
      toHex(sha256(fromHex(`01${'aa'.repeat(32)}${'bb'.repeat(32)}`))),
    );
    // The size-1 CT root is the leaf hash of the empty leaf: SHA-256(0x00).
    expect(toHex(leafHash(sha256, new Uint8Array(0)))).toBe(CT_ROOTS[1]);
  });

  it('known answers: MTH of the first 0…8 CT test leaves equals the published roots', () => {
    for (let n = 0; n <= 8; n += 1)
      expect(toHex(merkleTreeHash(sha256, CT_LEAVES.slice(0, n)))).toBe(CT_ROOTS[n]);
  });

  it('the test reference implementation agrees with the published roots too', () => {
    for (let n = 0; n <= 8; n += 1)
      expect(toHex(referenceRoot(sha256, CT_LEAVES.slice(0, n)))).toBe(CT_ROOTS[n]);
    expect(toHex(referenceLeafHash(sha256, new Uint8Array(0)))).toBe(CT_ROOTS[1]);
  });

  it('property: the reused-buffer hashers give the same leaf and node hashes, whatever the lengths in turn', () => {
    const hashers = createHashers(sha256);
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array(),
        fc.uint8Array(),
        (leaf, left, right) => {
          expect(toHex(hashers.leaf(leaf))).toBe(toHex(leafHash(sha256, leaf)));
          expect(toHex(hashers.node(left, right))).toBe(toHex(nodeHash(sha256, left, right)));
        },
      ),
    );
  });

  it('§2.1 split: k is the largest power of two below n, for sizes past 32 bits', () => {
    expect([2, 3, 4, 5, 8, 9].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8]);
    expect(splitPoint(2 ** 40 + 1)).toBe(2 ** 40);
    expect(splitPoint(2 ** 40)).toBe(2 ** 39);
    expect([1, 2, 3, 4, 6, 2 ** 40, 2 ** 40 + 2].map(isPowerOfTwo)).toEqual([
      true,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });
});
