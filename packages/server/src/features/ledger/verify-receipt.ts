import { verifyInclusion, verifyTreeHead } from '@kezek/domain';
import { ed25519Verify, keyIdOf, publicKeyFromRaw } from '../../platform/ed25519';
import { sha256 } from '../../platform/sha256';
import type { ReceiptClaim } from './receipt-qr';

type ClaimedHead = NonNullable<ReceiptClaim['head']>;
import { hashLeaf } from './register-leaf';

export type Verdict = { ok: true; message: string } | { ok: false; message: string };

const fail = (message: string): Verdict => ({ ok: false, message });
const bytes = (hex: string): Uint8Array => Buffer.from(hex, 'hex');

/** Why a head is not one the log `log` signed with the key `publicKeyHex`; undefined when it is. */
export function headSignatureProblem(
  head: ClaimedHead,
  log: string,
  publicKeyHex: string,
): string | undefined {
  const raw = bytes(publicKeyHex);
  const key = publicKeyFromRaw(raw);
  if (key === undefined) return 'no valid Ed25519 public key';
  if (head.keyId !== undefined && head.keyId !== keyIdOf(raw)) return 'the head names another key';
  if (head.logId !== `kezek/${log}`) return `the head is of log ${head.logId}, not kezek/${log}`;
  const signed = verifyTreeHead(
    {
      logId: head.logId,
      treeSize: head.treeSize,
      rootHash: bytes(head.rootHash),
      timestamp: head.timestamp,
      signature: bytes(head.signature),
    },
    (message, signature) => ed25519Verify(key, message, signature),
  );
  return signed.ok ? undefined : `the tree head's signature does not verify (${signed.error})`;
}

/**
 * `kezek verify` offline: the leaf matches its hash, the head is signed by the receipt's key (and by the pinned
 * key, when given), and the inclusion proof leads from the leaf to the signed root (RFC 9162 §2.1.3.2). Whether
 * the key is the log's published one is for the holder to compare, or for --online to check.
 */
export function verifyReceiptOffline(claim: ReceiptClaim, pinnedKeyHex?: string): Verdict {
  if (claim.leaf !== undefined && hashLeaf(claim.leaf) !== claim.leafHash)
    return fail('the leaf does not match its leaf hash: the receipt was altered');
  if (pinnedKeyHex !== undefined && pinnedKeyHex.toLowerCase() !== claim.publicKey)
    return fail('the receipt names another public key than the one given with --key');
  if (publicKeyFromRaw(bytes(claim.publicKey)) === undefined)
    return fail('the receipt carries no valid Ed25519 public key');
  const { head, index, proof } = claim;
  if (head === null || index === null || proof === null)
    return fail(
      'the leaf is not yet covered by a signed tree head (merge delay): verify again with --online',
    );
  const headProblem = headSignatureProblem(head, claim.log, claim.publicKey);
  if (headProblem !== undefined) return fail(headProblem);
  const included = verifyInclusion(
    sha256,
    bytes(claim.leafHash),
    index,
    head.treeSize,
    proof.map(bytes),
    bytes(head.rootHash),
  );
  if (!included.ok) return fail(`the inclusion proof does not lead to the signed root (${included.error})`);
  return {
    ok: true,
    message:
      `leaf ${claim.leafHash} is entry ${index} of ${head.logId}, in the tree of ${head.treeSize} leaves ` +
      `signed at ${new Date(head.timestamp).toISOString()} by key ${keyIdOf(bytes(claim.publicKey))}`,
  };
}
