import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CT_CONSISTENCY,
  CT_INCLUSION,
  CT_LEAVES,
  CT_ROOTS,
  distinctLeaves,
  fromHex,
  referenceLeafHash,
  referencePath,
  referenceProof,
  referenceRoot,
} from './ledger-test-helpers';
import { verifyConsistency, verifyInclusion } from './verify';

const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());
const MALFORMED = { ok: false, error: 'malformed' };
const root = (n: number): Uint8Array => fromHex(CT_ROOTS[n] ?? '');

/** The same bytes with one bit of one byte flipped. */
function flipped(bytes: Uint8Array, at: number, bit: number): Uint8Array {
  const copy = bytes.slice();
  const i = at % copy.length;
  copy[i] = (copy[i] ?? 0) ^ (1 << (bit % 8));
  return copy;
}

/**
 * A tree of 1…100 distinct leaves with everything taken from the reference recursion (not from the log), a
 * leaf index m < n, an old size 1 ≤ k ≤ n, and the PATH and PROOF between them.
 */
const scenario = fc
  .record({ n: fc.integer({ min: 1, max: 100 }), a: fc.nat(), b: fc.nat(), salt: fc.nat(255) })
  .map(({ n, a, b, salt }) => {
    const leaves = distinctLeaves(n, salt);
    const m = a % n;
    const k = 1 + (b % n);
    return {
      leaves,
      n,
      m,
      k,
      leafHash: referenceLeafHash(sha256, leaves[m] ?? new Uint8Array(0)),
      path: referencePath(sha256, m, leaves),
      root: referenceRoot(sha256, leaves),
      oldRoot: referenceRoot(sha256, leaves.slice(0, k)),
      proof: k < n ? referenceProof(sha256, k, leaves) : [],
    };
  });

describe('RFC 9162 §2.1.3.2 inclusion verification (§24(7))', () => {
  it('known answers: the CT inclusion vectors verify, and fail against the next root', () => {
    for (const { index, size, path } of CT_INCLUSION) {
      const leaf = referenceLeafHash(sha256, CT_LEAVES[index] ?? new Uint8Array(0));
      const proof = path.map(fromHex);
      expect(verifyInclusion(sha256, leaf, index, size, proof, root(size))).toEqual({
        ok: true,
        value: true,
      });
      if (size < 8) expect(verifyInclusion(sha256, leaf, index, size, proof, root(size + 1)).ok).toBe(false);
    }
  });

  it('property: every generated path verifies against the reference root', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(verifyInclusion(sha256, s.leafHash, s.m, s.n, s.path, s.root).ok).toBe(true);
      }),
    );
  });

  it('property: a flipped bit in a path node, the leaf hash or the root fails', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.nat(), fc.nat(7), (s, which, at, bit) => {
        const target = which % (s.path.length + 2);
        const path = s.path.map((node, i) => (i === target ? flipped(node, at, bit) : node));
        const leaf = target === s.path.length ? flipped(s.leafHash, at, bit) : s.leafHash;
        const head = target === s.path.length + 1 ? flipped(s.root, at, bit) : s.root;
        expect(verifyInclusion(sha256, leaf, s.m, s.n, path, head)).toEqual({
          ok: false,
          error: 'root-mismatch',
        });
      }),
    );
  });

  it('property: another index, or another size with that size’s true root, fails', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, pick) => {
        const other = pick % (s.n + 2);
        if (other !== s.m)
          expect(verifyInclusion(sha256, s.leafHash, other, s.n, s.path, s.root).ok).toBe(false);
        // The size alone is bound by the signed tree head: a path that fits size n' must lead to MTH(D[n']).
        if (other !== s.n && other > s.m && other <= s.leaves.length) {
          const otherRoot = referenceRoot(sha256, s.leaves.slice(0, other));
          expect(verifyInclusion(sha256, s.leafHash, s.m, other, s.path, otherRoot).ok).toBe(false);
        }
      }),
    );
  });

  it('property: a node added or removed fails with proof-length or root-mismatch', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), (s, add) => {
        const path = add ? [...s.path, s.root] : s.path.slice(0, -1);
        if (!add && s.path.length === 0) return;
        const result = verifyInclusion(sha256, s.leafHash, s.m, s.n, path, s.root);
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('malformed input is a failed check, never an exception', () => {
    const leaf = referenceLeafHash(sha256, new Uint8Array(0));
    const path = CT_INCLUSION[1]?.path.map(fromHex) ?? [];
    const bad = (value: unknown): never => value as never;
    expect(verifyInclusion(sha256, leaf, 0, 8, path, root(8)).ok).toBe(true);
    expect(verifyInclusion(sha256, leaf, 8, 8, path, root(8))).toEqual({ ok: false, error: 'out-of-range' });
    for (const [index, size] of [
      [-1, 8],
      [0.5, 8],
      [0, Number.NaN],
      [0, 2 ** 53],
    ] as const)
      expect(verifyInclusion(sha256, leaf, index, size, path, root(8))).toEqual({
        ok: false,
        error: 'malformed',
      });
    expect(verifyInclusion(sha256, leaf.slice(1), 0, 8, path, root(8))).toEqual(MALFORMED);
    const short = [...path.slice(0, 2), new Uint8Array(31)];
    expect(verifyInclusion(sha256, leaf, 0, 8, short, root(8))).toEqual(MALFORMED);
    expect(verifyInclusion(sha256, leaf, 0, 8, bad('not a path'), root(8))).toEqual(MALFORMED);
    expect(verifyInclusion(sha256, leaf, 0, 8, path, bad(null))).toEqual(MALFORMED);
    expect(verifyInclusion(sha256, leaf, 0, 8, path, new Uint8Array(0))).toEqual(MALFORMED);
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (a, b, c, d) => {
        expect(verifyInclusion(sha256, bad(a), bad(b), bad(c), bad(d), root(8)).ok).toBe(false);
      }),
    );
  });
});

