// Shared by the ledger tests only: hex, the Certificate Transparency test vectors, and a reference
// implementation written straight from the recursive definitions of RFC 6962 §2.1, §2.1.1 and §2.1.2 —
// slow (every MTH from the leaves) and independent of rfc6962.ts, so the fast log is checked against the text.
import type { Hash } from './rfc6962';

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

export function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * The leaf inputs of the RFC 6962 test vectors of Certificate Transparency's reference implementation
 * (google/certificate-transparency cpp/merkletree/merkle_tree_test.cc, carried into transparency-dev/merkle
 * testonly/constants.go as LeafInputs).
 */
export const CT_LEAVES: readonly Uint8Array[] = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(fromHex);

/** MTH of the first n CT leaves, n = 0…8 (testonly/constants.go RootHashes; kSHA256Roots in the C++ tests). */
export const CT_ROOTS: readonly string[] = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** Inclusion paths (0-based leaf index) from transparency-dev/merkle proof/verify_test.go (inclusionProofs). */
export const CT_INCLUSION: readonly { index: number; size: number; path: readonly string[] }[] = [
  { index: 0, size: 1, path: [] },
  {
    index: 0,
    size: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    path: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

/** Consistency proofs from the same file (consistencyProofs). */
export const CT_CONSISTENCY: readonly { oldSize: number; newSize: number; proof: readonly string[] }[] = [
  { oldSize: 1, newSize: 1, proof: [] },
  {
    oldSize: 1,
    newSize: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    oldSize: 6,
    newSize: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    oldSize: 2,
    newSize: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    oldSize: 6,
    newSize: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** "k is the largest power of two smaller than n (i.e., k < n <= 2k)" — §2.1, by doubling. */
function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (2 * k < n) k *= 2;
  return k;
}

export const referenceLeafHash = (hash: Hash, d: Uint8Array): Uint8Array => hash(concat(Uint8Array.of(0), d));

/** MTH(D[n]), §2.1. */
export function referenceRoot(hash: Hash, d: readonly Uint8Array[]): Uint8Array {
  if (d.length === 0) return hash(new Uint8Array(0));
  const [only] = d;
  if (d.length === 1 && only !== undefined) return referenceLeafHash(hash, only);
  const k = largestPowerOfTwoBelow(d.length);
  return hash(concat(Uint8Array.of(1), referenceRoot(hash, d.slice(0, k)), referenceRoot(hash, d.slice(k))));
}

/** PATH(m, D[n]), §2.1.1. */
export function referencePath(hash: Hash, m: number, d: readonly Uint8Array[]): Uint8Array[] {
  if (d.length <= 1) return [];
  const k = largestPowerOfTwoBelow(d.length);
  return m < k
    ? [...referencePath(hash, m, d.slice(0, k)), referenceRoot(hash, d.slice(k))]
    : [...referencePath(hash, m - k, d.slice(k)), referenceRoot(hash, d.slice(0, k))];
}

/** SUBPROOF(m, D[n], b), §2.1.2. */
function referenceSubproof(hash: Hash, m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [referenceRoot(hash, d)];
  const k = largestPowerOfTwoBelow(d.length);
  return m <= k
    ? [...referenceSubproof(hash, m, d.slice(0, k), b), referenceRoot(hash, d.slice(k))]
    : [...referenceSubproof(hash, m - k, d.slice(k), false), referenceRoot(hash, d.slice(0, k))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), §2.1.2 (0 < m ≤ n). */
export const referenceProof = (hash: Hash, m: number, d: readonly Uint8Array[]): Uint8Array[] =>
  referenceSubproof(hash, m, d, true);

/** Distinct leaves (each carries its index), so no two subtrees of a test tree hash alike. */
export const distinctLeaves = (count: number, salt = 0): Uint8Array[] =>
  Array.from({ length: count }, (_, i) => Uint8Array.of(salt, i % 256, Math.floor(i / 256), 0x2a));
