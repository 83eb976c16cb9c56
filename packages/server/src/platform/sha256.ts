import { hash } from 'node:crypto';

/**
 * SHA-256 for the transparency ledger: the domain is pure and takes its hash as a function (RFC 6962 §2.1).
 * crypto.hash is the one-shot form, markedly faster than createHash for the short inputs of a Merkle tree.
 */
export const sha256 = (bytes: Uint8Array): Uint8Array => hash('sha256', bytes, 'buffer');