describe('RFC 9162 §2.1.4.2 consistency verification (§24(7))', () => {
  it('known answers: the CT consistency vectors verify', () => {
    for (const { oldSize, newSize, proof } of CT_CONSISTENCY)
      expect(
        verifyConsistency(sha256, oldSize, newSize, root(oldSize), root(newSize), proof.map(fromHex)).ok,
      ).toBe(true);
  });

  it('property: every generated proof verifies between the reference roots', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(verifyConsistency(sha256, s.k, s.n, s.oldRoot, s.root, s.proof).ok).toBe(true);
      }),
    );
  });

  it('property: a flipped bit in a proof node or either root fails', () => {
    fc.assert(
      fc.property(
        scenario.filter((s) => s.k < s.n),
        fc.nat(),
        fc.nat(),
        fc.nat(7),
        (s, which, at, bit) => {
          const target = which % (s.proof.length + 2);
          const proof = s.proof.map((node, i) => (i === target ? flipped(node, at, bit) : node));
          const oldRoot = target === s.proof.length ? flipped(s.oldRoot, at, bit) : s.oldRoot;
          const newRoot = target === s.proof.length + 1 ? flipped(s.root, at, bit) : s.root;
          expect(verifyConsistency(sha256, s.k, s.n, oldRoot, newRoot, proof).ok).toBe(false);
        },
      ),
    );
  });

  it('property: a proof between other sizes fails, even with those sizes’ true roots', () => {
    fc.assert(
      fc.property(
        scenario.filter((s) => s.k < s.n),
        fc.nat(),
        fc.nat(),
        (s, a, b) => {
          const oldSize = 1 + (a % s.n);
          const newSize = oldSize + (b % (s.n - oldSize + 1));
          if (oldSize === s.k && newSize === s.n) return;
          const oldRoot = referenceRoot(sha256, s.leaves.slice(0, oldSize));
          const newRoot = referenceRoot(sha256, s.leaves.slice(0, newSize));
          expect(verifyConsistency(sha256, oldSize, newSize, oldRoot, newRoot, s.proof).ok).toBe(false);
        },
      ),
    );
  });

  it('equal sizes need an empty proof and equal roots; every tree extends the empty one', () => {
    const empty = root(0);
    expect(verifyConsistency(sha256, 5, 5, root(5), root(5), []).ok).toBe(true);
    expect(verifyConsistency(sha256, 5, 5, root(5), root(6), [])).toEqual({
      ok: false,
      error: 'root-mismatch',
    });
    expect(verifyConsistency(sha256, 5, 5, root(5), root(5), [root(1)])).toEqual({
      ok: false,
      error: 'proof-length',
    });
    expect(verifyConsistency(sha256, 0, 8, empty, root(8), []).ok).toBe(true);
    expect(verifyConsistency(sha256, 0, 8, root(1), root(8), [])).toEqual({
      ok: false,
      error: 'root-mismatch',
    });
    expect(verifyConsistency(sha256, 3, 8, root(3), root(8), [])).toEqual({
      ok: false,
      error: 'proof-length',
    });
    expect(verifyConsistency(sha256, 8, 6, root(8), root(6), [])).toEqual({
      ok: false,
      error: 'out-of-range',
    });
  });

  it('malformed input is a failed check, never an exception', () => {
    const bad = (value: unknown): never => value as never;
    expect(verifyConsistency(sha256, 1.5, 8, root(1), root(8), [])).toEqual(MALFORMED);
    expect(verifyConsistency(sha256, 1, 8, root(1).slice(2), root(8), [])).toEqual(MALFORMED);
    expect(verifyConsistency(sha256, 1, 8, root(1), root(8), bad([1, 2]))).toEqual({
      ok: false,
      error: 'malformed',
    });
    fc.assert(
      fc.property(
        fc.anything(),
        fc.anything(),
        fc.anything(),
        fc.anything(),
        fc.anything(),
        (a, b, c, d, e) => {
          expect(verifyConsistency(sha256, bad(a), bad(b), bad(c), bad(d), bad(e)).ok).toBe(false);
        },
      ),
    );
  });
});
